/**
 * Asynchronous work over many items with a bound on how much is under way: sending all at once
 * held every item's encoded copy in memory at once (10,000 pages' HTML in Pagefind's pipe or in
 * libuv's write queue), while one at a time would leave the other side waiting.
 */

/**
 * `start` applied to each item in the items' order, at most `limit` unfinished at a time; the
 * results in the same order. Each item is started as soon as an earlier one finishes, so the
 * order in which they start is the items' order (Pagefind's service relies on it).
 */
export async function inFlight<T, R>(items: readonly T[], limit: number, start: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  // One iterator shared by the lanes: each takes the next item as soon as its own is done.
  const queue = items.entries();
  const lane = async () => {
    for (const [i, item] of queue) results[i] = await start(item);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}
