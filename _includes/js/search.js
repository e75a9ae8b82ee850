// @ts-check
/**
 * Search across every language at once, answering in the reader's language. Each language has its
 * own Pagefind bundle, loaded as its own module so each query is stemmed as that language stems it.
 * The reader's language is searched first and shown at once; the other languages follow.
 *
 * Results are articles, not hits: the hits of one translation group make one entry, shown in the
 * reader's language when the article exists in it (else in the language that matched best, which
 * the entry names), with every translation listed. Pagefind's scores come from separate indexes of
 * different sizes, so they are not compared as they are: each hit scores
 *
 *   relevance = coverage × (1 + score / best score in its own language) / 2
 *
 * where coverage is the share of the query's words the hit really contains (a matched word that
 * shares a stem-length prefix with a query word, or holds it, in scripts written without spaces).
 * A hit under half the query's words is dropped: that is the floor that keeps "la" out of the
 * results for "lawsuit". Entries rank by their best hit; on a tie the reader's language wins.
 */

/** @typedef {{ lang: string, dir: string, name: string, path: string }} Bundle */
/** @typedef {{ pageLang: string, bundles: Bundle[], strings: Record<string, string> }} Config */
/** @typedef {{ lang: string, url: string, title: string, description: string }} Version */
/** @typedef {{ url: string, content: string, excerpt: string, locations: number[], meta: Record<string, string> }} ResultData */
/** @typedef {{ lang: string, score: number, relevance: number, data: ResultData }} Hit */
/** @typedef {{ key: string, hits: Hit[], versions: Version[], relevance: number }} Entry */

const config = /** @type {Config} */ (JSON.parse(document.getElementById("search-config")?.textContent ?? "{}"));
const form = /** @type {HTMLFormElement} */ (document.querySelector("[data-search-form]"));
const input = /** @type {HTMLInputElement} */ (form.elements.namedItem("q"));
const select = /** @type {HTMLSelectElement} */ (form.elements.namedItem("lang"));
const status = /** @type {HTMLElement} */ (document.querySelector("[data-search-status]"));
const list = /** @type {HTMLElement} */ (document.querySelector("[data-search-results]"));
const PER_LANGUAGE = 10;
const TYPING_PAUSE_MS = 250;
const EXCERPT_WORDS = 30;
/** Scripts written without spaces between words: Pagefind splits them into words, an excerpt must not. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

const bundleOf = (/** @type {string} */ lang) => config.bundles.find((b) => b.lang === lang);
const fill = (/** @type {string} */ s, /** @type {Record<string, string>} */ data) => s.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => data[k] ?? "");
const el = (/** @type {string} */ tag, /** @type {Record<string, string>} */ props = {}) => Object.assign(document.createElement(tag), props);

/**
 * Each language needs Pagefind's module to itself: its WebAssembly (with that language's stemmer) is
 * module-wide state, so one module cannot stem two languages. Every bundle ships the same module, so
 * it is fetched once and instantiated per language from that one text (a blob URL each). The
 * reader's language searches in a worker; the others, searched after the first results are on
 * screen, run on the page's thread, which spares each its own worker script.
 * @type {Promise<string> | undefined}
 */
let pagefindSource;
/** @type {Map<string, Promise<any>>} */
const instances = new Map();
function bundle(/** @type {Bundle} */ b) {
  let instance = instances.get(b.lang);
  if (!instance) {
    pagefindSource ??= fetch(`${(bundleOf(config.pageLang) ?? b).path}pagefind.js`).then((r) => r.text());
    instance = pagefindSource.then(async (source) => {
      const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      const pagefind = await import(url);
      const one = pagefind.createInstance({ basePath: b.path, baseUrl: b.path.replace(/pagefind\/[^/]+\/$/, ""), noWorker: b.lang !== config.pageLang });
      await one.init();
      return one;
    });
    instances.set(b.lang, instance);
  }
  return instance;
}

const bare = (/** @type {string} */ word) => word.toLocaleLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

/** Whether a word of the text is the query word `term` (or a form of it), not merely something that starts alike. */
function related(/** @type {string} */ word, /** @type {string} */ term) {
  if (!word || !term) return false;
  if (UNSPACED.test(word) || UNSPACED.test(term)) return term.includes(word) || word.includes(term);
  let shared = 0;
  while (shared < word.length && shared < term.length && word[shared] === term[shared]) shared++;
  const shorter = Math.min(word.length, term.length);
  if (shared === shorter) return shorter >= Math.min(3, term.length);
  return shared >= Math.max(3, Math.ceil(0.6 * shorter));
}

/**
 * A query in a script written without spaces, split into words as that language splits them:
 * Pagefind splits a query by the page's language, and from an English page "パン職人" would stay one
 * word that no Japanese page contains.
 */
function segmented(/** @type {string} */ query, /** @type {string} */ lang) {
  if (!UNSPACED.test(query) || typeof Intl.Segmenter !== "function") return query;
  const words = [...new Intl.Segmenter(lang, { granularity: "word" }).segment(query)].filter((s) => s.isWordLike).map((s) => s.segment);
  return words.join(" ");
}

const contentWords = (/** @type {ResultData} */ data) => data.content.split(/\s+/);

/**
 * Whether Pagefind's match locations are word positions in the content split at spaces. In Chinese
 * and Japanese they are positions in Pagefind's own segmentation, which the content does not show.
 */
const spaced = (/** @type {ResultData} */ data) => !UNSPACED.test(data.meta.lead ?? "") && (data.locations ?? []).every((i) => i < contentWords(data).length);

/** The words the hit matched: at its locations where those are words, and those Pagefind marked in its excerpt. */
function matchedWords(/** @type {ResultData} */ data) {
  const words = contentWords(data);
  const located = spaced(data) ? (data.locations ?? []).map((i) => bare(words[i] ?? "")) : [];
  const template = document.createElement("template");
  template.innerHTML = data.excerpt ?? "";
  const marked = [...template.content.querySelectorAll("mark")].map((m) => bare(m.textContent ?? ""));
  return [...located, ...marked].filter(Boolean);
}

/** The share of the query's words that the hit's matched words really are. */
function coverage(/** @type {ResultData} */ data, /** @type {string[]} */ terms) {
  const matched = matchedWords(data);
  return terms.filter((t) => matched.some((w) => related(w, t))).length / terms.length;
}

/** @param {Bundle} b @param {string} query @param {string[]} terms @returns {Promise<Hit[]>} */
async function searchLanguage(b, query, terms) {
  const pagefind = await bundle(b);
  const found = await pagefind.search(segmented(query, b.lang));
  const hits = await Promise.all(found.results.slice(0, PER_LANGUAGE).map(async (/** @type {any} */ r) => ({ lang: b.lang, score: r.score, data: /** @type {ResultData} */ (await r.data()) })));
  const kept = hits.map((h) => ({ ...h, cover: coverage(h.data, terms) })).filter((h) => h.cover >= 0.5);
  const best = Math.max(...kept.map((h) => h.score), Number.MIN_VALUE);
  return kept.map(({ cover, ...h }) => ({ ...h, relevance: (cover * (1 + h.score / best)) / 2 }));
}

function versionsOf(/** @type {Hit} */ hit) {
  try {
    const versions = JSON.parse(hit.data.meta.versions ?? "[]");
    if (Array.isArray(versions) && versions.length) return /** @type {Version[]} */ (versions);
  } catch {
    // An index without versions: the hit alone.
  }
  return [{ lang: hit.lang, url: hit.data.url, title: hit.data.meta.title ?? hit.data.url, description: "" }];
}

const readerFirst = (/** @type {string} */ a, /** @type {string} */ b) => Number(b === config.pageLang) - Number(a === config.pageLang);

/** One entry per translation group, ranked by its best hit; the reader's language wins ties. */
function entries(/** @type {Hit[]} */ hits) {
  /** @type {Map<string, Entry>} */
  const byArticle = new Map();
  for (const hit of hits) {
    const key = hit.data.meta.group || hit.data.url;
    const entry = byArticle.get(key) ?? { key, hits: [], versions: versionsOf(hit), relevance: 0 };
    entry.hits.push(hit);
    entry.relevance = Math.max(entry.relevance, hit.relevance);
    byArticle.set(key, entry);
  }
  const hasReader = (/** @type {Entry} */ e) => (e.versions.some((v) => v.lang === config.pageLang) ? 1 : 0);
  return [...byArticle.values()]
    .map((e) => ({ ...e, hits: e.hits.sort((a, b) => b.relevance - a.relevance || readerFirst(a.lang, b.lang)) }))
    .sort((a, b) => b.relevance - a.relevance || hasReader(b) - hasReader(a) || (a.key < b.key ? -1 : 1));
}

const letters = (/** @type {string} */ s) => s.replace(/[^\p{L}\p{N}]+/gu, "");

/** How many of the content's first words are the title and byline, which the excerpt leaves out. */
function leadLength(/** @type {string[]} */ words, /** @type {string} */ lead) {
  // Letters and digits only: Pagefind ends a heading with a full stop of its own.
  const target = letters(lead);
  let seen = "";
  for (let i = 0; i < words.length && target; i++) {
    seen += letters(words[i] ?? "");
    if (seen.length >= target.length) return seen === target ? i + 1 : 0;
  }
  return 0;
}

/** An excerpt of the body around the first match, matches marked: by words, or by characters where words have no spaces. */
function excerpt(/** @type {ResultData} */ data, /** @type {string[]} */ terms) {
  return spaced(data) ? wordExcerpt(data, terms) : characterExcerpt(data, terms);
}

function wordExcerpt(/** @type {ResultData} */ data, /** @type {string[]} */ terms) {
  const words = contentWords(data);
  const skip = leadLength(words, data.meta.lead ?? "");
  const marked = new Set((data.locations ?? []).filter((i) => i >= skip && terms.some((t) => related(bare(words[i] ?? ""), t))));
  const first = Math.min(...marked, words.length);
  const start = first === words.length ? skip : Math.max(skip, first - Math.floor(EXCERPT_WORDS / 3));
  const end = Math.min(words.length, start + EXCERPT_WORDS);
  const out = document.createDocumentFragment();
  if (start > skip) out.append("… ");
  for (let i = start; i < end; i++) {
    if (i > start) out.append(" ");
    out.append(marked.has(i) ? el("mark", { textContent: words[i] ?? "" }) : (words[i] ?? ""));
  }
  if (end < words.length) out.append(" …");
  return out;
}

/** Chinese and Japanese: a window of characters after the title, the matched words marked where they stand, nothing inserted between them. */
function characterExcerpt(/** @type {ResultData} */ data, /** @type {string[]} */ terms) {
  const text = data.content;
  let bodyStart = 0;
  for (let seen = 0, target = letters(data.meta.lead ?? "").length; bodyStart < text.length && seen < target; bodyStart++) if (/[\p{L}\p{N}]/u.test(text[bodyStart] ?? "")) seen++;
  const body = text.slice(bodyStart).replace(/^[\s.。、]+/u, "");
  const needles = [...new Set(matchedWords(data).filter((w) => terms.some((t) => related(w, t))))].sort((a, b) => b.length - a.length);
  const at = (/** @type {number} */ from) => Math.min(...needles.map((n) => body.indexOf(n, from)).filter((i) => i >= 0), body.length);
  const first = at(0);
  const start = first === body.length ? 0 : Math.max(0, first - 20);
  const end = Math.min(body.length, start + EXCERPT_WORDS * 3);
  const out = document.createDocumentFragment();
  if (start > 0) out.append("…");
  for (let i = start; i < end; ) {
    const next = Math.min(at(i), end);
    if (next > i) out.append(body.slice(i, next));
    if (next >= end) break;
    const needle = needles.find((n) => body.startsWith(n, next)) ?? "";
    // Words matched side by side ("パン" "職人") read as one mark, as they are written.
    if (next === i && out.lastChild instanceof HTMLElement && out.lastChild.tagName === "MARK") out.lastChild.append(needle);
    else out.append(el("mark", { textContent: needle }));
    i = next + Math.max(needle.length, 1);
  }
  if (end < body.length) out.append("…");
  return out;
}

function languageLink(/** @type {Version} */ v) {
  const b = bundleOf(v.lang);
  return el("a", { href: v.url, lang: v.lang, hreflang: v.lang, dir: b?.dir ?? "ltr", textContent: b?.name ?? v.lang });
}

const baseLanguage = (/** @type {string} */ lang) => lang.split("-")[0];

/**
 * The version a reader is shown when no filter asks for another language: their own language's,
 * else one in their language written another way (Portugal's for a Brazilian reader, Cyrillic for
 * a reader of Serbian in Latin letters), else none (the best match's is shown).
 */
function nearestVersion(/** @type {Version[]} */ versions) {
  return versions.find((v) => v.lang === config.pageLang) ?? versions.find((v) => baseLanguage(v.lang) === baseLanguage(config.pageLang));
}

function renderEntry(/** @type {Entry} */ entry, /** @type {string[]} */ terms, /** @type {string} */ only) {
  const best = /** @type {Hit} */ (entry.hits[0]);
  const shownLang = only ? best.lang : (nearestVersion(entry.versions)?.lang ?? best.lang);
  const shown = entry.versions.find((v) => v.lang === shownLang) ?? versionsOf(best)[0];
  const hit = entry.hits.find((h) => h.lang === shownLang);
  const li = el("li", { className: "teaser search-result", lang: shownLang, dir: bundleOf(shownLang)?.dir ?? "ltr" });
  li.dataset.group = entry.key;
  const h2 = el("h2", { className: "teaser__title" });
  h2.append(el("a", { href: shown?.url ?? best.data.url, textContent: shown?.title ?? best.data.meta.title ?? "" }));
  const summary = el("p", { className: "teaser__summary" });
  summary.append(hit ? excerpt(hit.data, terms) : (shown?.description ?? ""));
  li.append(h2);
  // Named only when it is not the reader's language: the reader then knows why.
  if (shownLang !== config.pageLang) {
    const meta = el("p", { className: "teaser__meta" });
    meta.append(el("span", { className: "teaser__lang", textContent: bundleOf(shownLang)?.name ?? shownLang }));
    li.append(meta);
  }
  li.append(summary);
  const others = entry.versions.filter((v) => v.lang !== shownLang);
  if (others.length) {
    const also = el("p", { className: "teaser__langs" });
    also.lang = config.pageLang;
    also.append(`${config.strings.alsoIn ?? ""}:`);
    for (const v of others) also.append(" ", languageLink(v));
    li.append(also);
  }
  return li;
}

function render(/** @type {Entry[]} */ found, /** @type {string[]} */ terms, /** @type {string} */ only, /** @type {boolean} */ done, /** @type {string} */ query) {
  list.replaceChildren(...found.map((e) => renderEntry(e, terms, only)));
  if (!done) status.textContent = config.strings.searching ?? "";
  else if (found.length) status.textContent = fill(config.strings.results ?? "", { count: String(found.length) });
  else status.textContent = `${fill(config.strings.none ?? "", { query })} ${config.strings.tryNext ?? ""}`;
}

let latest = 0;
/** @param {boolean} fromUrl whether the box should show the URL's query (not while the reader types) */
async function run(fromUrl = true) {
  const params = new URLSearchParams(location.search);
  const query = (params.get("q") ?? "").trim();
  const only = params.get("lang") ?? "";
  if (fromUrl) input.value = query;
  select.value = only;
  const run = ++latest;
  if (!query) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  const started = performance.now();
  const terms = segmented(query, config.pageLang).split(/\s+/).map(bare).filter(Boolean);
  const bundles = config.bundles.filter((b) => !only || b.lang === only).sort((a, b) => readerFirst(a.lang, b.lang));
  status.textContent = config.strings.searching ?? "";
  // The reader's language first, shown as soon as it answers; the rest after.
  /** @type {Hit[]} */
  const hits = [];
  const [first, ...rest] = bundles;
  if (first) {
    hits.push(...(await searchLanguage(first, query, terms)));
    if (run !== latest) return;
    if (rest.length) render(entries(hits), terms, only, false, query);
    document.body.dataset.searchFirstMs = String(Math.round(performance.now() - started));
  }
  // One language at a time, the page's thread given back between them, so no long task blocks
  // input (they run on the page's thread: see bundle()).
  for (const b of rest) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (run !== latest) return;
    hits.push(...(await searchLanguage(b, query, terms)));
  }
  if (run !== latest) return;
  render(entries(hits), terms, only, true, query);
  document.body.dataset.searchMs = String(Math.round(performance.now() - started));
}

/** The query lives in the URL, so results can be linked and Back works; typing replaces, submitting adds. */
function showQuery(/** @type {"push" | "replace"} */ how) {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  if (select.value) params.set("lang", select.value);
  const url = `${location.pathname}${params.size ? `?${params}` : ""}`;
  if (url === `${location.pathname}${location.search}`) return false;
  history[how === "push" ? "pushState" : "replaceState"](null, "", url);
  return true;
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let typing;
/** A pause in typing adds one history entry, and later pauses of the same spell of typing replace it. */
let typedEntry = false;
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    if (showQuery(typedEntry ? "replace" : "push")) {
      typedEntry = true;
      void run(false);
    }
  }, TYPING_PAUSE_MS);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  if (!typedEntry) showQuery("push");
  else showQuery("replace");
  typedEntry = false;
  void run();
});
select.addEventListener("change", () => form.requestSubmit());
window.addEventListener("popstate", () => {
  typedEntry = false;
  void run();
});
void run();
