/**
 * How well and how fast translations are found, with no site built: on the real corpus of
 * scripts/real-corpus.ts (Debian's translated manuals and the seeds: language detection, then
 * grouping) and on the synthetic corpus of scripts/corpus.ts at growing sizes (grouping only).
 * Reports pairwise precision, recall and F1, the share of true groups reproduced exactly,
 * candidate recall (the share of true pairs that were ever compared), language accuracy and time.
 * Reports figures; never passes or fails on them.
 *
 * Usage: npm run bench:grouping [-- N …]   (synthetic sizes; default 1000 5000 10000; 0 for none)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { detectLanguage, sameLanguage } from "../src/detect/language.ts";
import { applyRelabels, partialTranslations } from "../src/detect/leftovers.ts";
import { documentFeatures } from "../src/group/features.ts";
import { groupInputOf, groupTranslations, type GroupInput, type Grouping } from "../src/group/index.ts";
import { ingestDocument } from "../src/ingest/document.ts";
import { syntheticCorpus } from "./corpus.ts";
import { readRealCorpus, type RealDocument } from "./real-corpus.ts";
import { entry } from "../src/maps.ts";

export interface GroupingScore {
  precision: number;
  recall: number;
  f1: number;
  exactGroups: number;
  candidateRecall: number;
  truePairs: number;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const pairsOf = (groups: readonly (readonly string[])[]) => new Set(groups.flatMap((g) => g.flatMap((a, i) => g.slice(i + 1).map((b) => pairKey(a, b)))));

/** Scores a grouping against the true groups (file → group id; files in no group may be left out). */
export function scoreGrouping(grouping: Pick<Grouping, "groups" | "compared" | "alone">, truth: ReadonlyMap<string, string>): GroupingScore {
  const trueGroups = new Map<string, string[]>();
  for (const [file, id] of truth) entry(trueGroups, id, () => []).push(file);
  const found = grouping.groups.map((g) => g.members.map((m) => m.file));
  const expected = pairsOf([...trueGroups.values()]);
  const got = pairsOf(found);
  const hit = [...got].filter((p) => expected.has(p)).length;
  const precision = got.size ? hit / got.size : 1;
  const recall = expected.size ? hit / expected.size : 1;
  const compared = new Set(grouping.compared.map(([a, b]) => pairKey(a, b)));
  const asFound = new Set([...found, ...grouping.alone.map((a) => [a.file])].map((g) => [...g].sort().join("|")));
  const exact = [...trueGroups.values()].filter((g) => asFound.has([...g].sort().join("|"))).length;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    exactGroups: trueGroups.size ? exact / trueGroups.size : 1,
    candidateRecall: expected.size ? [...expected].filter((p) => compared.has(p)).length / expected.size : 1,
    truePairs: expected.size,
  };
}

export interface RealRun extends GroupingScore {
  documents: number;
  languages: number;
  groups: number;
  languageAccuracy: number;
  wrongLanguages: string[];
  detectMs: number;
  groupMs: number;
  grouping: Grouping;
  /** The same figures for the groups whose longest member falls in each length band. */
  bands: ({ band: string; documents: number } & GroupingScore)[];
}

/** Length bands, by a group's longest member in characters: short pages group worst. */
const BANDS: readonly [string, number, number][] = [
  ["under 1,000 characters", 0, 1000],
  ["1,000–2,000", 1000, 2000],
  ["2,000 and more", 2000, Infinity],
];

/** The grouping's figures over the documents of some groups only. */
function scoreOver(grouping: Grouping, truth: readonly RealDocument[], keep: ReadonlySet<string>): GroupingScore {
  const within = (files: readonly string[]) => files.every((f) => keep.has(f));
  return scoreGrouping(
    {
      groups: grouping.groups.map((g) => ({ ...g, members: g.members.filter((m) => keep.has(m.file)) })),
      compared: grouping.compared.filter((pair) => within(pair)),
      alone: grouping.alone.filter((a) => keep.has(a.file)),
    },
    new Map(truth.filter((d) => keep.has(d.file)).map((d) => [d.file, d.group])),
  );
}

/** The real corpus as the build reads it: ingested with language detection, then grouped. */
export function runReal(dir?: string): RealRun {
  const { dir: docs, truth } = readRealCorpus(dir);
  const t0 = performance.now();
  const inputs: GroupInput[] = [];
  const wrong: string[] = [];
  for (const d of truth) {
    const r = ingestDocument(d.file, readFileSync(join(docs, d.file)), { defaultLang: "en", detect: detectLanguage });
    if (!r.ok) throw new Error(`${d.file}: ${r.reasons.join("; ")}`);
    inputs.push(groupInputOf(r.doc));
  }
  inputs.splice(0, inputs.length, ...applyRelabels(inputs, partialTranslations(inputs, detectLanguage)));
  const read = new Map(inputs.map((d) => [d.file, d.lang]));
  for (const d of truth) {
    const got = read.get(d.file) ?? "";
    if (!sameLanguage(got, d.lang)) wrong.push(`${d.file} (${d.group}): ${d.lang} read as ${got}`);
  }
  const t1 = performance.now();
  const longest = new Map<string, number>();
  for (const d of truth) longest.set(d.group, Math.max(longest.get(d.group) ?? 0, readFileSync(join(docs, d.file), "utf8").length));
  const grouping = groupTranslations(inputs);
  const t2 = performance.now();
  const score = scoreGrouping(grouping, new Map(truth.map((d) => [d.file, d.group])));
  return {
    ...score,
    documents: truth.length,
    languages: new Set(truth.map((d) => d.lang)).size,
    groups: new Set(truth.map((d) => d.group)).size,
    languageAccuracy: 1 - wrong.length / truth.length,
    wrongLanguages: wrong,
    detectMs: t1 - t0,
    groupMs: t2 - t1,
    grouping,
    bands: BANDS.map(([band, lo, hi]) => {
      const keep = new Set(truth.filter((d) => (longest.get(d.group) ?? 0) >= lo && (longest.get(d.group) ?? 0) < hi).map((d) => d.file));
      return { band, documents: keep.size, ...scoreOver(grouping, truth, keep) };
    }),
  };
}

const f3 = (x: number) => x.toFixed(3);

/** Each true group that did not come out whole, as the parts it came out in; and each found group that mixes true ones. */
export function groupsNotReproduced(grouping: Grouping, truth: readonly RealDocument[]): string[] {
  const found = new Map<string, string>();
  for (const g of grouping.groups) for (const m of g.members) found.set(m.file, g.id);
  const byGroup = new Map<string, RealDocument[]>();
  for (const d of truth) entry(byGroup, d.group, () => []).push(d);
  const out: string[] = [];
  for (const [id, docs] of byGroup) {
    const parts = new Map<string, string[]>();
    for (const d of docs) entry(parts, found.get(d.file) ?? d.file, () => []).push(d.lang);
    if (parts.size > 1) out.push(`${id}: ${[...parts.values()].map((p) => p.join(",")).join(" | ")}`);
  }
  const groupOf = new Map(truth.map((d) => [d.file, d]));
  for (const g of grouping.groups) {
    if (new Set(g.members.map((m) => groupOf.get(m.file)?.group)).size > 1) out.push(`mixed: ${g.members.map((m) => `${groupOf.get(m.file)?.group}:${m.lang}`).join(" ")}`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => !Number.isNaN(n));
  const real = runReal();
  console.log(`Real corpus: ${real.documents} documents, ${real.languages} languages, ${real.groups} true groups (${real.truePairs} true pairs)\n`);
  console.log("| corpus | precision | recall | F1 | groups exact | candidate recall | language accuracy | ingest + detect | grouping |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  console.log(
    `| real | ${f3(real.precision)} | ${f3(real.recall)} | ${f3(real.f1)} | ${f3(real.exactGroups)} | ${f3(real.candidateRecall)} | ${f3(real.languageAccuracy)} | ${(real.detectMs / 1000).toFixed(2)} s | ${(real.groupMs / 1000).toFixed(2)} s |`,
  );
  for (const b of real.bands)
    console.log(`| real, ${b.band} (${b.documents} documents) | ${f3(b.precision)} | ${f3(b.recall)} | ${f3(b.f1)} | ${f3(b.exactGroups)} | ${f3(b.candidateRecall)} | | | |`);
  const { inputs, truth } = syntheticCorpus(1000);
  const t = performance.now();
  const synthetic = scoreGrouping(groupTranslations(inputs), truth);
  console.log(
    `| synthetic, 1,000 | ${f3(synthetic.precision)} | ${f3(synthetic.recall)} | ${f3(synthetic.f1)} | ${f3(synthetic.exactGroups)} | ${f3(synthetic.candidateRecall)} | (given) | — | ${((performance.now() - t) / 1000).toFixed(2)} s |`,
  );
  if (real.wrongLanguages.length) console.log(`\nLanguages read wrong:\n  ${real.wrongLanguages.join("\n  ")}`);
  const misses = groupsNotReproduced(real.grouping, readRealCorpus().truth);
  if (misses.length) console.log(`\nTrue groups not reproduced (languages as found together):\n  ${misses.join("\n  ")}`);

  const sizes = args.length ? args.filter(Boolean) : [1000, 5000, 10000];
  if (sizes.length) {
    console.log("\n| documents | grouping time | features | candidates + alignment + clustering | candidate pairs | aligned pairs | per document | precision | recall |");
    console.log("|---|---|---|---|---|---|---|---|---|");
  }
  for (const n of sizes) {
    const { inputs, truth } = syntheticCorpus(n);
    const t0 = performance.now();
    for (const d of inputs) documentFeatures(d.file, d.lang, d.paragraphs); // features alone, for the split
    const t1 = performance.now();
    const grouping = groupTranslations(inputs);
    const t2 = performance.now();
    const { precision, recall } = scoreGrouping(grouping, truth);
    const total = t2 - t1;
    console.log(
      `| ${n.toLocaleString("en")} | ${(total / 1000).toFixed(2)} s | ${((t1 - t0) / 1000).toFixed(2)} s | ${((total - (t1 - t0)) / 1000).toFixed(2)} s | ${grouping.stats.candidatePairs.toLocaleString("en")} | ${grouping.stats.alignedPairs.toLocaleString("en")} | ${(total / n).toFixed(2)} ms | ${f3(precision)} | ${f3(recall)} |`,
    );
  }
}
