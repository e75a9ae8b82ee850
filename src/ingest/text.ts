/** Language-aware measures of text: sentences, word-boundary cuts, word counts and reading time. */
import { baseLanguage } from "../detect/codes.ts";
import { intlLocale } from "../intl.ts";

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string, granularity: "word" | "sentence"): Intl.Segmenter {
  const key = `${lang}/${granularity}`;
  let s = segmenters.get(key);
  if (!s) segmenters.set(key, (s = new Intl.Segmenter(intlLocale(Intl.Segmenter, lang), { granularity })));
  return s;
}

export function firstSentence(text: string, lang: string): string {
  for (const { segment } of segmenter(lang, "sentence").segment(text)) {
    if (segment.trim()) return segment.trim();
  }
  return text.trim();
}

/** Characters read past the cut: the words around it are read whole, and a document is not read to its end. */
const READ_PAST = 256;

/** The start of a long text, holding more than `max` characters once white space is collapsed; else the text. */
function headOf(text: string, max: number): string {
  const limit = 4 * max + READ_PAST;
  const trimmed = text.trimStart();
  if (trimmed.length <= 2 * limit) return text;
  const head = trimmed.slice(0, limit);
  return [...head.replace(/\s+/g, " ")].length > max + READ_PAST / 4 ? head : text;
}

/**
 * Shortens text to at most `max` characters without cutting a word: after a whole sentence, or at a
 * clause boundary (comma, semicolon, colon, dash), when one falls in the second half; else at a word
 * boundary with "…".
 */
export function cutAtWord(text: string, lang: string, max: number): string {
  const clean = headOf(text, max).trim().replace(/\s+/g, " ");
  if ([...clean].length <= max) return clean;
  let lastWordEnd = 0;
  let lastClause = 0;
  let lastSentenceEnd = 0;
  // A sentence does not end inside brackets, nor at a dot within a word: "(i.e. DEBIAN/prerm)", "z.B.".
  let depth = 0;
  for (const { segment, index, isWordLike } of segmenter(lang, "word").segment(clean)) {
    const end = index + segment.length;
    if (end > max) break;
    if (/^[([{（［]$/u.test(segment)) depth++;
    else if (/^[)\]}）］]$/u.test(segment)) depth = Math.max(0, depth - 1);
    if (isWordLike) lastWordEnd = end;
    else if (/^[.!?。！？؟]$/u.test(segment) && index >= max * 0.5 && depth === 0 && (segment !== "." || !/\S/u.test(clean[end] ?? ""))) lastSentenceEnd = end;
    else if (index >= max * 0.5 && (/^[,;:،、，；：–—]$/u.test(segment) || (segment === "-" && clean[index - 1] === " "))) {
      lastClause = index;
    }
  }
  if (lastSentenceEnd > 0) return clean.slice(0, lastSentenceEnd);
  if (lastClause > 0) return clean.slice(0, lastClause).trim();
  if (lastWordEnd === 0) lastWordEnd = max; // one very long word: cut it
  return clean.slice(0, lastWordEnd).replace(/[\s,;:–—-]+$/u, "") + "…";
}

const CJK = new Set(["zh", "ja"]);

const SENTENCE_END_CJK = /(?<=[。！？!?][」』”’"]?)/u;
// After . ! ? and the like (with any closing quotes or brackets), white space, then anything but a
// lower-case letter: "voluntad. de nosotros" stays one sentence, as Unicode's sentence rules keep it.
// White space first: the look back over closing marks runs only where a split can be, not from
// every character of a long run of brackets (which made the split quadratic).
const SENTENCE_END = /(?=\s)(?<=[.!?؟।۔…][\p{Pf}\p{Pi}\p{Pe}"'»”’)\]]*)\s+(?=[^\p{Ll}\s])/u;

/**
 * Splits a paragraph into sentences. Much like Intl.Segmenter's sentence mode, at a sixtieth of
 * its cost, which matters when every document of a large collection is split for grouping.
 */
export function splitSentences(text: string, lang: string): string[] {
  return text
    .split(CJK.has(baseLanguage(lang)) ? SENTENCE_END_CJK : SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
}

const CHUNK = 2000;

/**
 * The text in pieces of at most about CHUNK characters, cut only where a word cannot go on (line
 * breaks, then white space or CJK sentence punctuation; a hard cut only in a run without either).
 * Iterating Intl.Segmenter over one long string costs time quadratic in its length: a 500 kB
 * document took 70 s to count in one piece, 0.1 s in pieces.
 */
function* wordSafeChunks(text: string): Generator<string> {
  for (const line of text.split("\n")) {
    let rest = line;
    while (rest.length > CHUNK) {
      const window = rest.slice(0, CHUNK);
      const cut = Math.max(window.lastIndexOf(" "), window.search(/[。！？、，][^。！？、，]*$/u) + 1);
      const at = cut > CHUNK / 2 ? cut : CHUNK;
      yield rest.slice(0, at);
      rest = rest.slice(at);
    }
    yield rest;
  }
}

/** Languages written without spaces between words: only a dictionary (Intl.Segmenter) finds them. */
const UNSPACED = new Set(["zh", "ja", "th", "lo", "km", "my", "bo"]);

/**
 * A word as Unicode's word-boundary rules see one in a language written with spaces: letters,
 * marks and digits (and joiners, for Persian), held together by an apostrophe or a full stop, by
 * a colon or middle dot between letters, or by a comma or semicolon between digits. It counts as
 * Intl.Segmenter does (a test holds it to that) at about a sixtieth of the cost.
 */
const WORD = /[\p{L}\p{M}\p{N}_][\p{L}\p{M}\p{N}_\u200c\u200d]*(?:(?:['’.]|(?<=\p{L})[:·](?=\p{L})|(?<=\p{N})[,;](?=\p{N}))[\p{L}\p{M}\p{N}_][\p{L}\p{M}\p{N}_\u200c\u200d]*)*/gu;

export function countWords(text: string, lang: string): number {
  if (!UNSPACED.has(baseLanguage(lang))) {
    let words = 0;
    for (WORD.lastIndex = 0; WORD.exec(text);) words++;
    return words;
  }
  return countWordsBySegmenter(text, lang);
}

/** Intl.Segmenter's count: the reference, and the only way for languages written without spaces. */
export function countWordsBySegmenter(text: string, lang: string): number {
  let words = 0;
  const bySegment = segmenter(lang, "word");
  for (const chunk of wordSafeChunks(text)) for (const s of bySegment.segment(chunk)) if (s.isWordLike) words++;
  return words;
}

/**
 * Minutes to read, at least one. Space-separated languages read at about 230 words a minute;
 * Chinese and Japanese are measured in characters (about 500 a minute), which the word
 * segmenter's dictionary words would understate.
 */
export function readingMinutes(text: string, lang: string, words: number = countWords(text, lang)): number {
  if (CJK.has(baseLanguage(lang))) {
    const chars = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
    const otherWords = countWords(text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, " "), lang);
    return Math.max(1, Math.round(chars / 500 + otherWords / 230));
  }
  return Math.max(1, Math.round(words / 230));
}
