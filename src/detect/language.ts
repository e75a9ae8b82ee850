/** Language detection from the text itself, with tinyld (see docs/language-detection.md for the comparison). */
import { detectAll } from "tinyld";
import { toBcp47 } from "./codes.ts";

export type Detection = { lang: string; confidence: number; lowConfidence: boolean; runnerUp?: string };

/** Below this share of the detector's confidence, a result is reported for a human to check. */
export const LOW_CONFIDENCE = 0.5;
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
  const ranked = detectAll(sample(text));
  const top = ranked[0];
  const lang = top && toBcp47(top.lang);
  if (!top || !lang || lang === "und") return undefined;
  const runnerUp = ranked[1] && toBcp47(ranked[1].lang);
  return { lang, confidence: Math.round(top.accuracy * 1000) / 1000, lowConfidence: top.accuracy < LOW_CONFIDENCE, ...(runnerUp ? { runnerUp } : {}) };
}
