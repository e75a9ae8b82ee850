/**
 * Cheap candidate selection, so the full alignment runs on a few pairs per document instead of
 * all pairs: documents are sorted by sentence count and each is compared (by its shape fingerprint)
 * only with a window of neighbours of similar length in other languages; documents that share a
 * rare token are candidates too. Near-linear in the number of documents.
 */
import type { Features } from "./features.ts";

/** Candidates kept per document, best fingerprint first. */
const PER_DOCUMENT = 6;
/** Neighbours looked at on each side in sentence-count order. */
const WINDOW = 300;
/** A token in more documents than this is not rare. */
const RARE_DF = 12;

export type Pair = [number, number];

function fingerprintDistance(a: Features, b: Features): number {
  let d = Math.abs(Math.log(a.sentences.length / b.sentences.length)) * 2;
  for (let k = 0; k < a.profile.length; k++) d += Math.abs(a.profile[k]! - b.profile[k]!);
  return d;
}

/** Pairs (i < j) of indices into `docs`, in different languages, worth a full alignment. */
export function candidatePairs(docs: readonly Features[], documentFrequency: ReadonlyMap<string, number>): Pair[] {
  const pairs = new Set<number>();
  const key = (i: number, j: number) => (i < j ? i * docs.length + j : j * docs.length + i);
  const order = docs.map((_, i) => i).sort((x, y) => docs[x]!.sentences.length - docs[y]!.sentences.length || x - y);

  order.forEach((i, position) => {
    const doc = docs[i]!;
    const near: { j: number; d: number }[] = [];
    for (let p = Math.max(0, position - WINDOW); p <= Math.min(order.length - 1, position + WINDOW); p++) {
      const j = order[p]!;
      if (j === i || docs[j]!.lang === doc.lang) continue;
      const ratio = docs[j]!.sentences.length / doc.sentences.length;
      if (ratio < 0.6 || ratio > 1.67) continue;
      near.push({ j, d: fingerprintDistance(doc, docs[j]!) });
    }
    near.sort((x, y) => x.d - y.d || x.j - y.j);
    for (const { j } of near.slice(0, PER_DOCUMENT)) pairs.add(key(i, j));
  });

  // Shared rare tokens: an inverted index, so only documents that share one meet.
  const holders = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    for (const t of [...doc.numbers, ...doc.names]) {
      const df = documentFrequency.get(t) ?? 0;
      if (df >= 2 && df <= RARE_DF) (holders.get(t) ?? holders.set(t, []).get(t)!).push(i);
    }
  });
  for (const members of holders.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) if (docs[members[x]!]!.lang !== docs[members[y]!]!.lang) pairs.add(key(members[x]!, members[y]!));
    }
  }
  return [...pairs].sort((p, q) => p - q).map((k): Pair => [Math.floor(k / docs.length), k % docs.length]);
}
