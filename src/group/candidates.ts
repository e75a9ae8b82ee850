/**
 * Cheap candidate selection, so the full alignment runs on a few pairs per document instead of
 * all pairs: documents are sorted by sentence count and each is compared by a fingerprint (where
 * its length falls, and the rhythm of its opening sentences) only with a capped window of
 * neighbours of similar length in other languages; documents that share a rare token are
 * candidates too. Linear in the number of documents, with the window as the constant.
 */
import type { Features } from "./features.ts";

/** Candidates kept per document, best fingerprint first. */
const PER_DOCUMENT = 4;
/** Neighbours looked at on each side in sentence-count order: a cap that keeps the work linear. */
const WINDOW = 400;
/** A token in more documents than this is not rare. */
const RARE_DF = 12;

export type Pair = [number, number];

/** The k nearest seen so far, by distance then index: no sorting of the whole window. */
class Nearest {
  private readonly js: number[] = [];
  private readonly ds: number[] = [];
  constructor(private readonly k: number) {}
  offer(j: number, d: number): void {
    const n = this.js.length;
    if (n === this.k && (d > this.ds[n - 1]! || (d === this.ds[n - 1]! && j > this.js[n - 1]!))) return;
    let at = n;
    while (at > 0 && (this.ds[at - 1]! > d || (this.ds[at - 1]! === d && this.js[at - 1]! > j))) at--;
    this.js.splice(at, 0, j);
    this.ds.splice(at, 0, d);
    if (this.js.length > this.k) (this.js.pop(), this.ds.pop());
  }
  items(): readonly number[] {
    return this.js;
  }
}

/** Sentence count, where the length falls, and the rhythm of the opening sentences. */
function fingerprintDistance(a: Features, b: Features): number {
  let d = Math.abs(Math.log(a.sentences.length / b.sentences.length)) * 2;
  for (let k = 0; k < a.profile.length; k++) d += Math.abs(a.profile[k]! - b.profile[k]!);
  const n = Math.min(a.opening.length, b.opening.length);
  let rhythm = 0;
  for (let k = 0; k < n; k++) rhythm += Math.abs(a.opening[k]! - b.opening[k]!);
  return d + (n ? rhythm / n : 0);
}

/** Pairs (i < j) of indices into `docs`, in different languages, worth a full alignment. */
export function candidatePairs(docs: readonly Features[], documentFrequency: ReadonlyMap<string, number>): Pair[] {
  const pairs = new Set<number>();
  const key = (i: number, j: number) => (i < j ? i * docs.length + j : j * docs.length + i);
  const order = docs.map((_, i) => i).sort((x, y) => docs[x]!.sentences.length - docs[y]!.sentences.length || x - y);

  const counts = docs.map((d) => d.sentences.length);
  order.forEach((i, position) => {
    const doc = docs[i]!;
    const near = new Nearest(PER_DOCUMENT);
    // Outwards from the document in sentence-count order, until counts differ too much or the window ends.
    for (const step of [-1, 1]) {
      for (let p = position + step, seen = 0; p >= 0 && p < order.length && seen < WINDOW; p += step, seen++) {
        const j = order[p]!;
        const ratio = counts[j]! / counts[i]!;
        if (ratio < 0.75 || ratio > 1.34) break;
        if (docs[j]!.lang !== doc.lang) near.offer(j, fingerprintDistance(doc, docs[j]!));
      }
    }
    for (const j of near.items()) pairs.add(key(i, j));
  });

  // Shared rare tokens: an inverted index, so only documents that share one meet.
  const holders = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    for (const t of doc.anchors) {
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
