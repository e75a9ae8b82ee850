/**
 * A deterministic synthetic corpus for the benchmarks, made of real language: sentences aligned
 * across translations (the seed article in es/de/fr/id; the bakery texts in en, ru, zh, ja, el, hi,
 * ko: seven scripts), recombined into documents of 300–1,500 words, about a quarter of them in
 * translation groups of 2–5 languages. The true groups are kept aside to score the grouping.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ingestDocument } from "../src/ingest/document.ts";
import type { GroupInput } from "../src/group/index.ts";
import { PROJECT_ROOT } from "../src/settings.ts";
import { commitFolder } from "../tests/fixtures/git.ts";
import { entry } from "../src/maps.ts";
export { byCodePoint } from "../src/order.ts";

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
  const content = join(PROJECT_ROOT, "content");
  for (const [dir, files] of [
    [content, readdirSync(content).filter((f) => /^00[0-3]/.test(f))],
    [join(PROJECT_ROOT, "tests/fixtures/languages"), ["en.txt", "ru.txt", "zh.txt", "ja.txt", "el.txt", "hi.txt", "ko.txt"]],
  ] as const) {
    const docs = files.map((f) => sentencesOf(dir, f));
    const n = Math.min(...docs.map((d) => d.sentences.length));
    const aligned = docs.filter((d) => d.sentences.length === n);
    out.push({ langs: aligned.map((d) => d.lang), concepts: Array.from({ length: n }, (_, k) => Object.fromEntries(aligned.map((d) => [d.lang, d.sentences[k]!]))) });
  }
  return out;
}

/** mulberry32: a small seeded generator, so the same seed always gives the same corpus. */
export function random(seed: number): () => number {
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
    // An article of 300–1,500 words (counted in the bank's first language; translations run about
    // as long), drawn from the bank's concepts, in paragraphs of 2–6 sentences.
    const target = 300 + Math.floor(rand() * 1200);
    const sentences: number[] = [];
    for (let words = 0; words < target;) {
      const concept = Math.floor(rand() * bank.concepts.length);
      sentences.push(concept);
      words += bank.concepts[concept]![bank.langs[0]!]!.split(/\s+/).length;
    }
    const breaks: number[] = [];
    for (let k = 0; k < sentences.length; k += 2 + Math.floor(rand() * 5)) breaks.push(k);
    // About a quarter of the documents in groups: groups hold 3.3 documents on average.
    const inGroup = rand() < 0.09;
    const size = inGroup ? Math.min(bank.langs.length, 2 + Math.floor(rand() * 4)) : 1;
    const langs = [...bank.langs].sort(() => rand() - 0.5).slice(0, size);
    const id = `g${groupNo++}`;
    for (const lang of langs) {
      if (inputs.length >= n) break;
      const paragraphs = breaks.map((start, b) =>
        sentences
          .slice(start, breaks[b + 1] ?? sentences.length)
          .map((c) => bank.concepts[c]![lang])
          .join(" "),
      );
      // Named as the publisher's files are: a number and a hash, nothing that tells the language.
      const file = `${String(inputs.length).padStart(6, "0")}_${createHash("sha256").update(paragraphs.join("\n\n")).digest("hex").slice(0, 16)}.txt`;
      inputs.push({ file, lang, paragraphs, extra: [] });
      if (inGroup) truth.set(file, id);
    }
  }
  return { inputs, truth };
}

/** Pairwise precision and recall of the found groups against the true ones. */
export function groupingAccuracy(found: string[][], truth: Map<string, string>): { precision: number; recall: number } {
  const pairs = (groups: string[][]) => new Set(groups.flatMap((g) => g.flatMap((a, i) => g.slice(i + 1).map((b) => (a < b ? `${a}|${b}` : `${b}|${a}`)))));
  const trueGroups = new Map<string, string[]>();
  for (const [file, id] of truth) entry(trueGroups, id, () => []).push(file);
  const expected = pairs([...trueGroups.values()]);
  const got = pairs(found);
  const hit = [...got].filter((p) => expected.has(p)).length;
  return { precision: got.size ? hit / got.size : 1, recall: expected.size ? hit / expected.size : 1 };
}

/** Writes the corpus as plain text files and commits them, dated, so feeds carry them. */
export function writeCorpus(dir: string, inputs: readonly GroupInput[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const d of inputs) writeFileSync(join(dir, d.file), d.paragraphs.join("\n\n") + "\n");
  commitFolder(dir);
}
