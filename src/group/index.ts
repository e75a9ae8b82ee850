/**
 * Finds which documents are translations of one another, from the text alone, unless the
 * publisher says so: `translationKey` in front matter or in `_data/translations.json` groups
 * documents outright, and `notTranslations` there keeps pairs apart.
 */
import { createHash } from "node:crypto";
import { candidatePairs } from "./candidates.ts";
import { cluster, pairKey } from "./cluster.ts";
import { documentFeatures, type Features } from "./features.ts";
import { PAIR_THRESHOLD, scorePair, type PairEvidence } from "./score.ts";

export interface GroupInput {
  file: string;
  lang: string;
  /** Body paragraphs (for shape) and attribution text (for tokens only). */
  paragraphs: readonly string[];
  extra: readonly string[];
  translationKey?: string;
}

export interface GroupOverrides {
  /** Document file → translation key. */
  keys: ReadonlyMap<string, string>;
  /** Pairs of document files that are not translations of each other. */
  notTranslations: readonly (readonly [string, string])[];
}

export interface TranslationGroup {
  id: string;
  source: "override" | "detected";
  members: { file: string; lang: string }[];
  /** Mean score of the pairs in the group (1 for an override). */
  score: number;
  evidence: ({ a: string; b: string } & PairEvidence)[];
}

export interface Grouping {
  groups: TranslationGroup[];
  /** Documents in no group, with the best pair that was looked at and turned down. */
  alone: { file: string; lang: string; bestCandidate?: { file: string; score: number } }[];
  problems: { file: string; reasons: string[] }[];
  stats: { documents: number; candidatePairs: number; alignedPairs: number };
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function groupTranslations(inputs: readonly GroupInput[], overrides: GroupOverrides = { keys: new Map(), notTranslations: [] }): Grouping {
  const docs = [...inputs].sort((a, b) => byName(a.file, b.file));
  const problems: Grouping["problems"] = [];
  const groups: TranslationGroup[] = [];

  // Overrides first: a key groups its documents outright, one per language.
  const keyOf = (d: GroupInput) => d.translationKey ?? overrides.keys.get(d.file);
  const keyed = new Map<string, GroupInput[]>();
  for (const d of docs) {
    const key = keyOf(d);
    if (key !== undefined) (keyed.get(key) ?? keyed.set(key, []).get(key)!).push(d);
  }
  for (const [key, members] of [...keyed].sort(([a], [b]) => byName(a, b))) {
    const byLang = new Map<string, string[]>();
    for (const m of members) (byLang.get(m.lang) ?? byLang.set(m.lang, []).get(m.lang)!).push(m.file);
    for (const [lang, files] of byLang) {
      if (files.length > 1) for (const file of files) problems.push({ file, reasons: [`translationKey "${key}" is claimed in "${lang}" by ${files.length} documents (${files.join(", ")}); a translation group holds one document per language`] });
    }
    if (members.length > 1) groups.push({ id: key, source: "override", members: members.map((m) => ({ file: m.file, lang: m.lang })).sort((a, b) => byName(a.lang, b.lang)), score: 1, evidence: [] });
  }

  // The rest: detection.
  const free = docs.filter((d) => keyOf(d) === undefined);
  const features = free.map((d) => documentFeatures(d.file, d.lang, d.paragraphs, d.extra));
  const df = new Map<string, number>();
  for (const f of features) for (const t of new Set([...f.numbers, ...f.names])) df.set(t, (df.get(t) ?? 0) + 1);
  const maxIdf = Math.log(Math.max(2, features.length));
  const rarity = (t: string) => Math.log(Math.max(2, features.length) / (df.get(t) ?? 1)) / maxIdf;

  const index = new Map(free.map((d, i) => [d.file, i]));
  const forbidden = new Set<string>();
  for (const [x, y] of overrides.notTranslations) {
    const i = index.get(x), j = index.get(y);
    if (i !== undefined && j !== undefined) forbidden.add(pairKey(i, j));
  }

  const evidence = new Map<string, PairEvidence>();
  const score = (i: number, j: number) => {
    const k = pairKey(i, j);
    let e = evidence.get(k);
    if (!e) evidence.set(k, (e = scorePair(features[i]!, features[j]!, rarity)));
    return e.score;
  };
  const candidates = candidatePairs(features, df);
  const edges = candidates.filter(([i, j]) => !forbidden.has(pairKey(i, j))).map(([i, j]) => ({ i, j, score: score(i, j) }));
  const clusters = cluster({ langs: features.map((f) => f.lang), edges, forbidden, score, threshold: PAIR_THRESHOLD, floor: PAIR_THRESHOLD / 2, names: free.map((d) => d.file) });

  // Each document's best candidate, in one pass over the edges (the first of equal scores, as a sort would keep it).
  const bestEdge = new Map<number, (typeof edges)[number]>();
  for (const e of edges) {
    for (const k of [e.i, e.j]) {
      const had = bestEdge.get(k);
      if (!had || e.score > had.score) bestEdge.set(k, e);
    }
  }
  const alone: Grouping["alone"] = [];
  for (const members of clusters) {
    if (members.length === 1) {
      const i = members[0]!;
      const best = bestEdge.get(i);
      alone.push({ file: free[i]!.file, lang: free[i]!.lang, ...(best ? { bestCandidate: { file: free[best.i === i ? best.j : best.i]!.file, score: best.score } } : {}) });
      continue;
    }
    const pairs = members.flatMap((x, k) => members.slice(k + 1).map((y) => ({ a: free[x]!.file, b: free[y]!.file, ...evidence.get(pairKey(x, y))! })));
    const files = members.map((k) => free[k]!.file);
    groups.push({
      id: `g-${createHash("sha256").update(files.join("\n")).digest("hex").slice(0, 10)}`,
      source: "detected",
      members: members.map((k) => ({ file: free[k]!.file, lang: free[k]!.lang })).sort((a, b) => byName(a.lang, b.lang)),
      score: Math.round((pairs.reduce((s, p) => s + p.score, 0) / pairs.length) * 1000) / 1000,
      evidence: pairs,
    });
  }
  // Keyed documents that found no partner are alone too.
  for (const [, members] of keyed) if (members.length === 1) alone.push({ file: members[0]!.file, lang: members[0]!.lang });
  alone.sort((a, b) => byName(a.file, b.file));
  groups.sort((a, b) => byName(a.members[0]!.file, b.members[0]!.file));
  return { groups, alone, problems, stats: { documents: docs.length, candidatePairs: candidates.length, alignedPairs: evidence.size } };
}
