/**
 * Compares language detectors on accuracy and speed per document.
 * Corpus: the seed documents plus tests/fixtures/languages/*.txt (file name = expected code),
 * each judged whole and by its first sentence only (the hard case).
 * Usage: npx tsx scripts/compare-detectors.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { francAll } from "franc";
import { eld } from "eld/large";
import { detect as tinyDetect } from "tinyld";
import { toBcp47 } from "../src/detect/codes.ts";

const seeds: Record<string, string> = { "000": "es", "001": "de", "002": "fr", "003": "id", "004": "es" };
const samples: { name: string; expected: string; text: string }[] = [];
for (const f of readdirSync("content").sort()) {
  const expected = seeds[f.slice(0, 3)];
  if (expected) samples.push({ name: f, expected, text: readFileSync(join("content", f), "utf8") });
}
const dir = "tests/fixtures/languages";
for (const f of readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort()) {
  samples.push({ name: f, expected: f.replace(/\.txt$/, ""), text: readFileSync(join(dir, f), "utf8") });
}
const firstSentence = (t: string) => (t.trim().match(/^[^.!?。！？]+[.!?。！？]?/u)?.[0] ?? t).trim();

const detectors: Record<string, (t: string) => string> = {
  "franc 6 (all 187 languages)": (t) => toBcp47(francAll(t, { minLength: 1 })[0]![0]) ?? "und",
  "eld 2 (large)": (t) => eld.detect(t).language,
  "tinyld 1 (normal)": (t) => tinyDetect(t),
};

console.log("| detector | whole documents | first sentence only | ms per document |");
console.log("|---|---|---|---|");
for (const [name, detect] of Object.entries(detectors)) {
  for (const s of samples) detect(s.text); // warm-up
  const misses: string[] = [];
  let okWhole = 0,
    okShort = 0;
  const rounds = 20;
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const s of samples) detect(s.text);
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / rounds / samples.length;
  for (const s of samples) {
    const whole = detect(s.text),
      short = detect(firstSentence(s.text));
    if (whole === s.expected) okWhole++;
    else misses.push(`${s.name}→${whole}`);
    if (short === s.expected) okShort++;
    else misses.push(`${s.name}(1st)→${short}`);
  }
  console.log(`| ${name} | ${okWhole}/${samples.length} | ${okShort}/${samples.length} | ${ms.toFixed(3)} |`);
  if (misses.length) console.error(`  ${name} misses: ${misses.join(", ")}`);
}
