// @ts-check
/**
 * Search across every language at once. Each language has its own Pagefind bundle; this loads each
 * bundle's module separately (lazily, on the first query), so every query is stemmed as each
 * language stems it, then merges the results by score and groups translations of one article
 * into one entry, best-matching language first (the page's own language wins ties).
 */

/** @typedef {{ lang: string, dir: string, name: string, path: string }} Bundle */
/** @typedef {{ pageLang: string, bundles: Bundle[], strings: Record<string, string> }} Config */
/** @typedef {{ url: string, excerpt: string, meta: Record<string, string> }} ResultData */
/** @typedef {{ lang: string, score: number, data: ResultData }} Hit */

const config = /** @type {Config} */ (JSON.parse(document.getElementById("search-config")?.textContent ?? "{}"));
const form = /** @type {HTMLFormElement} */ (document.querySelector("[data-search-form]"));
const input = /** @type {HTMLInputElement} */ (form.elements.namedItem("q"));
const select = /** @type {HTMLSelectElement} */ (form.elements.namedItem("lang"));
const status = /** @type {HTMLElement} */ (document.querySelector("[data-search-status]"));
const list = /** @type {HTMLElement} */ (document.querySelector("[data-search-results]"));
const PER_LANGUAGE = 10;

/** @type {Map<string, Promise<any>>} */
const modules = new Map();
/** Each language's Pagefind module, loaded once, on first use. */
function bundle(/** @type {Bundle} */ b) {
  let m = modules.get(b.lang);
  if (!m) {
    m = import(`${b.path}pagefind.js`).then(async (pagefind) => {
      await pagefind.options({ baseUrl: b.path.replace(/pagefind\/[^/]+\/$/, "") });
      await pagefind.init();
      return pagefind;
    });
    modules.set(b.lang, m);
  }
  return m;
}

const fill = (/** @type {string} */ s, /** @type {Record<string, string>} */ data) => s.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => data[k] ?? "");

/** Pagefind's excerpt as DOM: only its text and its <mark>s are kept, parsed inertly. */
function excerptNodes(/** @type {string} */ html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") out.append(Object.assign(document.createElement("mark"), { textContent: node.textContent }));
    else out.append(document.createTextNode(node.textContent ?? ""));
  }
  return out;
}

/** @param {string} query @param {string} only */
async function search(query, only) {
  const bundles = config.bundles.filter((b) => !only || b.lang === only);
  const perLanguage = await Promise.all(
    bundles.map(async (b) => {
      const pagefind = await bundle(b);
      const found = await pagefind.search(query);
      const top = await Promise.all(found.results.slice(0, PER_LANGUAGE).map(async (/** @type {any} */ r) => ({ lang: b.lang, score: r.score, data: await r.data() })));
      return /** @type {Hit[]} */ (top);
    }),
  );
  // One entry per translation group; its best hit leads, the page's language winning ties.
  const byArticle = new Map();
  for (const hit of perLanguage.flat()) {
    const key = hit.data.meta.group || hit.data.url;
    const entry = byArticle.get(key) ?? { hits: [] };
    entry.hits.push(hit);
    byArticle.set(key, entry);
  }
  const rank = (/** @type {Hit} */ a, /** @type {Hit} */ b) => b.score - a.score || Number(b.lang === config.pageLang) - Number(a.lang === config.pageLang) || (a.data.url < b.data.url ? -1 : 1);
  const entries = [...byArticle.values()].map((e) => ({ hits: e.hits.sort(rank) }));
  return entries.sort((a, b) => rank(/** @type {Hit} */ (a.hits[0]), /** @type {Hit} */ (b.hits[0])));
}

function render(/** @type {{ hits: Hit[] }[]} */ entries, /** @type {string} */ query) {
  list.replaceChildren();
  for (const { hits } of entries) {
    const [best, ...others] = hits;
    if (!best) continue;
    const bundleOf = (/** @type {string} */ lang) => config.bundles.find((b) => b.lang === lang);
    const li = Object.assign(document.createElement("li"), { className: "teaser search-result", lang: best.lang, dir: bundleOf(best.lang)?.dir ?? "ltr" });
    li.dataset.group = best.data.meta.group ?? "";
    const h2 = Object.assign(document.createElement("h2"), { className: "teaser__title" });
    h2.append(Object.assign(document.createElement("a"), { href: best.data.url, textContent: best.data.meta.title ?? best.data.url }));
    const meta = Object.assign(document.createElement("p"), { className: "teaser__meta" });
    meta.append(Object.assign(document.createElement("span"), { className: "teaser__lang", textContent: bundleOf(best.lang)?.name ?? best.lang }));
    const excerpt = Object.assign(document.createElement("p"), { className: "teaser__summary" });
    excerpt.append(excerptNodes(best.data.excerpt));
    li.append(h2, meta, excerpt);
    if (others.length) {
      const also = Object.assign(document.createElement("p"), { className: "also-in" });
      also.lang = config.pageLang;
      also.append(`${config.strings.alsoIn ?? ""}:`);
      for (const hit of others) {
        const b = bundleOf(hit.lang);
        also.append(" ", Object.assign(document.createElement("a"), { href: hit.data.url, lang: hit.lang, hreflang: hit.lang, dir: b?.dir ?? "ltr", textContent: b?.name ?? hit.lang }));
      }
      li.append(also);
    }
    list.append(li);
  }
  status.textContent = entries.length ? fill(config.strings.results ?? "", { count: String(entries.length) }) : fill(config.strings.none ?? "", { query });
}

async function run() {
  const params = new URLSearchParams(location.search);
  const query = (params.get("q") ?? "").trim();
  input.value = query;
  select.value = params.get("lang") ?? "";
  if (!query) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  const started = performance.now();
  status.textContent = config.strings.searching ?? "";
  render(await search(query, select.value), query);
  document.body.dataset.searchMs = String(Math.round(performance.now() - started));
}

// The query lives in the URL, so results can be linked and Back works.
form.addEventListener("submit", (event) => {
  event.preventDefault();
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  if (select.value) params.set("lang", select.value);
  history.pushState(null, "", `${location.pathname}${params.size ? `?${params}` : ""}`);
  void run();
});
select.addEventListener("change", () => form.requestSubmit());
window.addEventListener("popstate", () => void run());
void run();
