/**
 * Text processing in time linear in the text: each hostile shape is processed at two sizes, and
 * the time may grow about fourfold for four times the text, not sixteenfold. A ratio of CPU time
 * (this process's, not the wall clock's), so other work on a busy machine neither slows one size
 * more than the other nor counts at all; below a few milliseconds there is no growth worth measuring.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { documentFeatures } from "../../src/group/features.ts";
import { ingestDocument } from "../../src/ingest/document.ts";
import { utf8 } from "./helpers.ts";

const OPENING = "The baker opens the door of his small shop before sunrise, as he has done for thirty years.";

/** Every stage a document's text goes through before grouping: decode, structure, typography, features. */
function process(text: string): void {
  const r = ingestDocument("shape.txt", utf8(text), { defaultLang: "en", detect: () => ({ lang: "en", confidence: 1, lowConfidence: false }) });
  if (!r.ok) throw new Error(r.reasons.join("; "));
  documentFeatures(
    "shape.txt",
    r.doc.lang,
    r.doc.paragraphs,
    r.doc.attribution.map((a) => a.text),
  );
}

/** The least CPU time, in milliseconds, of five runs: a run the scheduler interrupts loses no CPU time, only wall time. */
function fastest(text: string): number {
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const t = globalThis.process.cpuUsage();
    process(text);
    const used = globalThis.process.cpuUsage(t);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

const base64 = (n: number) =>
  Buffer.from(Array.from({ length: Math.ceil((n * 3) / 4) }, (_, i) => (i * 7919 + 13) % 251))
    .toString("base64")
    .slice(0, n);

const SHAPES: [string, (n: number) => string][] = [
  ["an e-mail address followed by a pasted base64 blob", (n) => `${OPENING} Write to baker@example.org ${base64(n)}`],
  ["a sentence end followed by many closing brackets", (n) => `${OPENING} It was good.${")".repeat(n)} Then he went home.`],
  ["a capitalized word followed by many closing brackets and a letter", (n) => `${OPENING} He met Anna${")".repeat(n)}x today.`],
  ["a long run of letters on a line with a digit", (n) => `${OPENING}\n\n1 ${"a".repeat(n)}`],
  ["a long run of letters and digits", (n) => `${OPENING} ${"a1".repeat(n / 2)}`],
  ["a URL that never ends", (n) => `${OPENING} See https://example.org/${"a".repeat(n)}`],
  ["many opening quotes", (n) => `${OPENING} ${"«".repeat(n)} end.`],
  ["many dots between letters", (n) => `${OPENING} ${"a.".repeat(n / 2)}`],
  ["many at-signs", (n) => `${OPENING} ${"a@".repeat(n / 2)}`],
  ["a © line with a long run of digits", (n) => `${OPENING}\n\n© ${"1".repeat(n)} Anna`],
  ["a paragraph hard-wrapped over many short lines, some hyphenated", (n) => `${OPENING}\n\n${"the baker opens the do\u2010\nor of his shop\n".repeat(Math.ceil(n / 38))}`],
];

describe("text processing grows linearly with the text", () => {
  for (const [shape, make] of SHAPES) {
    it(`processes ${shape} in time about proportional to its length`, () => {
      process(make(1000)); // warm: compiled code on both sizes
      const small = fastest(make(25_000));
      const large = fastest(make(100_000));
      assert.ok(large < 25 || large / small < 8, `25,000 characters: ${small.toFixed(1)} ms; 100,000: ${large.toFixed(1)} ms (×${(large / small).toFixed(1)})`);
    });
  }
});
