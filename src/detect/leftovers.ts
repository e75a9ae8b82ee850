/**
 * Translations in progress, told by the collection: a page read as English because most of it is
 * still the English original, word for word, is that original's translation in the language of
 * the rest. Alone, such a page is rightly read as English (docs/language-detection.md); beside the
 * original it would take the English place in the translation group and push the original out.
 */
import type { Detection } from "./language.ts";
import { normalized, sharedWithinLanguage } from "../ingest/shared-paragraphs.ts";
import { sameLanguage } from "./language.ts";
import { textWithHeading, type GroupInput } from "../group/index.ts";

/** The language translations are mostly made from, as in language.ts: the only one left behind. */
const SOURCE = "en";
/** The share of a page, by characters, that other English pages must hold word for word. */
const LEFT_OVER = 0.2;

/** What a document is read by here: grouping's input, whose title (often the part a translator did first) counts too. */
export type LeftoverInput = Pick<GroupInput, "file" | "lang" | "paragraphs" | "heading">;

export interface Relabel {
  file: string;
  lang: string;
  /** Share of the page's characters that other English pages hold word for word. */
  leftOver: number;
}

/**
 * Pages read as English whose paragraphs other English pages also hold, for at least LEFT_OVER of
 * their text, and whose remaining paragraphs are confidently in another language: each with that
 * language. An English page that quotes another keeps its own English words, so it stays English.
 */
export function partialTranslations(docs: readonly LeftoverInput[], detect: (text: string) => Detection | undefined): Relabel[] {
  const english = docs.filter((d) => sameLanguage(d.lang, SOURCE));
  // Every English variant as one language: en-GB leftovers of an en-US original are leftovers too.
  const shared = sharedWithinLanguage(english.map((d) => ({ lang: SOURCE, paragraphs: textWithHeading(d) })));
  const isLeftOver = (p: string) => shared.has(SOURCE, p);
  const relabels: Relabel[] = [];
  for (const d of english) {
    const paragraphs = textWithHeading(d).map(normalized);
    const total = paragraphs.reduce((s, p) => s + p.length, 0);
    const leftOver = paragraphs.filter(isLeftOver).reduce((s, p) => s + p.length, 0);
    if (total === 0 || leftOver / total < LEFT_OVER) continue;
    const rest = detect(paragraphs.filter((p) => !isLeftOver(p)).join("\n\n"));
    if (!rest || rest.lowConfidence || sameLanguage(rest.lang, SOURCE)) continue;
    relabels.push({ file: d.file, lang: rest.lang, leftOver: Math.round((leftOver / total) * 100) / 100 });
  }
  return relabels;
}

/** The documents with each relabelled one in its new language; the rest as they were. */
export function applyRelabels<T extends { file: string; lang: string }>(docs: readonly T[], relabels: readonly Relabel[]): T[] {
  const to = new Map(relabels.map((r) => [r.file, r.lang]));
  return docs.map((d) => {
    const lang = to.get(d.file);
    return lang ? { ...d, lang } : d;
  });
}
