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
import { entry } from "../maps.ts";

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
 * Pages read as English whose paragraphs English originals also hold, for at least LEFT_OVER of
 * their text, and whose remaining paragraphs are confidently in another language: each with that
 * language. An English page that quotes another keeps its own English words, so it stays English.
 */
export function partialTranslations(docs: readonly LeftoverInput[], detect: (text: string) => Detection | undefined): Relabel[] {
  const pages = docs.filter((d) => sameLanguage(d.lang, SOURCE)).map((d) => ({ file: d.file, paragraphs: textWithHeading(d).map(normalized) }));
  // Every English variant as one language: en-GB leftovers of an en-US original are leftovers too.
  const shared = sharedWithinLanguage(pages.map((d) => ({ lang: SOURCE, paragraphs: d.paragraphs })));
  const first = pages.map((d) => ({ ...d, rest: restOf(d.paragraphs, (p) => shared.has(SOURCE, p), detect) }));
  // Copies of one original in one language (the pages of a suite, each read as English) share
  // their translated lines with one another too ("-h, --help: Wyświetlenie komunikatu pomocy"):
  // a shared paragraph that reads as the language the rest of the page seems to be in is the
  // copy's own, not the original's left over. (Only that language: a line of names, shared with
  // other pages, reads as whatever the names sound like.)
  const readAs = new Map<string, string | undefined>();
  const languageOf = (p: string) => entry(readAs, p, () => confidentLanguage(detect(p)));
  const relabels: Relabel[] = [];
  for (const d of first) {
    const seems = d.rest?.detected?.lang;
    if (seems === undefined || sameLanguage(seems, SOURCE)) continue;
    const rest = restOf(d.paragraphs, (p) => shared.has(SOURCE, p) && !sameLanguage(languageOf(p) ?? SOURCE, seems), detect);
    const lang = confidentLanguage(rest?.detected);
    if (rest && lang !== undefined && !sameLanguage(lang, SOURCE)) relabels.push({ file: d.file, lang, leftOver: rest.leftOver });
  }
  return relabels;
}

const confidentLanguage = (d: Detection | undefined): string | undefined => (d && !d.lowConfidence ? d.lang : undefined);

/**
 * A page's paragraphs that are not left over, read for their language, and the share of its
 * characters that is; nothing when too little of the page is left over to say it is a copy.
 */
function restOf(
  paragraphs: readonly string[],
  isLeftOver: (paragraph: string) => boolean,
  detect: (text: string) => Detection | undefined,
): { detected: Detection | undefined; leftOver: number } | undefined {
  const left = paragraphs.map(isLeftOver);
  const total = paragraphs.reduce((s, p) => s + p.length, 0);
  const leftOver = paragraphs.reduce((s, p, k) => s + (left[k] ? p.length : 0), 0);
  if (total === 0 || leftOver / total < LEFT_OVER) return undefined;
  return { detected: detect(paragraphs.filter((_, k) => !left[k]).join("\n\n")), leftOver: Math.round((leftOver / total) * 100) / 100 };
}

/** The documents with each relabelled one in its new language; the rest as they were. */
export function applyRelabels<T extends { file: string; lang: string }>(docs: readonly T[], relabels: readonly Relabel[]): T[] {
  const to = new Map(relabels.map((r) => [r.file, r.lang]));
  return docs.map((d) => {
    const lang = to.get(d.file);
    return lang ? { ...d, lang } : d;
  });
}
