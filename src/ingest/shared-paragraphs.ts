/** Paragraphs that several documents of one language hold word for word: boilerplate, or text left untranslated. */

/** White space collapsed, so a paragraph compares the same however it was wrapped. */
export const normalized = (p: string) => p.replace(/\s+/g, " ").trim();

/** Paragraphs shorter than this (a table cell, "Note") are the same in many texts by chance. */
const MIN_SHARED = 20;

/**
 * Paragraphs that two or more documents of one language hold word for word — a translator's
 * credits, a licence, "report bugs to", an original's paragraphs left untranslated — as
 * `lang\nparagraph` (normalized).
 */
export function sharedWithinLanguage(docs: readonly { lang: string; paragraphs: readonly string[]; extra?: readonly string[] }[]): Set<string> {
  const seen = new Map<string, number>();
  for (const d of docs) for (const p of new Set([...d.paragraphs, ...(d.extra ?? [])].map(normalized))) if (p.length >= MIN_SHARED) seen.set(`${d.lang}\n${p}`, (seen.get(`${d.lang}\n${p}`) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n >= 2).map(([k]) => k));
}
