import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { collectGarbage } from "../../src/memory.ts";

describe("collecting garbage on purpose", () => {
  it("frees an object nothing refers to any more, at once", () => {
    const ref = new WeakRef({ pages: "x".repeat(1_000_000) });
    // A WeakRef's target is kept until the current job ends; the collection runs in a later one.
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        collectGarbage();
        assert.equal(ref.deref(), undefined);
        resolve();
      }),
    );
  });
});
