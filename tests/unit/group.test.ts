import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { alignSentences } from "../../src/group/align.ts";
import { documentFeatures, namesIn, numbersIn } from "../../src/group/features.ts";
import { groupInputOf, groupTranslations, type GroupInput, type GroupOverrides } from "../../src/group/index.ts";
import { ingestDocument } from "../../src/ingest/document.ts";
import { PROJECT_ROOT } from "../../src/settings.ts";
import { LANGUAGES_DIR, SEEDS_DIR } from "./helpers.ts";

const GROUPING_DIR = join(PROJECT_ROOT, "tests/fixtures/grouping");

function inputsFrom(dir: string, only?: (file: string) => boolean): GroupInput[] {
  return readdirSync(dir)
    .filter((f) => !only || only(f))
    .map((file) => {
      const r = ingestDocument(file, readFileSync(join(dir, file)), { defaultLang: "en" });
      if (!r.ok) throw new Error(r.reasons.join("; "));
      return groupInputOf(r.doc);
    });
}
const groupsOf = (inputs: GroupInput[], overrides?: GroupOverrides) => groupTranslations(inputs, overrides).groups.map((g) => g.members.map((m) => m.file).sort());

describe("the seed collection", () => {
  const grouping = groupTranslations(inputsFrom(SEEDS_DIR));

  it("groups 000–003 as one article in es, de, fr and id", () => {
    assert.equal(grouping.groups.length, 1);
    assert.deepEqual(
      grouping.groups[0]!.members.map((m) => [m.file.slice(0, 3), m.lang]),
      [
        ["001", "de"],
        ["000", "es"],
        ["002", "fr"],
        ["003", "id"],
      ],
    );
  });

  it("leaves 004 alone, since its only same-shaped peers are not translations of it", () => {
    assert.deepEqual(
      grouping.alone.map((a) => a.file.slice(0, 3)),
      ["004"],
    );
  });

  it("gives the evidence for each pair: alignment figures and shared tokens", () => {
    const frId = grouping.groups[0]!.evidence.find((e) => e.a.startsWith("002") && e.b.startsWith("003"))!;
    assert.ok(frId.alignment.oneToOne >= 18, JSON.stringify(frId.alignment));
    assert.ok(frId.alignment.correlation > 0.9);
    assert.ok(
      ["1984", "2020", "seamus", "phan", "©"].every((t) => frId.sharedTokens.includes(t)),
      frId.sharedTokens.join(),
    );
  });

  it("decides the same groups whatever order the documents come in", () => {
    const inputs = inputsFrom(SEEDS_DIR);
    assert.deepEqual(groupTranslations([...inputs].reverse()), groupTranslations(inputs));
  });
});

describe("true translations in other languages", () => {
  const grouping = groupTranslations(inputsFrom(GROUPING_DIR));
  const groups = grouping.groups.map((g) => g.members.map((m) => m.file).sort());

  it("groups English, Spanish and German, although the Spanish has an extra bio paragraph and the German single-newline paragraphs", () => {
    assert.ok(
      groups.some((g) => JSON.stringify(g) === JSON.stringify(["market-de.txt", "market-en.txt", "market-es.txt"])),
      JSON.stringify(groups),
    );
  });

  it("groups a French–Portuguese pair", () => {
    assert.ok(
      groups.some((g) => JSON.stringify(g) === JSON.stringify(["cycling-fr.txt", "cycling-pt.txt"])),
      JSON.stringify(groups),
    );
  });

  it("groups the short bakery texts across Latin, Cyrillic, Greek, Arabic-script, Hebrew, Devanagari and CJK scripts", () => {
    const bakery = groupsOf(inputsFrom(LANGUAGES_DIR, (f) => ["en", "ru", "el", "fa", "he", "hi", "zh", "ja", "ko"].some((l) => f === `${l}.txt`)));
    assert.deepEqual(bakery, [["el.txt", "en.txt", "fa.txt", "he.txt", "hi.txt", "ja.txt", "ko.txt", "ru.txt", "zh.txt"]]);
  });
});

describe("hard negatives", () => {
  const grouping = groupTranslations(inputsFrom(GROUPING_DIR));
  const together = (a: string, b: string) => grouping.groups.some((g) => g.members.some((m) => m.file === a) && g.members.some((m) => m.file === b));

  it("does not group two different articles of the same shape that mention the same year", () => {
    assert.equal(together("library-fr.txt", "market-en.txt"), false);
    assert.equal(together("library-fr.txt", "market-es.txt"), false);
    assert.ok(grouping.alone.some((a) => a.file === "library-fr.txt"));
  });

  it("never puts two documents of one language in a group, and the better of two near-duplicates wins", () => {
    assert.equal(together("market-es.txt", "market-es-draft.txt"), false);
    assert.equal(together("market-en.txt", "market-es-draft.txt"), false);
    assert.ok(together("market-en.txt", "market-es.txt"));
  });

  it("does not group an unrelated article on the same theme", () => {
    assert.ok(grouping.alone.some((a) => a.file === "market-it.txt"));
  });

  it("does not group a Brazilian Portuguese bakery article with the bakery texts it only shares a theme with", () => {
    const g = groupTranslations(inputsFrom(LANGUAGES_DIR));
    assert.ok(g.alone.some((a) => a.file === "pt-BR.md"));
  });

  it("reports the best candidate that was turned down for a document left alone", () => {
    const library = grouping.alone.find((a) => a.file === "library-fr.txt")!;
    assert.ok(library.bestCandidate && library.bestCandidate.score < 0.5);
  });
});

describe("overrides", () => {
  const seeds = inputsFrom(SEEDS_DIR);
  const file = (p: string) => seeds.find((s) => s.file.startsWith(p))!.file;

  it("groups documents that share a translationKey in front matter, whatever their text", () => {
    const inputs = seeds.map((s) => (s.file.startsWith("004") || s.file.startsWith("001") ? { ...s, translationKey: "forced" } : s));
    const grouping = groupTranslations(inputs);
    const forced = grouping.groups.find((g) => g.id === "forced")!;
    assert.equal(forced.source, "override");
    assert.deepEqual(forced.members.map((m) => m.file.slice(0, 3)).sort(), ["001", "004"]);
  });

  it("groups documents mapped to one key in the data file", () => {
    const keys = new Map([
      [file("004"), "k"],
      [file("003"), "k"],
    ]);
    assert.ok(groupsOf(seeds, { keys, notTranslations: [] }).some((g) => g.join() === [file("003"), file("004")].sort().join()));
  });

  it("keeps apart two documents declared not to be translations", () => {
    const groups = groupsOf(seeds, { keys: new Map(), notTranslations: [[file("000"), file("001")]] });
    assert.ok(!groups.some((g) => g.includes(file("000")) && g.includes(file("001"))), JSON.stringify(groups));
  });

  it("reports a front-matter key that notTranslations contradicts, naming both files and where each key comes from", () => {
    const inputs = seeds.map((s) => (s.file.startsWith("000") || s.file.startsWith("001") ? { ...s, translationKey: "pair" } : s));
    const { problems } = groupTranslations(inputs, { keys: new Map(), notTranslations: [[file("000"), file("001")]] });
    assert.deepEqual(problems.map((p) => p.file).sort(), [file("000"), file("001")].sort());
    assert.match(problems[0]?.reasons[0] ?? "", /notTranslations keeps .* apart, but both have translationKey "pair" \(.*: its front matter; .*: its front matter\)/);
  });

  it("reports a document whose front-matter key and data-file key differ", () => {
    const inputs = seeds.map((s) => (s.file.startsWith("004") ? { ...s, translationKey: "front" } : s));
    const { problems } = groupTranslations(inputs, { keys: new Map([[file("004"), "data"]]), notTranslations: [] });
    assert.deepEqual(
      problems.map((p) => [p.file, p.reasons.join()]),
      [[file("004"), `translationKey "front" in its front matter contradicts "data" for it in _data/translations.json keys; keep one`]],
    );
  });

  it("reports two documents that claim one translationKey in the same language", () => {
    const inputs = seeds.map((s) => (s.lang === "es" ? { ...s, translationKey: "dup" } : s));
    const { problems } = groupTranslations(inputs);
    assert.equal(problems.length, 2);
    assert.match(problems[0]!.reasons[0]!, /translationKey "dup" is claimed in "es" by 2 documents/);
  });
});

describe("features and alignment", () => {
  it("reads numbers, times and thousands as tokens that survive translation", () => {
    assert.deepEqual([...numbersIn("En 2019, a las 7:30, 14 000 ciclistas; 1984-2020; 3 veces")].sort(), ["14000", "1984", "2019", "2020", "7:30"]);
  });

  it("reads mid-sentence capitalized names but not sentence-initial words", () => {
    assert.deepEqual([...namesIn("Hoy Rosa Jiménez abrió. Luego vino la CTO de McGallen & Bolden.", "es")].sort(), ["Bolden", "CTO", "Jiménez", "McGallen", "Rosa"]);
  });

  it("takes no names from German, which capitalizes every noun", () => {
    assert.deepEqual([...namesIn("Die Stadt bezahlte das neue Dach.", "de")], []);
  });

  it("aligns a text with itself one sentence to one at almost no cost", () => {
    const f = documentFeatures("a", "en", ["One short sentence. Another one that is longer than that.", "A new paragraph starts here."]);
    const al = alignSentences(f.sentences, f.sentences);
    assert.equal(al.oneToOne, 3);
    assert.equal(al.skippedParagraphs, 0);
    assert.ok(al.meanCost < 0.5, String(al.meanCost));
  });

  it("skips a whole extra paragraph at the end of one side (a bio) instead of forcing it into the alignment", () => {
    const market = readFileSync(join(GROUPING_DIR, "market-en.txt"), "utf8").split("\n\n");
    const a = documentFeatures("a", "en", market);
    const b = documentFeatures("b", "en", [...market, "Marta Ruiz writes about cities and local trade. She lives in Valladolid."]);
    const al = alignSentences(a.sentences, b.sentences);
    assert.equal(al.skippedParagraphs, 1);
    assert.equal(al.oneToOne, a.sentences.length);
  });
});
