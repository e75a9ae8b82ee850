import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { loadGroupOverrides } from "../../src/group/overrides.ts";
import { buildSiteModel } from "../../src/pipeline.ts";
import { ogLocale } from "../../src/render/site-pages.ts";
import { loadSettings } from "../../src/settings.ts";

describe("Open Graph locales", () => {
  it("gives a bare language its likely territory", () => {
    assert.deepEqual(["de", "es", "fr", "id", "ar", "zh", "en"].map(ogLocale), ["de_DE", "es_ES", "fr_FR", "id_ID", "ar_EG", "zh_CN", "en_US"]);
  });

  it("keeps a region the tag already has", () => {
    assert.equal(ogLocale("pt-BR"), "pt_BR");
  });
});

describe("pages of the seed site", () => {
  const model = buildSiteModel(loadSettings({ SITE_URL: "https://blog.example", PATH_PREFIX: "/polyglot" }));
  const article = (p: string) => model.articles.find((a) => a.file.startsWith(p))!;

  it("lists articles on a language home by what a teaser shows, without their text", () => {
    const spanish = model.homePages.find((h) => h.url === "/es/");
    const [first] = spanish?.articles ?? [];
    assert.ok(first, "the Spanish home lists articles");
    assert.deepEqual(Object.keys(first).sort(), ["alternates", "date", "dateKind", "description", "dir", "lang", "readingMinutes", "title", "url"]);
  });

  it("gives an article's page its body, without the plain text of its paragraphs a second time", () => {
    const seed = article("000");
    assert.equal(seed.body.length, 4);
    assert.equal(seed.paragraphs, undefined);
    assert.doesNotMatch(JSON.stringify(seed), /"paragraphs"/);
  });

  it("links the four translations of the seed article to one another, each listing all four and x-default", () => {
    const hreflangs = ["000", "001", "002", "003"].map((p) =>
      article(p)
        .hreflang.map((l) => l.hreflang)
        .join(" "),
    );
    assert.deepEqual(new Set(hreflangs), new Set(["de es fr id x-default"]));
    assert.deepEqual(
      article("002").alternates.map((a) => [a.lang, a.current]),
      [
        ["de", false],
        ["es", false],
        ["fr", true],
        ["id", false],
      ],
    );
  });

  it("builds absolute hreflang and canonical URLs from the site URL and path prefix", () => {
    const a = article("000");
    assert.equal(a.canonical, `https://blog.example/polyglot${a.url}`);
    assert.ok(a.hreflang.every((l) => l.href.startsWith("https://blog.example/polyglot/")));
    assert.equal(a.hreflang.find((l) => l.hreflang === "x-default")?.href, "https://blog.example/polyglot/");
  });

  it("points the search page at every language's Pagefind bundle under the path prefix", () => {
    const search = model.searchPages.find((p) => p.lang === "es")!;
    assert.deepEqual(
      search.bundles.map((b) => b.path),
      ["/polyglot/pagefind/de/", "/polyglot/pagefind/es/", "/polyglot/pagefind/fr/", "/polyglot/pagefind/id/"],
    );
  });

  it("gives 004, which has no translation, no hreflang links and a switcher of one", () => {
    assert.deepEqual(article("004").hreflang, []);
    assert.equal(article("004").alternates.length, 1);
  });

  it("names og:locale and its alternates", () => {
    assert.equal(article("000").ogLocale, "es_ES");
    assert.deepEqual(article("000").ogLocaleAlternates, ["de_DE", "fr_FR", "id_ID"]);
  });

  it("dates a page for the sitemap only where a date is known: an article by its own, a home by its newest", () => {
    assert.equal(model.coveragePages.find((p) => p.url === "/coverage/")?.lastmod, undefined);
    assert.match(article("001").lastmod ?? "", /^\d{4}-\d{2}-\d{2}/);
    assert.equal(article("001").lastmod, article("001").date);
    const spanish = model.homePages.find((h) => h.url === "/es/");
    assert.match(spanish?.lastmod ?? "", /^\d{4}-\d{2}-\d{2}/);
    assert.equal(spanish?.lastmod, spanish?.articles.find((a) => a.date)?.date);
  });

  it("shows the seed article in one coverage row with all four languages, and 004 in a row of its own with gaps", () => {
    const rows = model.coveragePages.find((p) => p.url === "/coverage/")!.rows;
    assert.equal(rows.length, 2);
    const cells = rows.map((r) => r.cells.map((c) => (c ? c.lang : "-")).join(" "));
    assert.deepEqual(cells.sort(), ["- es - -", "de es fr id"]);
  });

  it("names a coverage row by its group's original, shortened as a label", () => {
    const row = model.coveragePages.find((p) => p.url === "/coverage/")!.rows.find((r) => r.cells.every(Boolean));
    assert.equal(row?.lang, "es");
    assert.equal(row?.title, "Parece ridículo que una empresa demande a sus clientes que pagan");
  });

  it("gives every language a coverage page whose rows are named in it where the article exists in it", () => {
    const coverage = (lang: string) => model.coveragePages.find((p) => p.url === `/${lang}/coverage/`)!;
    assert.deepEqual(
      model.coveragePages.map((p) => p.url),
      ["/de/coverage/", "/es/coverage/", "/fr/coverage/", "/id/coverage/", "/coverage/"],
    );
    const german = coverage("de").rows.map((r) => [r.lang, r.title]);
    assert.deepEqual(
      german.find(([lang]) => lang === "de"),
      ["de", article("001").shortTitle],
    );
    // 004 exists only in Spanish: its row keeps its own words, marked as Spanish.
    assert.deepEqual(
      german.find(([lang]) => lang === "es"),
      ["es", article("004").shortTitle],
    );
    assert.equal(coverage("id").canonical, "https://blog.example/polyglot/id/coverage/");
  });
});

describe("coverage in pages", () => {
  // The seeds make two rows (the four-language article, and 004 alone): one row a page gives two pages.
  const model = buildSiteModel({ ...loadSettings({ SITE_URL: "https://blog.example" }), coverageRows: 1 });
  const pages = (prefix: string) => model.coveragePages.filter((p) => p.url.startsWith(prefix));

  it("splits every language's coverage into pages of the configured number of rows", () => {
    assert.deepEqual(
      pages("/de/").map((p) => [p.url, p.rows.length]),
      [
        ["/de/coverage/", 1],
        ["/de/coverage/page/2/", 1],
      ],
    );
    assert.deepEqual(
      pages("/coverage/").map((p) => p.url),
      ["/coverage/", "/coverage/page/2/"],
    );
  });

  it("puts the same rows on page n in every language, and links page n to the other languages' page n", () => {
    const second = (lang: string) => model.coveragePages.find((p) => p.url === `/${lang}/coverage/page/2/`);
    const cells = (lang: string) => second(lang)?.rows.map((r) => r.cells.map((c) => c?.url ?? null));
    assert.deepEqual(cells("de"), cells("id"));
    assert.deepEqual(
      second("fr")?.alternates.map((a) => [a.url, a.current]),
      [
        ["/de/coverage/page/2/", false],
        ["/es/coverage/page/2/", false],
        ["/fr/coverage/page/2/", true],
        ["/id/coverage/page/2/", false],
      ],
    );
  });

  it("lists every page of its language on each page, marking the current one", () => {
    const second = model.coveragePages.find((p) => p.url === "/es/coverage/page/2/");
    assert.deepEqual(second?.pageLinks, [
      { n: 1, url: "/es/coverage/", current: false },
      { n: 2, url: "/es/coverage/page/2/", current: true },
    ]);
    assert.equal(second?.totalPages, 2);
  });

  it("keeps all rows on one page by default", () => {
    const all = buildSiteModel(loadSettings({ SITE_URL: "https://blog.example" }));
    assert.deepEqual(
      all.coveragePages.map((p) => [p.url, p.rows.length, p.totalPages]),
      [
        ["/de/coverage/", 2, 1],
        ["/es/coverage/", 2, 1],
        ["/fr/coverage/", 2, 1],
        ["/id/coverage/", 2, 1],
        ["/coverage/", 2, 1],
      ],
    );
  });
});

describe("the translations data file", () => {
  function file(content: string): string {
    const path = join(mkdtempSync(join(tmpdir(), "tr-")), "translations.json");
    writeFileSync(path, content);
    return path;
  }

  it("reads keys and not-translations pairs", () => {
    const { overrides, problems } = loadGroupOverrides(file('{"keys": {"a.txt": "k"}, "notTranslations": [["a.txt", "b.txt"]]}'), new Set(["a.txt", "b.txt"]));
    assert.deepEqual(problems, []);
    assert.equal(overrides.keys.get("a.txt"), "k");
    assert.deepEqual(overrides.notTranslations, [["a.txt", "b.txt"]]);
  });

  it("reports a file name that is not a document, so a typo does not silently do nothing", () => {
    const { problems } = loadGroupOverrides(file('{"keys": {"typo.txt": "k"}}'), new Set(["a.txt"]));
    assert.deepEqual(problems, ['keys: "typo.txt" is not a document in the documents folder']);
  });

  it("reports malformed JSON and unknown fields", () => {
    assert.match(loadGroupOverrides(file("{"), new Set()).problems[0]!, /^not valid JSON/);
    assert.match(loadGroupOverrides(file('{"groups": {}}'), new Set()).problems[0]!, /groups/);
  });

  it("stops the build when the data file names a document that does not exist", () => {
    assert.throws(() => buildSiteModel(loadSettings({}), { translations: file('{"keys": {"nope.txt": "k"}}') }), /nope\.txt" is not a document/);
  });
});
