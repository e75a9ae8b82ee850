/**
 * Many alignments at once, on two threads (shared-work.ts). Each sequence goes to the worker once,
 * packed as numbers; a pair is the two sequences' numbers.
 */
import { alignSentences, type Alignment } from "./align.ts";
import { packSentence, unpackSentence, type Sentence } from "./features.ts";
import { computeShared, type SharedResults } from "../shared-work.ts";
import type { SentencePair } from "./memo.ts";

/** Every sequence of the pairs, packed: each sentence as one number (`packSentence`). */
export interface PackedSequences {
  sentences: Int32Array;
  /** Where each sequence starts in `sentences`, and where the last ends. */
  offsets: Int32Array;
}

/** The sequences of `pairs`, each once however many pairs it is in, and each pair as their numbers. */
function pack(pairs: readonly SentencePair[]): { packed: PackedSequences; numbered: [number, number][] } {
  const index = new Map<readonly Sentence[], number>();
  const sequences: (readonly Sentence[])[] = [];
  const number = (xs: readonly Sentence[]) => {
    let n = index.get(xs);
    if (n === undefined) index.set(xs, (n = sequences.push(xs) - 1));
    return n;
  };
  const numbered = pairs.map(([a, b]): [number, number] => [number(a), number(b)]);
  const sentences = new Int32Array(sequences.reduce((sum, xs) => sum + xs.length, 0));
  const offsets = new Int32Array(sequences.length + 1);
  let at = 0;
  sequences.forEach((xs, n) => {
    offsets[n] = at;
    for (const s of xs) sentences[at++] = packSentence(s);
  });
  offsets[sequences.length] = at;
  return { packed: { sentences, offsets }, numbered };
}

/** Aligns pairs of packed sequences, unpacking each sequence once: what both threads run. */
export function alignPacked({ sentences, offsets }: PackedSequences): (pair: readonly [number, number]) => Alignment {
  const unpacked = new Map<number, Sentence[]>();
  const sequence = (n: number) => {
    let xs = unpacked.get(n);
    if (!xs) {
      xs = [];
      for (let k = offsets[n] ?? 0, end = offsets[n + 1] ?? 0; k < end; k++) xs.push(unpackSentence(sentences[k] ?? 0));
      unpacked.set(n, xs);
    }
    return xs;
  };
  return ([a, b]) => alignSentences(sequence(a), sequence(b));
}

/** The alignment of each pair, in order: on a worker too when there are many and a second core. */
export function alignAll(pairs: readonly SentencePair[], here = true): SharedResults<Alignment> {
  const { packed, numbered } = pack(pairs);
  return computeShared(new URL("./align-worker", import.meta.url), import.meta.url, numbered, alignPacked(packed), { here, context: packed });
}
