/**
 * The cost of translation grouping at scale, with its accuracy: a deterministic synthetic corpus
 * built from real aligned sentences (the seed article in es/de/fr/id, the bakery fixtures in many
 * languages and scripts), about a quarter of it in translation groups of 2–5 languages.
 * Usage: npx tsx scripts/bench-grouping.ts [N …]   (default 1000 5000 10000)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { documentFeatures } from "../src/group/features.ts";
import { groupTranslations, type GroupInput } from "../src/group/index.ts";
import { ingestDocument } from "../src/ingest/document.ts";

/** Sentences of a document, aligned by position across its translations. */
function sentencesOf(dir: string, file: string): { lang: string; sentences: string[] } {
  const r = ingestDocument(file, readFileSync(join(dir, file)), { defaultLang: "en" });
  if (!r.ok) throw new Error(file);
  const seg = new Intl.Segmenter(r.doc.lang, { granularity: "sentence" });
  return { lang: r.doc.lang, sentences: r.doc.paragraphs.flatMap((p) => [...seg.segment(p)].map((s) => s.segment.trim()).filter(Boolean)) };
}

/** Banks of concepts: each concept is one sentence in every language of the bank. */
function banks(): { langs: string[]; concepts: Record<string, string>[] }[] {
  const out: { langs: string[]; concepts: Record<string, string>[] }[] = [];
  for (const [dir, files] of [
    ["content", readdirSync("content").filter((f) => /^00[0-3]/.test(f))],
    ["tests/fixtures/languages", ["en.txt", "ru.txt", "zh.txt", "ja.txt", "el.txt", "hi.txt", "ko.txt"]],
  ] as const) {
    const docs = files.map((f) => sentencesOf(dir, f));
    const n = Math.min(...docs.map((d) => d.sentences.length));
    const aligned = docs.filter((d) => d.sentences.length === n);
    out.push({ langs: aligned.map((d) => d.lang), concepts: Array.from({ length: n }, (_, k) => Object.fromEntries(aligned.map((d) => [d.lang, d.sentences[k]!]))) });
  }
  return out;
}

/** mulberry32: a small seeded generator, so the same seed always gives the same corpus. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticCorpus(n: number, seed = 42): { inputs: GroupInput[]; truth: Map<string, string> } {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const bankList = banks();
  const inputs: GroupInput[] = [];
  const truth = new Map<string, string>(); // file → true group id
  let groupNo = 0;
  while (inputs.length < n) {
    const bank = pick(bankList);
    // An article: 30–90 sentences in paragraphs of 2–6, drawn from the bank's concepts.
    const sentences = Array.from({ length: 30 + Math.floor(rand() * 60) }, () => Math.floor(rand() * bank.concepts.length));
    const breaks: number[] = [];
    for (let k = 0; k < sentences.length; k += 2 + Math.floor(rand() * 5)) breaks.push(k);
    const inGroup = rand() < 0.25;
    const size = inGroup ? Math.min(bank.langs.length, 2 + Math.floor(rand() * 4)) : 1;
    const langs = [...bank.langs].sort(() => rand() - 0.5).slice(0, size);
    const id = `g${groupNo++}`;
    for (const lang of langs) {
      if (inputs.length >= n) break;
      const paragraphs = breaks.map((start, b) => sentences.slice(start, breaks[b + 1] ?? sentences.length).map((c) => bank.concepts[c]![lang]).join(" "));
      const file = `${String(inputs.length).padStart(6, "0")}-${lang}.txt`;
      inputs.push({ file, lang, paragraphs, extra: [] });
      if (inGroup) truth.set(file, id);
    }
  }
  return { inputs, truth };
}

/** Pairwise precision and recall of the found groups against the true ones. */
function accuracy(found: string[][], truth: Map<string, string>): { precision: number; recall: number } {
  const pairs = (groups: string[][]) => new Set(groups.flatMap((g) => g.flatMap((a, i) => g.slice(i + 1).map((b) => (a < b ? `${a}|${b}` : `${b}|${a}`)))));
  const trueGroups = new Map<string, string[]>();
  for (const [file, id] of truth) (trueGroups.get(id) ?? trueGroups.set(id, []).get(id)!).push(file);
  const expected = pairs([...trueGroups.values()]);
  const got = pairs(found);
  const hit = [...got].filter((p) => expected.has(p)).length;
  return { precision: got.size ? hit / got.size : 1, recall: expected.size ? hit / expected.size : 1 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  console.log("| documents | grouping time | features | candidates + alignment + clustering | candidate pairs | aligned pairs | per document | precision | recall |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const n of sizes.length ? sizes : [1000, 5000, 10000]) {
    const { inputs, truth } = syntheticCorpus(n);
    const t0 = performance.now();
    for (const d of inputs) documentFeatures(d.file, d.lang, d.paragraphs); // features alone, for the split
    const t1 = performance.now();
    const grouping = groupTranslations(inputs);
    const t2 = performance.now();
    const { precision, recall } = accuracy(grouping.groups.map((g) => g.members.map((m) => m.file)), truth);
    const total = t2 - t1;
    console.log(
      `| ${n.toLocaleString("en")} | ${(total / 1000).toFixed(2)} s | ${((t1 - t0) / 1000).toFixed(2)} s | ${((total - (t1 - t0)) / 1000).toFixed(2)} s | ${grouping.stats.candidatePairs.toLocaleString("en")} | ${grouping.stats.alignedPairs.toLocaleString("en")} | ${(total / n).toFixed(2)} ms | ${precision.toFixed(3)} | ${recall.toFixed(3)} |`,
    );
  }
}
