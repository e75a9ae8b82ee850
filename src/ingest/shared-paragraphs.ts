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
  // Each paragraph as counted, so asking about it again is a lookup, not the pattern again (two calls of three).
  const asCounted = new Map<string, string>();
  for (const d of docs) {
    const counts = entry(seen, d.lang, () => new Map<string, number>());
    const own = new Set<string>();
    for (const p of [...d.paragraphs, ...(d.extra ?? [])]) {
      const n = entry(asCounted, p, () => normalized(p));
      if (n.length >= MIN_SHARED) own.add(n);
    }
    for (const n of own) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const shared = new Map([...seen].map(([lang, counts]) => [lang, new Set([...counts].filter(([, n]) => n >= 2).map(([p]) => p))]));
  return { has: (lang, paragraph) => shared.get(lang)?.has(asCounted.get(paragraph) ?? normalized(paragraph)) ?? false };
}
