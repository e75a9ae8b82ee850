import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inFlight } from "../../src/in-flight.ts";

/** A task per item that finishes when the test says so, recording when each started. */
function controlled() {
  const started: number[] = [];
  const finish = new Map<number, () => void>();
  let running = 0,
    most = 0;
  const start = (item: number) =>
    new Promise<string>((resolve) => {
      started.push(item);
      most = Math.max(most, ++running);
      finish.set(item, () => {
        running--;
        resolve(`done ${item}`);
      });
    });
  return { started, finish, start, most: () => most };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("work kept in flight", () => {
  it("starts no more than the limit at once, and the next item as soon as one finishes", async () => {
    const work = controlled();
    const all = inFlight([0, 1, 2, 3, 4, 5], 2, work.start);
    await tick();
    assert.deepEqual(work.started, [0, 1]);
    work.finish.get(1)?.();
    await tick();
    assert.deepEqual(work.started, [0, 1, 2]);
    for (let i = 0; i < 6; i++) {
      work.finish.get(i)?.();
      await tick();
    }
    await all;
    assert.equal(work.most(), 2);
  });

  it("starts the items in their order, and gives the results in the items' order whatever order they finish in", async () => {
    const work = controlled();
    const all = inFlight([0, 1, 2, 3], 3, work.start);
    for (const i of [2, 0, 1, 3]) {
      await tick();
      work.finish.get(i)?.();
    }
    assert.deepEqual(await all, ["done 0", "done 1", "done 2", "done 3"]);
    assert.deepEqual(work.started, [0, 1, 2, 3]);
  });

  it("rejects when an item fails, and starts nothing after it in that lane", async () => {
    const started: number[] = [];
    const failing = (item: number) => {
      started.push(item);
      return item === 1 ? Promise.reject(new Error("item 1 failed")) : Promise.resolve(item);
    };
    await assert.rejects(inFlight([0, 1, 2], 1, failing), /item 1 failed/);
    assert.deepEqual(started, [0, 1]);
  });

  it("gives an empty list for no items", async () => {
    assert.deepEqual(await inFlight([], 4, () => Promise.resolve(1)), []);
  });
});
