/** Paragraphs that several documents of one language hold word for word: boilerplate, or text left untranslated. */
import { entry } from "../maps.ts";

/** White space other than single spaces between words: what `normalized` would change. */
const UNNORMAL = /[^\S ]| {2}|^ | $/;

/** White space collapsed, so a paragraph compares the same however it was wrapped. */
export const normalized = (p: string): string => (UNNORMAL.test(p) ? p.replace(/\s+/g, " ").trim() : p);

/** Paragraphs shorter than this (a table cell, "Note") are the same in many texts by chance. */
const MIN_SHARED = 20;

export interface SharedParagraphs {
  /** Whether `paragraph` (as written: it is normalized here) is one of `lang`'s shared paragraphs. */
  has(lang: string, paragraph: string): boolean;
}

/**
 * Paragraphs that two or more documents of one language hold word for word — a translator's
 * credits, a licence, "report bugs to", an original's paragraphs left untranslated.
 */
export function sharedWithinLanguage(docs: readonly { lang: string; paragraphs: readonly string[]; extra?: readonly string[] }[]): SharedParagraphs {
  // Counted per language: a key of language and paragraph together would copy every paragraph.
  const seen = new Map<string, Map<string, number>>();
  for (const d of docs) {
    const counts = entry(seen, d.lang, () => new Map<string, number>());
    for (const p of new Set([...d.paragraphs, ...(d.extra ?? [])].map(normalized))) if (p.length >= MIN_SHARED) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const shared = new Map([...seen].map(([lang, counts]) => [lang, new Set([...counts].filter(([, n]) => n >= 2).map(([p]) => p))]));
  return { has: (lang, paragraph) => shared.get(lang)?.has(normalized(paragraph)) ?? false };
}
