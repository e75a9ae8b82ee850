/** Language detection from the text itself, with tinyld (see docs/language-detection.md for the comparison). */
import { detectAll } from "tinyld";
import { toBcp47 } from "./codes.ts";

export type Detection = { lang: string; confidence: number; lowConfidence: boolean; runnerUp?: string };

/** Below this share of the detector's confidence, a result is reported for a human to check. */
export const LOW_CONFIDENCE = 0.5;
/** Fewer letters than this is too little text to trust any detector with. */
const MIN_LETTERS = 20;
/** A few thousand characters decide the language as well as five megabytes do, at a fraction of the cost. */
const SAMPLE_CHARS = 4000;

/** Samples the start, middle and end so one quoted passage in another language does not decide. */
function sample(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const third = SAMPLE_CHARS / 3;
  const mid = Math.floor(text.length / 2 - third / 2);
  return [text.slice(0, third), text.slice(mid, mid + third), text.slice(-third)].join("\n");
}

/** Detects the language of `text`; undefined when the detector has no answer at all. */
export function detectLanguage(text: string): Detection | undefined {
  const sampled = sample(text);
  const letters = (sampled.match(/\p{L}/gu) ?? []).length;
  if (letters === 0) return undefined; // digits and symbols say nothing about a language
  const ranked = detectAll(sampled);
  const top = ranked[0];
  const lang = top && toBcp47(top.lang);
  if (!top || !lang || lang === "und") return undefined;
  const runnerUp = ranked[1] && toBcp47(ranked[1].lang);
  return { lang, confidence: Math.round(top.accuracy * 1000) / 1000, lowConfidence: top.accuracy < LOW_CONFIDENCE || letters < MIN_LETTERS, ...(runnerUp ? { runnerUp } : {}) };
}
