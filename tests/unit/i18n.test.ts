import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { directionOf } from "../../src/detect/codes.ts";
import { loadDictionaries, resolveUiLocale, translationsFor, translator } from "../../src/render/i18n.ts";
import { formatDate, formatMinutes, languageName } from "../../src/render/languages.ts";

// Pagefind's stemmers (its documented list), plus Chinese, Japanese and Korean.
const PAGEFIND_STEMMED = ["ar", "hy", "eu", "ca", "da", "nl", "en", "fi", "fr", "de", "el", "hi", "hu", "id", "ga", "it", "lt", "ne", "no", "pt", "ro", "ru", "sr", "es", "sv", "ta", "tr", "yi"];

describe("the shipped UI dictionaries", () => {
  const { dictionaries, problems } = loadDictionaries();

  it("all pass the schema: every locale has every key, with the same placeholders", () => {
    assert.deepEqual(problems, []);
  });

  it("cover at least 30 locales: every language Pagefind stems, and Chinese, Japanese, Korean", () => {
    assert.ok(dictionaries.size >= 30, String(dictionaries.size));
    for (const lang of [...PAGEFIND_STEMMED, "zh", "ja", "ko"]) assert.ok(dictionaries.has(lang), lang);
  });

  it("include right-to-left languages", () => {
    const rtl = [...dictionaries.keys()].filter((l) => directionOf(l) === "rtl");
    assert.deepEqual(rtl.sort(), ["ar", "fa", "he", "ur", "yi"]);
  });
});

describe("dictionary validation", () => {
  function dir(files: Record<string, object>): string {
    const d = mkdtempSync(join(tmpdir(), "locales-"));
    for (const [name, data] of Object.entries(files)) writeFileSync(join(d, `${name}.json`), JSON.stringify(data));
    return d;
  }

  it("names the locale and the key that is missing", () => {
    const { problems } = loadDictionaries(dir({ en: { "a.b": "A", "a.c": "C" }, de: { "a.b": "A" } }));
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^de\.json: a\.c: /);
  });

  it("rejects keys the source locale does not have", () => {
    const { problems } = loadDictionaries(dir({ en: { "a.b": "A" }, de: { "a.b": "A", "a.x": "X" } }));
    assert.match(problems.join("\n"), /de\.json: .*a\.x/);
  });

  it("rejects a translation that drops a placeholder", () => {
    const { problems } = loadDictionaries(dir({ en: { "p.n": "Page {{n}}" }, de: { "p.n": "Seite" } }));
    assert.match(problems.join("\n"), /de\.json: p\.n: must use the placeholders of "Page \{\{n\}\}"/);
  });

  it("rejects a file named with a tag that is not canonical", () => {
    const { problems } = loadDictionaries(dir({ en: { "a.b": "A" }, pt_br: { "a.b": "A" } }));
    assert.match(problems.join("\n"), /pt_br\.json: "pt_br" is not a canonical BCP 47 tag/);
  });
});

describe("the fallback chain for UI strings", () => {
  const available = new Set(["en", "pt", "no", "es"]);

  it("uses the exact tag when there is a dictionary for it", () => {
    assert.deepEqual(resolveUiLocale("es", available, "en"), { lang: "es", locale: "es", chain: ["es"], fellBack: false });
  });

  it("falls back from a regional tag to its base language, and says so", () => {
    assert.deepEqual(resolveUiLocale("pt-BR", available, "en"), { lang: "pt-BR", locale: "pt", chain: ["pt-BR", "pt"], fellBack: true });
  });

  it("serves Norwegian Bokmål from the Norwegian dictionary", () => {
    assert.equal(resolveUiLocale("nb", available, "en").locale, "no");
  });

  it("ends at the default language", () => {
    assert.deepEqual(resolveUiLocale("sw", available, "en"), { lang: "sw", locale: "en", chain: ["sw", "en"], fellBack: true });
  });

  it("hands the i18n plugin a nested table holding fallback languages under their own tag", () => {
    const dictionaries = new Map([
      ["en", { "nav.skip": "Skip" }],
      ["pt", { "nav.skip": "Saltar" }],
    ]);
    const table = translationsFor(dictionaries, [resolveUiLocale("pt-BR", new Set(dictionaries.keys()), "en")]);
    assert.deepEqual(table, { nav: { skip: { en: "Skip", pt: "Saltar", "pt-BR": "Saltar" } } });
  });
});

describe("names and dates in the page's language", () => {
  it("names each language in itself", () => {
    assert.deepEqual(
      ["de", "es", "fr", "ar", "ja"].map((l) => languageName(l)),
      ["Deutsch", "Español", "Français", "العربية", "日本語"],
    );
  });

  it("writes dates the way each language does", () => {
    assert.equal(formatDate("2024-03-05", "es"), "5 de marzo de 2024");
    assert.equal(formatDate("2024-03-05", "de"), "5. März 2024");
    assert.equal(formatDate("2024-03-05", "ja"), "2024年3月5日");
  });

  it("writes minutes the way each language does", () => {
    assert.equal(formatMinutes(2, "de"), "2 Minuten");
    assert.equal(formatMinutes(1, "fr"), "1 minute");
  });
});

describe("the one UI-string lookup", () => {
  const { dictionaries } = loadDictionaries();
  const available = new Set(dictionaries.keys());
  const resolved = ["de", "pt-BR", "pt-PT", "sr-Latn", "hr"].map((lang) => resolveUiLocale(lang, available, "en"));
  const t = translator(dictionaries, resolved, "en");

  it("fills placeholders in the page's language", () => {
    assert.equal(t("article.byline", "de", { author: "Seamus Phan" }), "Von Seamus Phan");
  });

  it("gives Serbian in Latin letters its own strings, not the Cyrillic ones, and Croatian its own", () => {
    assert.deepEqual(
      resolved.filter((r) => r.lang === "sr-Latn" || r.lang === "hr").map((r) => r.fellBack),
      [false, false],
    );
    assert.equal(t("nav.skip", "sr-Latn"), "Pređi na sadržaj");
    assert.equal(t("nav.skip", "hr"), "Preskoči na sadržaj");
  });

  it("gives Portugal's Portuguese its own strings, not Brazil's", () => {
    assert.equal(resolved.find((r) => r.lang === "pt-PT")?.fellBack, false);
    assert.equal(t("nav.skip", "pt-PT"), "Saltar para o conteúdo");
  });

  it("follows the same chain as the templates' strings: Brazilian Portuguese reads Portuguese, which is Brazil's", () => {
    assert.equal(t("nav.skip", "pt-BR"), "Pular para o conteúdo");
    const table = translationsFor(dictionaries, resolved) as unknown as { nav: { skip: Record<string, string> } };
    assert.equal(table.nav.skip["pt-BR"], t("nav.skip", "pt-BR"));
  });

  it("leaves placeholders as written when asked for the raw string, for scripts that fill them", () => {
    assert.equal(t("search.results", "de"), "Ergebnisse: {{count}}");
  });

  it("refuses a key no dictionary has, rather than print the key on a page", () => {
    assert.throws(() => t("nav.nope", "de"), /no UI string "nav\.nope" for "de"/);
  });
});
