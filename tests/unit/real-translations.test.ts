/**
 * Real published translations (tests/fixtures/real: Debian's manuals as their teams translated
 * them): the failure classes seen on real text, each on a small excerpt.
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { detectLanguage } from "../../src/detect/language.ts";
import { cluster } from "../../src/group/cluster.ts";
import { candidatePairs } from "../../src/group/candidates.ts";
import { documentFeatures, numbersIn, type Features } from "../../src/group/features.ts";
import { scorePair } from "../../src/group/score.ts";
import { groupInputOf, groupTranslations, type GroupInput } from "../../src/group/index.ts";
import { margins } from "../../src/group/margin.ts";
import { partialTranslations } from "../../src/detect/leftovers.ts";
import { ingestDocument } from "../../src/ingest/document.ts";
import { buildSiteModel } from "../../src/pipeline.ts";
import { loadSettings, PROJECT_ROOT } from "../../src/settings.ts";

const REAL_DIR = join(PROJECT_ROOT, "tests/fixtures/real");
const text = (file: string) => readFileSync(join(REAL_DIR, file), "utf8");

/** The fixtures as the build reads them, languages detected. */
function inputs(only: (file: string) => boolean): GroupInput[] {
  return readdirSync(REAL_DIR)
    .filter((f) => f.endsWith(".txt") && only(f))
    .map((file) => {
      const r = ingestDocument(file, readFileSync(join(REAL_DIR, file)), { defaultLang: "en" });
      if (!r.ok) throw new Error(r.reasons.join("; "));
      return groupInputOf(r.doc);
    });
}
const groupsOf = (docs: GroupInput[]) => groupTranslations(docs).groups.map((g) => g.members.map((m) => m.file).sort());

describe("language detection on mixed text", () => {
  /** The file is read as `lang` and said to be mixed, of exactly these languages. */
  const readsAsMixed = (file: string, lang: string, languages: string[]) => {
    const d = detectLanguage(text(file));
    assert.equal(d?.lang, lang);
    assert.deepEqual(d?.mixed?.map((m) => m.lang).sort(), languages);
  };

  it("reads a Japanese page whose commands and untranslated paragraphs are English as Japanese, and says it is mixed", () => {
    readsAsMixed("upgrades-ja.txt", "ja", ["en", "ja"]);
  });

  it("reads a Russian page that left half its paragraphs in English as Russian", () => {
    assert.equal(detectLanguage(text("memory-ru.txt"))?.lang, "ru");
  });

  it("reads an English page full of commands and paths as English, not mixed", () => {
    const d = detectLanguage(text("upgrades-en.txt"));
    assert.equal(d?.lang, "en");
    assert.equal(d?.mixed, undefined);
  });

  it("reads Catalan, which tinyld does not know, as Catalan", () => {
    assert.equal(detectLanguage(text("backup-ca.txt"))?.lang, "ca");
  });

  it("flags a language neither detector knows as low confidence instead of answering with confidence", () => {
    const gaelic = "Tha an leabhar seo mu dheidhinn eachdraidh na Gàidhealtachd agus nan daoine a bha a' fuireach ann o chionn fhada. Bha iad a' obair air an fhearann agus aig muir.";
    assert.equal(detectLanguage(gaelic)?.lowConfidence, true);
  });

  it("reads a Galician page as Galician, though neither eld nor tinyld knows Galician", () => {
    assert.equal(detectLanguage(text("proxy-gl.txt"))?.lang, "gl");
  });

  it("reads Galician messages as Galician by its own words, whether the detectors take them for Spanish (coreutils) or Portuguese (dpkg)", () => {
    assert.equal(detectLanguage(text("messages-gl-coreutils.txt"))?.lang, "gl");
    assert.equal(detectLanguage(text("messages-gl-dpkg.txt"))?.lang, "gl");
  });

  it("reads Malay messages as Malay by its words (fail, senarai, kerana), where the detectors lean to Indonesian", () => {
    assert.equal(detectLanguage(text("messages-ms.txt"))?.lang, "ms");
  });

  it("reads Asturian messages as Asturian by its own words (nun, ye, pa), where the detectors say Spanish", () => {
    assert.equal(detectLanguage(text("messages-ast.txt"))?.lang, "ast");
  });

  it("keeps the Spanish original of that page Spanish", () => {
    assert.equal(detectLanguage(text("proxy-es.txt"))?.lang, "es");
  });

  it("reads a page whose translators left some paragraphs in English by its translated paragraphs, and says it is mixed", () => {
    readsAsMixed("sharing-lv.txt", "lv", ["en", "lv"]);
  });

  it("reads Assamese, which shares the Bengali script, as Assamese", () => {
    assert.equal(detectLanguage(text("removedrive-as.txt"))?.lang, "as");
  });

  it("reads an Indonesian page full of English loanwords as Indonesian, not Malay", () => {
    assert.equal(detectLanguage(text("speakers-id.txt"))?.lang, "id");
  });

  it("finds no language in a base64 blob", () => {
    assert.equal(detectLanguage("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk=".repeat(20)), undefined);
  });
});

describe("translations in progress, told by the collection", () => {
  it("reads pages their translators left mostly in English, beside the English original, in the language of the rest", () => {
    const docs = inputs((f) => f.startsWith("clipboard-"));
    assert.deepEqual(
      docs
        .filter((d) => d.lang === "en")
        .map((d) => d.file)
        .sort(),
      ["clipboard-en.txt", "clipboard-es.txt", "clipboard-fr.txt", "clipboard-pt.txt"],
    );
    const relabels = partialTranslations(docs, detectLanguage);
    assert.deepEqual(relabels.map((r) => [r.file, r.lang]).sort(), [
      ["clipboard-es.txt", "es"],
      ["clipboard-fr.txt", "fr"],
      ["clipboard-pt.txt", "pt"],
    ]);
  });

  it("reads a manual page translated only in its name line and headings in the language of those, beside its English original", () => {
    const docs = inputs((f) => f.startsWith("man-dpkgcfg-"));
    assert.equal(docs.find((d) => d.file === "man-dpkgcfg-it.txt")?.lang, "en");
    assert.deepEqual(
      partialTranslations(docs, detectLanguage).map((r) => [r.file, r.lang]),
      [["man-dpkgcfg-it.txt", "it"]],
    );
  });

  it("reads two manual pages of one suite, translated only in their headings and a few lines they share, in the language of those, beside their English originals", () => {
    const docs = inputs((f) => f.startsWith("man-groupdel-") || f.startsWith("man-groupmems-"));
    assert.deepEqual(
      docs.filter((d) => d.lang === "en").map((d) => d.file),
      ["man-groupdel-en.txt", "man-groupdel-pl.txt", "man-groupmems-en.txt", "man-groupmems-pl.txt"],
    );
    assert.deepEqual(
      partialTranslations(docs, detectLanguage).map((r) => [r.file, r.lang]),
      [
        ["man-groupdel-pl.txt", "pl"],
        ["man-groupmems-pl.txt", "pl"],
      ],
    );
  });

  it("keeps an English page that shares paragraphs with other English pages English", () => {
    const docs = inputs((f) => f === "clipboard-en.txt" || f === "clipboard-fr.txt");
    assert.ok(!partialTranslations(docs, detectLanguage).some((r) => r.file === "clipboard-en.txt"));
  });

  it("groups those pages with their original, one per language, and says why in the report", () => {
    const dir = mkdtempSync(join(tmpdir(), "leftovers-"));
    for (const f of readdirSync(REAL_DIR).filter((f) => f.startsWith("clipboard-"))) copyFileSync(join(REAL_DIR, f), join(dir, f));
    const model = buildSiteModel(loadSettings({ CONTENT_DIR: dir }));
    const published = (f: string) => {
      const o = model.report.documents.find((d) => d.file === f);
      return o?.status === "published" ? o.lang : o?.status;
    };
    assert.deepEqual(
      ["de", "en", "es", "fr", "pt"].map((l) => published(`clipboard-${l}.txt`)),
      ["de", "en", "es", "fr", "pt"],
    );
    assert.equal(model.report.translations.groups.length, 1, JSON.stringify(model.report.translations.groups));
    assert.match(model.report.warnings.join("\n"), /clipboard-fr\.txt: \d+% of it is word for word in other English documents, a translation in progress; published as "fr"/);
  });
});

describe("languages neither eld nor tinyld can name (Debian's message catalogs)", () => {
  it("reads Luganda as Luganda, as franc does, not as a language the others guess", () => {
    assert.equal(detectLanguage(text("messages-lg.txt"))?.lang, "lg");
  });

  it("gives a text in Tibetan script the language of that script, never und", () => {
    assert.equal(detectLanguage(text("messages-dz.txt"))?.lang, "bo");
  });

  it("keeps Irish Irish, which tinyld is sure of, where franc would say Scots", () => {
    assert.equal(detectLanguage(text("messages-ga.txt"))?.lang, "ga");
  });

  it("writes Tagalog as tl, its ISO 639-1 code, as hreflang asks", () => {
    assert.equal(detectLanguage(text("messages-tl.txt"))?.lang, "tl");
  });

  it("reads Nepali as Nepali by its own words, where both detectors say Hindi, and leaves Hindi Hindi", () => {
    assert.equal(detectLanguage(text("messages-ne.txt"))?.lang, "ne");
    assert.equal(detectLanguage(readFileSync(join(PROJECT_ROOT, "tests/fixtures/languages/hi.txt"), "utf8"))?.lang, "hi");
  });
});

describe("one language in two written standards", () => {
  const dir = mkdtempSync(join(tmpdir(), "standards-"));
  for (const f of readdirSync(REAL_DIR).filter((f) => f.startsWith("apt-messages-"))) copyFileSync(join(REAL_DIR, f), join(dir, f));
  const model = buildSiteModel(loadSettings({ CONTENT_DIR: dir }));
  const url = (file: string) => model.articles.find((a) => a.file === file)?.url ?? "";

  it("publishes apt's messages in Simplified and in Traditional Chinese under zh and zh-Hant", () => {
    assert.match(url("apt-messages-zh-CN.txt"), /^\/zh\//);
    assert.match(url("apt-messages-zh-TW.txt"), /^\/zh-Hant\//);
  });

  it("publishes them in Norwegian Bokmål and in Nynorsk under no and nn", () => {
    assert.match(url("apt-messages-nb.txt"), /^\/no\//);
    assert.match(url("apt-messages-nn.txt"), /^\/nn\//);
  });

  it("publishes them in Brazil's and in Portugal's Portuguese under pt and pt-PT", () => {
    assert.match(url("apt-messages-pt-BR.txt"), /^\/pt\//);
    assert.match(url("apt-messages-pt.txt"), /^\/pt-PT\//);
  });

  it("links all six with the English original as one translation group", () => {
    assert.deepEqual(
      model.report.translations.groups.map((g) => g.members.map((m) => m.lang)),
      [["en", "nn", "no", "pt", "pt-PT", "zh", "zh-Hant"]],
    );
  });
});

describe("a help page in Croatian, and in Serbian in both its scripts", () => {
  const docs = ["en", "hr", "sr", "sr-Latn"].map((lang) => {
    const file = `slowkeys-${lang}.txt`;
    const r = ingestDocument(file, readFileSync(join(REAL_DIR, file)), { defaultLang: "en" });
    if (!r.ok) throw new Error(r.reasons.join("; "));
    return groupInputOf(r.doc);
  });

  it("reads each as its own language: hr, sr and sr-Latn", () => {
    assert.deepEqual(
      docs.map((d) => `${d.file} ${d.lang}`),
      ["slowkeys-en.txt en", "slowkeys-hr.txt hr", "slowkeys-sr.txt sr", "slowkeys-sr-Latn.txt sr-Latn"],
    );
  });

  it("groups all three with the English original, each in its own place", () => {
    assert.deepEqual(
      groupTranslations(docs).groups.map((g) => g.members.map((m) => m.lang)),
      [["en", "hr", "sr", "sr-Latn"]],
    );
  });

  it("names each Open Graph locale once, never a page's own: both scripts of Serbian are sr_RS", () => {
    const dir = mkdtempSync(join(tmpdir(), "serbian-"));
    for (const d of docs) copyFileSync(join(REAL_DIR, d.file), join(dir, d.file));
    const model = buildSiteModel(loadSettings({ CONTENT_DIR: dir }));
    const article = (lang: string) => model.articles.find((a) => a.lang === lang);
    assert.equal(article("sr")?.ogLocale, "sr_RS");
    assert.deepEqual(article("sr")?.ogLocaleAlternates, ["en_US", "hr_HR"]);
    assert.deepEqual(article("sr-Latn")?.ogLocaleAlternates, ["en_US", "hr_HR"]);
  });
});

describe("a manual page in Brazil's and in Portugal's Portuguese", () => {
  const docs = ["en", "pt", "pt-BR"].map((lang) => {
    const file = `man-manpath-${lang}.txt`;
    const r = ingestDocument(file, readFileSync(join(REAL_DIR, file)), { defaultLang: "en" });
    if (!r.ok) throw new Error(r.reasons.join("; "));
    return groupInputOf(r.doc);
  });

  it("groups manpath(1) in both with its English original, each in its own place", () => {
    assert.deepEqual(
      groupTranslations(docs).groups.map((g) => g.members),
      [
        [
          { file: "man-manpath-en.txt", lang: "en" },
          { file: "man-manpath-pt-BR.txt", lang: "pt" },
          { file: "man-manpath-pt.txt", lang: "pt-PT" },
        ],
      ],
    );
  });
});

describe("grouping real translations", () => {
  it("groups a partial Japanese translation with the English and German pages it translates", () => {
    assert.deepEqual(groupsOf(inputs((f) => f.startsWith("upgrades-"))), [["upgrades-de.txt", "upgrades-en.txt", "upgrades-ja.txt"]]);
  });

  it("groups eight translations of a section of long sentences with no numbers or names, across four scripts", () => {
    const groups = groupsOf(inputs((f) => f.startsWith("backup-")));
    assert.deepEqual(groups, [["backup-ca.txt", "backup-de.txt", "backup-en.txt", "backup-fr.txt", "backup-it.txt", "backup-ko.txt", "backup-ru.txt", "backup-zh.txt"]]);
  });

  it("keeps the neighbouring section of the same manual apart, in a pair of its own", () => {
    const groups = groupsOf(inputs((f) => f.startsWith("backup-") || f.startsWith("overview-")));
    assert.ok(
      groups.some((g) => g.join() === "overview-de.txt,overview-en.txt"),
      JSON.stringify(groups),
    );
    assert.ok(!groups.some((g) => g.some((f) => f.startsWith("overview-")) && g.some((f) => f.startsWith("backup-"))), JSON.stringify(groups));
  });

  it("never mixes two manual pages written from one template, with the same headings, commands and translators' credits", () => {
    const groups = groupsOf(inputs((f) => /^pre(inst|rm)-/.test(f)));
    assert.ok(!groups.some((g) => g.some((f) => f.startsWith("preinst")) && g.some((f) => f.startsWith("prerm"))), JSON.stringify(groups));
  });

  it("groups each of the two template twins with its translations", () => {
    const groups = groupsOf(inputs((f) => /^pre(inst|rm)-/.test(f)));
    assert.ok(
      groups.some((g) => g.join() === "prerm-de.txt,prerm-en.txt,prerm-sv.txt"),
      JSON.stringify(groups),
    );
    // The Swedish deb-preinst names itself deb-postinst in its first line (a translator's slip) and stays out in a collection this small.
    assert.ok(
      groups.some((g) => ["preinst-de.txt", "preinst-en.txt"].every((f) => g.includes(f))),
      JSON.stringify(groups),
    );
  });

  it("groups a manual page as man prints it (indented, with its header and footer) with its translations", () => {
    assert.deepEqual(groupsOf(inputs((f) => f.startsWith("man-prerm-"))), [["man-prerm-de.txt", "man-prerm-en.txt", "man-prerm-sv.txt"]]);
  });

  it("groups a Galician translation with its Spanish original, which a Galician read as Spanish could not join", () => {
    assert.deepEqual(groupsOf(inputs((f) => f.startsWith("proxy-"))), [["proxy-es.txt", "proxy-gl.txt"]]);
  });

  it("groups a page half left in English with its English original", () => {
    assert.deepEqual(groupsOf(inputs((f) => f.startsWith("memory-"))), [["memory-en.txt", "memory-ru.txt"]]);
  });

  it("groups ten translations of a five-sentence page by their titles too, which are translated with it", () => {
    const files = readdirSync(REAL_DIR)
      .filter((f) => f.startsWith("whyadd-"))
      .sort();
    assert.equal(files.length, 10);
    assert.deepEqual(groupsOf(inputs((f) => f.startsWith("whyadd-"))), [files]);
  });

  it("takes a short page into the group of nineteen translations it fits on average, though no single pair is sure", () => {
    const groups = groupsOf(inputs((f) => f.startsWith("brightness-")));
    assert.equal(groups.length, 1, JSON.stringify(groups));
    assert.ok(groups[0]?.includes("brightness-ru.txt"), JSON.stringify(groups));
    assert.equal(groups[0]?.length, 19);
  });

  it("keeps a short page on another topic out of that group, in the language the group lacks", () => {
    const docs = inputs((f) => (f.startsWith("brightness-") && f !== "brightness-ru.txt") || f === "repeatkeys-ru.txt");
    const grouping = groupTranslations(docs);
    assert.deepEqual(
      grouping.alone.map((a) => a.file),
      ["repeatkeys-ru.txt"],
    );
    assert.equal(grouping.groups[0]?.members.length, 18);
  });

  it("reports the margin of each pair over its next-best alternative", () => {
    const g = groupTranslations(inputs((f) => f.startsWith("backup-") || f.startsWith("overview-")));
    const pair = g.groups.flatMap((x) => x.evidence).find((e) => e.a === "backup-en.txt" && e.b === "backup-fr.txt");
    assert.ok(pair && typeof pair.margin === "number" && pair.margin > 0, JSON.stringify(pair));
  });
});

describe("when sentence splits disagree", () => {
  // The Japanese page splits into 118 sentences, the English into 81; both have 34 paragraphs.
  const features = (file: string) => {
    const [doc] = inputs((f) => f === file);
    if (!doc) throw new Error(file);
    return documentFeatures(doc.file, doc.lang, doc.paragraphs, doc.extra);
  };
  const ja = features("userspace-ja.txt"),
    en = features("userspace-en.txt");

  it("aligns two translations by paragraphs and finds their shape", () => {
    const e = scorePair(ja, en, () => 0.5);
    assert.equal(e.alignment.units, "paragraphs");
    assert.ok(e.shape >= 0.5, JSON.stringify(e));
  });

  it("compares them even when they share no token at all", () => {
    const bare = (f: Features): Features => ({ ...f, anchors: new Set(), numbers: new Set(), names: new Set(), code: new Set() });
    assert.deepEqual(candidatePairs([bare(ja), bare(en)], new Map()).pairs, [[0, 1]]);
  });
});

describe("candidates in a collection of many languages", () => {
  // A document and its translation (language "g"), and five documents of other languages that
  // stand between the two by fingerprint: the nearest four of either side are those five.
  // The five in between hold their sentences in one paragraph: alike in shape, no translations of the two.
  const sentences = (last: number) => [40, 80, 60, 120, 50, 70, 90, 45, 65, last].map((n) => `X${"x".repeat(n - 2)}.`);
  const input = (file: string, lang: string, last: number, oneParagraph = false): GroupInput => ({ file, lang, paragraphs: oneParagraph ? [sentences(last).join(" ")] : sentences(last), extra: [] });
  const inputs = [input("d", "a", 85), ...["b", "c", "d", "e", "f"].map((l, k) => input(`between-${l}`, l, 97 + k, true)), input("partner", "g", 110)];
  const docs = inputs.map((d) => documentFeatures(d.file, d.lang, d.paragraphs));

  it("lists each document's nearest in every other language, for a second look once it is known to have a translation", () => {
    const { pairs, inEachLanguage } = candidatePairs(docs, new Map());
    assert.ok(!pairs.some(([i, j]) => i === 0 && j === 6), "the partner is not among the nearest four");
    assert.ok(inEachLanguage[0]?.includes(6), JSON.stringify(inEachLanguage[0]));
  });

  it("compares a short document with its nearest in every language, whatever its first candidates scored", () => {
    assert.ok(groupTranslations(inputs).compared.some(([a, b]) => a === "d" && b === "partner"));
  });

  it("compares a short document with its second nearest in a language too, when a stranger of that language stands nearer", () => {
    // A stranger in the partner's language nearer to "d", and one in d's language nearer to the partner.
    const crowded = [...inputs, input("stranger-g", "g", 88, true), input("other-a", "a", 108, true)];
    const { inEachLanguage } = candidatePairs(
      crowded.map((d) => documentFeatures(d.file, d.lang, d.paragraphs)),
      new Map(),
    );
    assert.deepEqual([inEachLanguage[0]?.includes(6), inEachLanguage[6]?.includes(0)], [false, false], "neither is the other's nearest in its language");
    assert.ok(groupTranslations(crowded).compared.some(([a, b]) => a === "d" && b === "partner"));
  });
});

describe("evidence across scripts", () => {
  it("reads numbers in Arabic-Indic, Persian, Devanagari and full-width digits as the same numbers", () => {
    assert.deepEqual([...numbersIn("سنة ٢٠٢٠ و ۱۹۸۴، वर्ष २०१९, ２０２４年")].sort(), ["1984", "2019", "2020", "2024"]);
  });
});

describe("decisions for the group", () => {
  const langs = ["en", "de", "fr", "ja", "es"];
  const score = (i: number, j: number) => ((i === 3 && j === 4) || (i === 4 && j === 3) ? 0.2 : 0.8);
  const edges = [0, 1, 2, 3, 4].flatMap((i) => [0, 1, 2, 3, 4].filter((j) => j > i).map((j) => ({ i, j, score: score(i, j) })));

  it("lets a member that fits a large group join although one of its pairs is weak", () => {
    const groups = cluster({ langs, edges, forbidden: new Set(), score, threshold: 0.5, floor: 0.25, names: langs, backed: () => true });
    assert.deepEqual(groups, [[0, 1, 2, 3, 4]]);
  });

  it("accepts a pair on its margin only when shared tokens back the shape", () => {
    const two = [
      { i: 0, j: 1, score: 0.3, corroborated: true },
      { i: 0, j: 2, score: 0.05, corroborated: false },
      { i: 2, j: 3, score: 0.3, corroborated: false },
    ];
    const { decisive } = margins(two, ["en", "ja", "ja", "de"]);
    assert.deepEqual([...decisive], ["0:1"]);
  });
});

describe("one text in many languages, two of them read as one", () => {
  const CATALOG = join(REAL_DIR, "catalog");
  const docs = readdirSync(CATALOG).map((file) => {
    const r = ingestDocument(file, readFileSync(join(CATALOG, file)), { defaultLang: "en" });
    if (!r.ok) throw new Error(r.reasons.join("; "));
    return groupInputOf(r.doc);
  });

  it("groups apt's messages in 24 languages as one group, Portugal's and Brazil's Portuguese each in its own place", () => {
    const { groups, alone } = groupTranslations(docs);
    assert.deepEqual(
      groups.map((g) => g.members.filter((m) => m.lang.startsWith("pt")).map((m) => `${m.file} ${m.lang}`)),
      [["apt-catalog-pt-BR.txt pt", "apt-catalog-pt.txt pt-PT"]],
    );
    assert.equal(groups[0]?.members.length, docs.length);
    assert.deepEqual(alone, []);
  });

  it("groups them as one, where two variants read as one language (Portugal's Portuguese taken for Brazil's), and leaves the one that fits less alone", () => {
    const { groups, alone } = groupTranslations(docs.map((d) => (d.lang === "pt-PT" ? { ...d, lang: "pt" } : d)));
    assert.equal(groups.length, 1, JSON.stringify(groups.map((g) => g.members.map((m) => m.file))));
    assert.equal(groups[0]?.members.length, docs.length - 1);
    assert.deepEqual(
      alone.map((a) => a.file).filter((f) => !/-pt(-BR)?\.txt$/.test(f)),
      [],
    );
  });
});

describe("decisions for the group, where two groups hold one language", () => {
  // One text in two groups that form apart (0–4 and 5–9 fit within at 0.9, across at 0.7), each
  // holding a "pt", the second's fitting the first group less (0.55); and another text (10–14)
  // in the first group's five languages, alike enough in shape to score 0.6 with the first text.
  const langs = ["en", "de", "fr", "it", "pt", "ja", "zh", "ko", "ru", "pt", "en", "de", "fr", "it", "pt"];
  const part = (i: number) => Math.floor(i / 5);
  const score = (i: number, j: number) => {
    if ((part(i) === 2) !== (part(j) === 2)) return 0.6;
    if (part(i) === part(j)) return 0.9;
    return i === 9 || j === 9 ? 0.55 : 0.7;
  };
  const edges = langs.flatMap((_, i) =>
    langs
      .map((_, j) => j)
      .filter((j) => j > i && langs[i] !== langs[j])
      .map((j) => ({ i, j, score: score(i, j) })),
  );
  const groups = cluster({ langs, edges, forbidden: new Set(), score, threshold: 0.5, floor: 0.25, names: langs.map((l, i) => `${i}-${l}`), backed: () => true });

  it("merges two groups of one text that both hold a language, the member that fits the other group better keeping the place", () => {
    assert.ok(
      groups.some((g) => [0, 1, 2, 3, 4, 5, 6, 7, 8].every((k) => g.includes(k)) && !g.includes(9)),
      JSON.stringify(groups),
    );
  });

  it("never merges two texts whose groups hold most of the same languages, however alike their shapes", () => {
    assert.ok(
      groups.some((g) => [10, 11, 12, 13, 14].every((k) => g.includes(k)) && g.length === 5),
      JSON.stringify(groups),
    );
  });
});

describe("the build report", () => {
  it("says when a document is written in two languages, with the share of each and the language it is published in", () => {
    const dir = mkdtempSync(join(tmpdir(), "mixed-"));
    copyFileSync(join(REAL_DIR, "upgrades-ja.txt"), join(dir, "upgrades-ja.txt"));
    const model = buildSiteModel(loadSettings({ CONTENT_DIR: dir }));
    assert.match(model.report.warnings.join("\n"), /upgrades-ja\.txt: written in more than one language \((ja|en) \d+%, (ja|en) \d+%\); published as "ja"/);
  });
});
