/**
 * Many alignments at once, on two threads: this one and a worker take the next pair from one
 * shared counter until none is left, and each result is written, as the float64 numbers it is, into
 * shared memory. Grouping stays synchronous: this thread never waits for the worker to start (if it
 * never does, this thread aligns every pair), only for a pair the worker has taken and not finished.
 * An alignment is a pure function of its two sequences, so which thread aligned a pair makes no
 * difference to the result.
 */
import { availableParallelism } from "node:os";
import { alignSentences, type Alignment } from "./align.ts";
import type { Sentence } from "./features.ts";
import { startWorker } from "../worker.ts";

/** Below this many pairs, starting a worker costs more than it saves. */
const MIN_PAIRS = 1000;
/** A pair the worker took and has not finished after this long means the worker died: this thread aligns it. */
const STALLED_MS = 10_000;

/** Numbers of an alignment, in this order. */
const FIELDS = 9;

/** The pairs, their sequences and what the threads share: counter, finished flags and results. */
export interface SharedAlignJob {
  /** Each sentence as one number: its length doubled, plus one where it ends a paragraph. */
  sentences: Int32Array;
  /** Where each sequence starts in `sentences`, and where the last ends. */
  offsets: Int32Array;
  /** Each pair's two sequence numbers. */
  pairs: Int32Array;
  /** [0]: the next pair to take. */
  next: Int32Array;
  /** One per pair: 1 once its result is written. */
  done: Int32Array;
  results: Float64Array;
}

const shared = (bytes: number) => new SharedArrayBuffer(Math.max(bytes, 8));

function jobOf(pairs: readonly (readonly [readonly Sentence[], readonly Sentence[]])[]): SharedAlignJob {
  // Each sequence once, however many pairs it is in.
  const index = new Map<readonly Sentence[], number>();
  const sequences: (readonly Sentence[])[] = [];
  const number = (xs: readonly Sentence[]) => {
    let n = index.get(xs);
    if (n === undefined) index.set(xs, (n = sequences.push(xs) - 1));
    return n;
  };
  const pairNumbers = pairs.flatMap(([a, b]) => [number(a), number(b)]);
  const total = sequences.reduce((sum, xs) => sum + xs.length, 0);
  const job: SharedAlignJob = {
    sentences: new Int32Array(shared(4 * total)),
    offsets: new Int32Array(shared(4 * (sequences.length + 1))),
    pairs: new Int32Array(shared(4 * pairNumbers.length)),
    next: new Int32Array(shared(4)),
    done: new Int32Array(shared(4 * pairs.length)),
    results: new Float64Array(shared(8 * FIELDS * pairs.length)),
  };
  let at = 0;
  sequences.forEach((xs, n) => {
    job.offsets[n] = at;
    for (const s of xs) job.sentences[at++] = s.length * 2 + (s.endsParagraph ? 1 : 0);
  });
  job.offsets[sequences.length] = at;
  job.pairs.set(pairNumbers);
  return job;
}

/** The sequence `n` of a job, as sentences. */
function sequence(job: SharedAlignJob, n: number, seen: Map<number, Sentence[]>): Sentence[] {
  let xs = seen.get(n);
  if (!xs) {
    xs = [];
    for (let k = job.offsets[n] ?? 0, end = job.offsets[n + 1] ?? 0; k < end; k++) {
      const packed = job.sentences[k] ?? 0;
      xs.push({ length: packed >> 1, endsParagraph: (packed & 1) === 1 });
    }
    seen.set(n, xs);
  }
  return xs;
}

/** Who aligned a pair, as its `done` flag says. */
export const HERE = 1;
export const WORKER = 2;

/** Takes and aligns pairs until none is left: what both threads run, each with its own mark. */
export function alignTaken(job: SharedAlignJob, mark: number): void {
  const seen = new Map<number, Sentence[]>();
  for (let p = Atomics.add(job.next, 0, 1); p < job.done.length; p = Atomics.add(job.next, 0, 1)) alignPair(job, p, seen, mark);
}

function alignPair(job: SharedAlignJob, p: number, seen: Map<number, Sentence[]>, mark: number): void {
  const a = sequence(job, job.pairs[2 * p] ?? 0, seen);
  const b = sequence(job, job.pairs[2 * p + 1] ?? 0, seen);
  const al = alignSentences(a, b);
  job.results.set([al.meanCost, al.beads, al.oneToOne, al.correlation, al.breakAgreement, al.unmatched, al.skippedParagraphs, ...al.coverage], FIELDS * p);
  Atomics.store(job.done, p, mark);
  Atomics.notify(job.done, p);
}

function resultOf(job: SharedAlignJob, p: number): Alignment {
  const [meanCost = NaN, beads = NaN, oneToOne = NaN, correlation = NaN, breakAgreement = NaN, unmatched = NaN, skippedParagraphs = NaN, a = NaN, b = NaN] = job.results.subarray(
    FIELDS * p,
    FIELDS * (p + 1),
  );
  return { meanCost, beads, oneToOne, correlation, breakAgreement, unmatched, skippedParagraphs, coverage: [a, b] };
}

export interface AlignedAll {
  /** Each pair's alignment, in order. */
  alignments: Alignment[];
  /** How many of them the worker made. */
  byWorker: number;
}

/**
 * The alignment of each pair, in order: on a worker too when there are many and a second core.
 * @param here whether this thread aligns too (else it only waits for the worker, as a test may want)
 */
export function alignAll(pairs: readonly (readonly [readonly Sentence[], readonly Sentence[]])[], here = true): AlignedAll {
  if (pairs.length < MIN_PAIRS || availableParallelism() < 2) return { alignments: pairs.map(([a, b]) => alignSentences(a, b)), byWorker: 0 };
  const job = jobOf(pairs);
  let worker;
  try {
    worker = startWorker(new URL("./align-worker", import.meta.url), import.meta.url, job);
    worker.unref();
    worker.on("error", () => {}); // whatever it left, this thread aligns
  } catch {
    // No worker: this thread takes every pair.
  }
  if (here) alignTaken(job, HERE);
  // Pairs the worker took: finished by now, or in a moment. One it holds for long means it died
  // or never started: this thread takes what is left, and aligns that pair itself.
  const seen = new Map<number, Sentence[]>();
  for (let p = 0; p < pairs.length; p++) {
    if (Atomics.load(job.done, p) !== 0 || Atomics.wait(job.done, p, 0, STALLED_MS) !== "timed-out") continue;
    alignTaken(job, HERE);
    if (Atomics.load(job.done, p) === 0) alignPair(job, p, seen, HERE);
  }
  void worker?.terminate();
  return { alignments: pairs.map((_, p) => resultOf(job, p)), byWorker: job.done.filter((mark) => mark === WORKER).length };
}
