/**
 * Finds which documents are translations of one another, from the text alone, unless the
 * publisher says so: `translationKey` in front matter or in `_data/translations.json` groups
 * documents outright, and `notTranslations` there keeps pairs apart.
 */
import { createHash } from "node:crypto";
import { byCodePoint } from "../order.ts";
import { candidatePairs } from "./candidates.ts";
import { cluster, pairKey } from "./cluster.ts";
import type { Features } from "./features.ts";
import { Computing, type FeatureInput, type GroupingMemo, type SentencePair } from "./memo.ts";
import type { DocumentRecord } from "../ingest/document.ts";
import { sharedWithinLanguage } from "../ingest/shared-paragraphs.ts";
import { margins } from "./margin.ts";
import { corroborated, PAIR_THRESHOLD, scorePair, type PairEvidence } from "./score.ts";
import { entry } from "../maps.ts";

export interface GroupInput {
  file: string;
  lang: string;
  /** Body paragraphs (for shape) and attribution text (for tokens only). */
  paragraphs: readonly string[];
  /**
   * The title when it stands apart from the paragraphs (a first line, front matter): it is
   * translated with the rest, and in a short page it is a fifth of the shape.
   */
  heading?: string;
  extra: readonly string[];
  translationKey?: string;
}

/**
 * What grouping reads of an ingested document. The title goes along when the paragraphs do not
 * hold it already (an opening sentence taken as the title stays in them).
 */
export function groupInputOf(d: Pick<DocumentRecord, "file" | "lang" | "paragraphs" | "attribution" | "title" | "titleSource" | "translationKey">): GroupInput {
  return {
    file: d.file,
    lang: d.lang,
    paragraphs: d.paragraphs,
    ...(d.titleSource === "first-sentence" ? {} : { heading: d.title }),
    extra: d.attribution.map((a) => a.text),
    ...(d.translationKey === undefined ? {} : { translationKey: d.translationKey }),
  };
}

/** A document's paragraphs with its title first, when the title stands apart from them: the whole text a translator translated. */
export function textWithHeading(d: Pick<GroupInput, "heading" | "paragraphs">): readonly string[] {
  return d.heading === undefined ? d.paragraphs : [d.heading, ...d.paragraphs];
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
  /** Each pair's evidence, and its margin over the next-best document in either side's language. */
  evidence: ({ a: string; b: string; margin?: number } & PairEvidence)[];
}

export interface Grouping {
  groups: TranslationGroup[];
  /** Documents in no group, with the best pair that was looked at and turned down. */
  alone: { file: string; lang: string; bestCandidate?: { file: string; score: number; margin?: number } }[];
  problems: { file: string; reasons: string[] }[];
  stats: { documents: number; candidatePairs: number; alignedPairs: number };
  /** Every pair of files that was compared (a ≤ b by name): what candidate selection let through. */
  compared: [string, string][];
}

/** Documents of fewer sentences than this get the second look, language by language, whatever their first. */
const SHORT_DOCUMENT = 16;
const isShort = (f: Features) => f.sentences.length < SHORT_DOCUMENT;

/** Rarity is counted as if the collection held this many more documents without the token. */
const RARITY_PRIOR = 20;

/**
 * Each token's document frequency, and its rarity (0–1): inverse document frequency, smoothed so
 * that in a small collection (the four seeds) a name all translations share is still rare. A token
 * several documents share, all in one language, is that language's vocabulary ("ny-version",
 * "old-version"), not something translation keeps: it weighs nothing.
 */
function tokenWeights(features: readonly Features[]): { df: Map<string, number>; rarity: (token: string) => number } {
  const df = new Map<string, number>();
  const oneLanguage = new Map<string, string | null>();
  for (const f of features) {
    for (const t of f.anchors) {
      df.set(t, (df.get(t) ?? 0) + 1);
      oneLanguage.set(t, oneLanguage.has(t) && oneLanguage.get(t) !== f.lang ? null : f.lang);
    }
  }
  const n = features.length + RARITY_PRIOR;
  const rarity = (t: string) => ((df.get(t) ?? 0) >= 2 && oneLanguage.get(t) ? 0 : Math.log(n / ((df.get(t) ?? 0) + 1)) / Math.log(n));
  return { df, rarity };
}

/**
 * Where the publisher's overrides say two things at once: a front-matter key and a different key
 * in _data/translations.json for one document, or two documents keyed together that
 * `notTranslations` keeps apart. Neither silently wins: each is a problem naming both sides.
 */
function contradictions(docs: readonly GroupInput[], overrides: GroupOverrides): Grouping["problems"] {
  const problems: Grouping["problems"] = [];
  const byFile = new Map(docs.map((d) => [d.file, d]));
  const source = (d: GroupInput) => (d.translationKey !== undefined ? "its front matter" : "_data/translations.json keys");
  for (const d of docs) {
    const data = overrides.keys.get(d.file);
    if (d.translationKey !== undefined && data !== undefined && data !== d.translationKey) {
      problems.push({ file: d.file, reasons: [`translationKey "${d.translationKey}" in its front matter contradicts "${data}" for it in _data/translations.json keys; keep one`] });
    }
  }
  for (const [x, y] of overrides.notTranslations) {
    const a = byFile.get(x),
      b = byFile.get(y);
    if (!a || !b) continue;
    const ka = a.translationKey ?? overrides.keys.get(x),
      kb = b.translationKey ?? overrides.keys.get(y);
    if (ka === undefined || ka !== kb) continue;
    const reason = `_data/translations.json notTranslations keeps ${x} and ${y} apart, but both have translationKey "${ka}" (${x}: ${source(a)}; ${y}: ${source(b)}); remove one of the two`;
    problems.push({ file: x, reasons: [reason] }, { file: y, reasons: [reason] });
  }
  return problems;
}

/** @param memo where features and alignments are computed, or kept from an earlier build */
export function groupTranslations(inputs: readonly GroupInput[], overrides: GroupOverrides = { keys: new Map(), notTranslations: [] }, memo: GroupingMemo = new Computing()): Grouping {
  const docs = [...inputs].sort((a, b) => byCodePoint(a.file, b.file));
  const problems: Grouping["problems"] = [];
  const groups: TranslationGroup[] = [];

  // Overrides first: a key groups its documents outright, one per language.
  const keyOf = (d: GroupInput) => d.translationKey ?? overrides.keys.get(d.file);
  problems.push(...contradictions(docs, overrides));
  const keyed = new Map<string, GroupInput[]>();
  for (const d of docs) {
    const key = keyOf(d);
    if (key !== undefined) entry(keyed, key, () => []).push(d);
  }
  for (const [key, members] of [...keyed].sort(([a], [b]) => byCodePoint(a, b))) {
    const byLang = new Map<string, string[]>();
    for (const m of members) entry(byLang, m.lang, () => []).push(m.file);
    for (const [lang, files] of byLang) {
      if (files.length > 1)
        for (const file of files)
          problems.push({ file, reasons: [`translationKey "${key}" is claimed in "${lang}" by ${files.length} documents (${files.join(", ")}); a translation group holds one document per language`] });
    }
    if (members.length > 1)
      groups.push({ id: key, source: "override", members: members.map((m) => ({ file: m.file, lang: m.lang })).sort((a, b) => byCodePoint(a.lang, b.lang)), score: 1, evidence: [] });
  }

  // The rest: detection.
  const free = docs.filter((d) => keyOf(d) === undefined);
  // Shared paragraphs say nothing about which documents translate which, so their tokens and
  // numbers do not count; the shape keeps them, since every translation of a page has its own copy
  // (dropping them from the shape too cost recall: measured in docs/grouping.md).
  const boilerplate = sharedWithinLanguage(free);
  const featureInputs = free.map((d): FeatureInput => {
    const paragraphs = textWithHeading(d);
    return { id: d.file, lang: d.lang, paragraphs, extra: d.extra, boilerplate: new Set([...paragraphs, ...d.extra].filter((p) => boilerplate.has(d.lang, p))) };
  });
  memo.prepareFeatures?.(featureInputs);
  const features = featureInputs.map((input) => memo.features(input));
  const { df, rarity } = tokenWeights(features);

  const index = new Map(free.map((d, i) => [d.file, i]));
  const forbidden = new Set<string>();
  for (const [x, y] of overrides.notTranslations) {
    const i = index.get(x),
      j = index.get(y);
    if (i !== undefined && j !== undefined) forbidden.add(pairKey(i, j));
  }

  // Indices come from the candidates and clusters of these documents: one out of range is a bug.
  const at = <T>(xs: readonly T[], i: number): T => {
    const x = xs[i];
    if (x === undefined) throw new RangeError(`no document at index ${i}`);
    return x;
  };
  const evidence = new Map<string, PairEvidence>();
  const evidenceOf = (i: number, j: number): PairEvidence => {
    const k = pairKey(i, j);
    let e = evidence.get(k);
    if (!e) evidence.set(k, (e = scorePair(at(features, i), at(features, j), rarity, (a, b) => memo.align(a, b))));
    return e;
  };
  const score = (i: number, j: number) => evidenceOf(i, j).score;
  const candidates = candidatePairs(features, df);
  const sentencesOf = (pairs: readonly (readonly [number, number])[]) => pairs.map(([i, j]): SentencePair => [at(features, i).sentences, at(features, j).sentences]);
  memo.prepareAlignments?.(sentencesOf(candidates.pairs));
  const langs = features.map((f) => f.lang);
  const edges = candidates.pairs.filter(([i, j]) => !forbidden.has(pairKey(i, j))).map(([i, j]) => ({ i, j, score: score(i, j) }));
  // A second look, language by language, for the documents now known to have a translation, and
  // for short ones: they seldom reach the threshold on a first look, and cost little to align, so
  // they meet the two nearest of each language (a stranger of about the same length may stand first).
  const secondLook = new Set(edges.filter((e) => e.score >= PAIR_THRESHOLD).flatMap((e) => [e.i, e.j]));
  for (const [i, f] of features.entries()) if (isShort(f)) secondLook.add(i);
  const looked = new Set(edges.map((e) => pairKey(e.i, e.j)));
  const more: [number, number][] = [];
  for (const i of [...secondLook].sort((x, y) => x - y)) {
    const next = isShort(at(features, i)) ? (candidates.nextInEachLanguage[i] ?? []) : [];
    for (const j of [...(candidates.inEachLanguage[i] ?? []), ...next]) {
      const k = pairKey(i, j);
      if (looked.has(k) || forbidden.has(k)) continue;
      looked.add(k);
      more.push([i, j]);
    }
  }
  memo.prepareAlignments?.(sentencesOf(more));
  for (const [i, j] of more) edges.push({ i: Math.min(i, j), j: Math.max(i, j), score: score(i, j) });
  const { margin, decisive } = margins(
    edges.map((e) => ({ ...e, corroborated: corroborated(evidence.get(pairKey(e.i, e.j))) })),
    langs,
  );
  // A pair accepted on its margin counts as reaching the threshold when groups are merged.
  const settled = (i: number, j: number, s: number) => (decisive.has(pairKey(i, j)) ? Math.max(s, PAIR_THRESHOLD) : s);
  const clusters = cluster({
    langs,
    edges: edges.map((e) => ({ ...e, score: settled(e.i, e.j, e.score) })),
    forbidden,
    score: (i, j) => settled(i, j, score(i, j)),
    threshold: PAIR_THRESHOLD,
    backed: (i, j) => corroborated(evidence.get(pairKey(i, j))),
    floor: PAIR_THRESHOLD / 2,
    names: free.map((d) => d.file),
  });

  // Each document's best candidate, in one pass over the edges (the first of equal scores, as a sort would keep it).
  const bestEdge = new Map<number, (typeof edges)[number]>();
  for (const e of edges) {
    for (const k of [e.i, e.j]) {
      const had = bestEdge.get(k);
      if (!had || e.score > had.score) bestEdge.set(k, e);
    }
  }
  const marginOf = (e: { i: number; j: number }) => {
    const m = margin.get(pairKey(e.i, e.j));
    return m === undefined ? {} : { margin: m };
  };
  const alone: Grouping["alone"] = [];
  for (const members of clusters) {
    const [first] = members;
    if (members.length === 1 && first !== undefined) {
      const { file, lang } = at(free, first);
      const best = bestEdge.get(first);
      alone.push({ file, lang, ...(best ? { bestCandidate: { file: at(free, best.i === first ? best.j : best.i).file, score: best.score, ...marginOf(best) } } : {}) });
      continue;
    }
    // Every pair of a cluster was scored when its groups were merged: evidenceOf only reads it back.
    const pairs = members.flatMap((x, k) => members.slice(k + 1).map((y) => ({ a: at(free, x).file, b: at(free, y).file, ...marginOf({ i: x, j: y }), ...evidenceOf(x, y) })));
    const files = members.map((k) => at(free, k).file);
    groups.push({
      id: `g-${createHash("sha256").update(files.join("\n")).digest("hex").slice(0, 10)}`,
      source: "detected",
      members: members.map((k) => ({ file: at(free, k).file, lang: at(free, k).lang })).sort((a, b) => byCodePoint(a.lang, b.lang)),
      score: Math.round((pairs.reduce((s, p) => s + p.score, 0) / pairs.length) * 1000) / 1000,
      evidence: pairs,
    });
  }
  // Keyed documents that found no partner are alone too.
  for (const [, [only, ...others]] of keyed) if (only && others.length === 0) alone.push({ file: only.file, lang: only.lang });
  alone.sort((a, b) => byCodePoint(a.file, b.file));
  groups.sort((a, b) => byCodePoint(a.members[0]?.file ?? "", b.members[0]?.file ?? ""));
  const compared = [...evidence.keys()].map((k): [string, string] => {
    const [x = "", y = ""] = k.split(":").map((n) => at(free, Number(n)).file);
    return x < y ? [x, y] : [y, x];
  });
  return { groups, alone, problems, stats: { documents: docs.length, candidatePairs: edges.length, alignedPairs: evidence.size }, compared };
}
