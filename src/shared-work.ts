/**
 * A pure function over many items, on two threads, with the caller kept synchronous: this thread
 * and a worker take the next item from one shared counter until none is left; the worker sends
 * each result through a port this thread reads without its event loop (`receiveMessageOnPort`).
 * This thread never waits for the worker to start — if it never does, this thread computes every
 * item — only for an item the worker has taken and not sent. The function is pure, so which thread
 * computed an item makes no difference to its result.
 */
import { availableParallelism } from "node:os";
import { MessageChannel, receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import { startWorker } from "./worker.ts";

/** A worker taking this long over one item has died or never started: this thread takes what is left. */
const STALLED_MS = 10_000;

/** What the two threads share. */
interface SharedWork<I> {
  items: readonly I[];
  /** What the worker's function is made from (`serveSharedWork`). */
  context: unknown;
  /** [0]: the next item to take. */
  next: Int32Array;
  /** [0]: how many results the worker has sent. */
  sent: Int32Array;
  port: MessagePort;
}

export interface SharedResults<R> {
  /** Each item's result, in order. */
  results: R[];
  /** How many the worker computed. */
  byWorker: number;
}

const take = (work: Pick<SharedWork<unknown>, "next">) => Atomics.add(work.next, 0, 1);

export interface ShareOptions {
  /** Below this many items, starting a worker costs more than it saves. */
  minItems?: number;
  /** Whether this thread computes too (else it only waits for the worker, as a test may want). */
  here?: boolean;
  /** Sent to the worker once, for its function to be made from. */
  context?: unknown;
  /** How long the worker may hold one item before this thread takes what is left. */
  stalledMs?: number;
}

/**
 * `compute` over `items`, in order: here alone when they are few or there is one core; else here
 * and on the worker module `module` (beside `caller`, as `startWorker` takes it), which must call
 * `serveSharedWork` with a function that computes what `compute` does.
 */
export function computeShared<I, R>(
  module: URL,
  caller: string,
  items: readonly I[],
  compute: (item: I) => R,
  { minItems = 1000, here = true, context, stalledMs = STALLED_MS }: ShareOptions = {},
): SharedResults<R> {
  if (items.length < minItems || availableParallelism() < 2) return { results: items.map(compute), byWorker: 0 };
  const { port1, port2 } = new MessageChannel();
  const work: SharedWork<I> = { items, context, next: new Int32Array(new SharedArrayBuffer(4)), sent: new Int32Array(new SharedArrayBuffer(4)), port: port2 };
  let worker;
  try {
    worker = startWorker(module, caller, work, [port2]);
    worker.unref();
    worker.on("error", () => {}); // whatever it left, this thread computes
  } catch {
    // No worker: this thread takes every item.
  }
  const results = new Array<R>(items.length);
  const done = new Uint8Array(items.length);
  const computeHere = (i: number) => {
    results[i] = compute(items[i] as I);
    done[i] = 1;
  };
  const computeTaken = () => {
    for (let i = take(work); i < items.length; i = take(work)) computeHere(i);
  };
  let byWorker = 0;
  const receive = () => {
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
      const [i, ...result] = m.message as Sent<R>;
      if (done[i]) continue;
      // An item that failed there is computed here, where it fails as it would have without the worker.
      if (result.length === 0) computeHere(i);
      else [results[i], done[i], byWorker] = [result[0], 1, byWorker + 1];
    }
  };
  try {
    if (here) computeTaken();
    for (let i = 0; i < items.length; i++) {
      while (!done[i]) {
        const seen = Atomics.load(work.sent, 0);
        receive();
        if (done[i] || Atomics.wait(work.sent, 0, seen, stalledMs) !== "timed-out") continue;
        computeTaken();
        if (!done[i]) computeHere(i);
      }
    }
  } finally {
    void worker?.terminate();
    port1.close();
  }
  return { results, byWorker };
}

/** What the worker sends for an item: its result, or nothing when computing it threw. */
type Sent<R> = [number, R] | [number];

/** The worker's side of `computeShared`: takes items and sends each result until none is left. */
export function serveSharedWork<I, R, C>(make: (context: C) => (item: I) => R): void {
  const work = workerData as SharedWork<I>;
  const compute = make(work.context as C);
  for (let i = take(work); i < work.items.length; i = take(work)) {
    let sent: Sent<R>;
    try {
      sent = [i, compute(work.items[i] as I)];
    } catch {
      sent = [i]; // the other thread computes it again, and reports what it throws
    }
    work.port.postMessage(sent);
    Atomics.add(work.sent, 0, 1);
    Atomics.notify(work.sent, 0);
  }
  work.port.close();
}
