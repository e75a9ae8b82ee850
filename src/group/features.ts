/**
 * What survives translation, read once per document: the shape of the text (sentence lengths and
 * where paragraphs end) and language-invariant tokens (numbers, years, times, URLs, ©, proper names).
 */
import { baseLanguage } from "../detect/codes.ts";

export type Sentence = { length: number; endsParagraph: boolean };

export interface Features {
  id: string;
  lang: string;
  sentences: Sentence[];
  /** Total length in characters, the unit the alignment scales between languages. */
  length: number;
  /** Cumulative share of the length at 10%, 20%, … 90% of the sentences: a cheap shape fingerprint. */
  profile: number[];
  /** Numbers as written with their digits only ("1984-2020" → "1984", "2020"), times kept whole ("9:30"). */
  numbers: Set<string>;
  /** Other invariant tokens: URLs, e-mail addresses, handles, ©, and mid-sentence capitalized names. */
  names: Set<string>;
}

const segmenters = new Map<string, Intl.Segmenter>();
function sentenceSegmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) segmenters.set(lang, (s = new Intl.Segmenter(lang, { granularity: "sentence" })));
  return s;
}

/** Languages that capitalize every noun: a capital there says nothing about a name. */
const NOUN_CAPITALIZING = new Set(["de", "lb"]);

export function documentFeatures(id: string, lang: string, paragraphs: readonly string[], extra: readonly string[] = []): Features {
  const sentences: Sentence[] = [];
  for (const paragraph of paragraphs) {
    const parts = [...sentenceSegmenter(lang).segment(paragraph)].map((s) => s.segment.trim()).filter(Boolean);
    parts.forEach((text, i) => sentences.push({ length: [...text].length, endsParagraph: i === parts.length - 1 }));
  }
  const length = sentences.reduce((sum, s) => sum + s.length, 0);
  const profile: number[] = [];
  let cumulative = 0;
  let next = 0;
  sentences.forEach((s, i) => {
    cumulative += s.length;
    while (next < 9 && (i + 1) / sentences.length >= (next + 1) / 10) {
      profile.push(length ? cumulative / length : 0);
      next++;
    }
  });
  while (profile.length < 9) profile.push(1);
  const all = [...paragraphs, ...extra].join("\n");
  return { id, lang, sentences, length, profile, numbers: numbersIn(all), names: namesIn(all, lang) };
}

export function numbersIn(text: string): Set<string> {
  const out = new Set<string>();
  // Times whole; thousands grouped by spaces ("14 000"), dots or commas read as one number.
  for (const m of text.matchAll(/\d{1,2}:\d{2}|\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?!\d)|\d+(?:[.,]\d+)*/g)) {
    const token = m[0].includes(":") ? m[0] : m[0].replace(/[.,\s\u00A0\u202F]/g, "");
    // One digit is too common to say anything ("3 reasons").
    if (token.length >= 2) out.add(token);
  }
  return out;
}

export function namesIn(text: string, lang: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/https?:\/\/[^\s<>"]+|[\w.+-]+@[\w-]+\.[\w.]+|@\w{2,}|©/gu)) out.add(m[0].toLowerCase().replace(/[.,;:)]+$/, ""));
  if (NOUN_CAPITALIZING.has(baseLanguage(lang))) return out;
  // A capitalized word that does not start a sentence: a name, brand or acronym ("Seamus Phan", "CTO").
  for (const m of text.matchAll(/(?<=[\p{Ll}\p{N},;:&]\s+|\p{Lu}\p{L}*\s+)\p{Lu}[\p{L}\p{N}&-]+/gu)) {
    const before = text.slice(Math.max(0, m.index! - 3), m.index!);
    if (/[.!?¿¡«"“„]\s*$/u.test(before)) continue;
    out.add(m[0]);
  }
  return out;
}
