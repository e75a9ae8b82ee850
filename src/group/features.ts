/**
 * What survives translation, read once per document: the shape of the text (sentence lengths and
 * where paragraphs end) and language-invariant tokens (numbers, years, times, URLs, ©, proper names).
 */
import { baseLanguage } from "../detect/codes.ts";
import { hasRunLongerThan } from "../detect/letters.ts";
import { splitSentences } from "../ingest/text.ts";

export type Sentence = { length: number; endsParagraph: boolean };

/** A sentence as one number, for the grouping cache's file and for a worker: its length doubled, plus one where it ends a paragraph. */
export const packSentence = (s: Sentence): number => s.length * 2 + (s.endsParagraph ? 1 : 0);
export const unpackSentence = (n: number): Sentence => ({ length: Math.floor(n / 2), endsParagraph: n % 2 === 1 });

export interface Features {
  id: string;
  lang: string;
  sentences: Sentence[];
  /** One unit per paragraph. */
  blocks: Sentence[];
  /** Total length in characters, the unit the alignment scales between languages. */
  length: number;
  /** Cumulative share of the length at 10%, 20%, … 90% of the sentences: a cheap shape fingerprint. */
  profile: number[];
  /** The same over paragraphs. */
  blockProfile: number[];
  /** The rhythm of the first sentences: each one's log length against the document's mean. */
  opening: number[];
  /** Numbers as written with their digits only ("1984-2020" → "1984", "2020"), times kept whole ("9:30"). */
  numbers: Set<string>;
  /** Other invariant tokens: URLs, e-mail addresses, handles, ©, and mid-sentence capitalized names. */
  names: Set<string>;
  /**
   * Tokens that a translation keeps as written, lower-cased: commands, paths, file and package
   * names (`apt-get`, `/etc/fstab`), acronyms, and every Latin-script word in a text of another script.
   */
  code: Set<string>;
  /** Every invariant token (numbers, names lower-cased, code tokens): what documents are compared on. */
  anchors: Set<string>;
}

/** Sentences whose rhythm opens the fingerprint. */
const OPENING = 12;

/** Languages that capitalize every noun: a capital there says nothing about a name. */
const NOUN_CAPITALIZING = new Set(["de", "lb"]);

/**
 * @param paragraphs the body, for shape and tokens
 * @param extra attribution text, for tokens only
 * @param boilerplate paragraphs shared word for word with other documents: left out of the tokens
 */
export function documentFeatures(id: string, lang: string, paragraphs: readonly string[], extra: readonly string[] = [], boilerplate: (paragraph: string) => boolean = () => false): Features {
  const sentences: Sentence[] = [];
  for (const paragraph of paragraphs) {
    const parts = splitSentences(paragraph, lang);
    parts.forEach((text, i) => sentences.push({ length: codePoints(text), endsParagraph: i === parts.length - 1 }));
  }
  const length = sentences.reduce((sum, s) => sum + s.length, 0);
  const profile = lengthProfile(sentences);
  // Paragraphs as units of their own: they do not depend on where a language puts capitals or
  // full stops, so they still align when the sentence splits of two translations disagree.
  const blocks = paragraphs.map((p): Sentence => ({ length: codePoints(p), endsParagraph: true }));
  const logs = sentences.map((s) => Math.log(s.length + 1));
  const meanLog = logs.reduce((a, b) => a + b, 0) / Math.max(1, logs.length);
  const opening = logs.slice(0, OPENING).map((l) => l - meanLog);
  const all = [...paragraphs, ...extra].filter((p) => !boilerplate(p)).join("\n");
  // Blobs out once for both token readers: the scan is a fifth of reading the features.
  const text = withoutBlobs(all);
  const numbers = numbersIn(all),
    names = namesOf(text, lang),
    code = codeTokensOf(text);
  const anchors = new Set([...numbers, ...code]);
  for (const n of names) anchors.add(n.toLowerCase());
  return { id, lang, sentences, blocks, length, profile, blockProfile: lengthProfile(blocks), opening, numbers, names, code, anchors };
}

/** Length in code points, without building an array of them when the text has no surrogate pair. */
function codePoints(text: string): number {
  return /[\uD800-\uDFFF]/.test(text) ? [...text].length : text.length;
}

/** Cumulative share of the length at 10%, 20%, … 90% of the units: a cheap shape fingerprint. */
function lengthProfile(units: readonly Sentence[]): number[] {
  const length = units.reduce((sum, s) => sum + s.length, 0);
  const profile: number[] = [];
  let cumulative = 0;
  let next = 0;
  units.forEach((s, i) => {
    cumulative += s.length;
    while (next < 9 && (i + 1) / units.length >= (next + 1) / 10) {
      profile.push(length ? cumulative / length : 0);
      next++;
    }
  });
  while (profile.length < 9) profile.push(1);
  return profile;
}

/** Digits of other scripts (Arabic-Indic, Persian, Devanagari, full-width…) as ASCII digits, so numbers compare across scripts. */
export function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (d) => {
    const cp = d.codePointAt(0) ?? 48;
    // Unicode lays every decimal digit block out as ten consecutive code points from zero.
    for (let zero = cp; zero > cp - 10; zero--) if (!/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) return String((cp - zero) % 10);
    return d;
  });
}

const HAS_LATIN = /[A-Za-z\u00C0-\u024F]/;
/** A sign between two letters or digits, a digit, or two capitals: what every code token holds. */
const MAY_HOLD_CODE = /[A-Za-z0-9\u00C0-\u024F][._/:+-][A-Za-z0-9\u00C0-\u024F]|[0-9]|[A-Z\u00C0-\u00DE]{2}/;
/**
 * Latin words with a digit or a sign inside (`apt-get`, `ext4`, `sources.list`), or an acronym
 * (`LDAP`). Latin here is Basic Latin to Latin Extended-B: Unicode's script property is ten times
 * slower to match, and code is written in these letters.
 */
const L = "A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F";
const CODE_TOKEN = new RegExp(`[${L}][${L}0-9]*(?:[._/:+-][${L}0-9]+)+|[${L}]+[0-9][${L}0-9]*|(?<![${L}])[A-Z\u00C0-\u00D6\u00D8-\u00DE]{2,5}s?(?![${L}])`, "g");
const LATIN_RUN = new RegExp(`[${L}][${L}0-9]*(?:[._/:+-][${L}0-9]+)*`, "g");
const NON_LATIN_LETTERS = /(?!\p{Script=Latin})\p{L}/u;
const NON_LATIN_LETTERS_ALL = /(?!\p{Script=Latin})\p{L}/gu;

/**
 * Tokens a translation leaves as they are: Latin runs that hold a digit or a code sign
 * (`apt-get`, `ext4`, `sources.list`), acronyms (`LDAP`), and — in a text whose letters are
 * mostly another script — any Latin word, since there it is a name or a command.
 */
export function codeTokensIn(raw: string): Set<string> {
  return codeTokensOf(withoutBlobs(raw));
}

/** codeTokensIn, of a text without blobs. */
function codeTokensOf(text: string): Set<string> {
  const out = new Set<string>();
  // Judged on the start: counting every letter of a long text costs more than the rest together.
  const head = text.slice(0, 800);
  const count = (pattern: RegExp) => head.length - head.replace(pattern, "").length; // no array of matches
  const foreign = NON_LATIN_LETTERS.test(head) && count(/\p{Script=Latin}/gu) < count(NON_LATIN_LETTERS_ALL);
  for (const line of text.split("\n")) {
    if (foreign ? !HAS_LATIN.test(line) : !MAY_HOLD_CODE.test(line)) continue; // most lines: nothing to find, found fast
    let heading: boolean | undefined;
    // In a text of another script every Latin word; else only words that hold a digit or a sign.
    for (const m of line.matchAll(foreign ? LATIN_RUN : CODE_TOKEN)) {
      const token = m[0];
      if (token.length < 3) continue;
      // A line in capitals is a heading ("NAME", "ÜBERSICHT"): its words are no acronyms.
      const acronym = /^\p{Lu}{2,5}s?$/u.test(token);
      if (acronym && !foreign && (heading ??= line === line.toUpperCase())) continue;
      out.add(trimEnd(token.toLowerCase(), ".:"));
    }
  }
  return out;
}

export function numbersIn(raw: string): Set<string> {
  const out = new Set<string>();
  const text = /(?![0-9])\p{Nd}/u.test(raw) ? asciiDigits(raw) : raw;
  // Times whole; thousands grouped by spaces ("14 000"), dots or commas read as one number.
  for (const m of text.matchAll(/\d{1,2}:\d{2}|\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?!\d)|\d+(?:[.,]\d+)*/g)) {
    const token = m[0].includes(":") ? m[0] : m[0].replace(/[.,\s\u00A0\u202F]/g, "");
    // One digit is too common to say anything ("3 reasons").
    if (token.length >= 2) out.add(token);
  }
  return out;
}

// An address starts where a run of its characters starts: tried from inside a long run, the
// pattern would rescan it from every position (a pasted base64 blob after an e-mail took minutes).
const SPECIAL = /https?:\/\/[^\s<>"]+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|(?<![\w@])@\w{2,}/gu;
const OPENERS = "(\"'«“„‘";
const CLOSERS = ")\"'»”’.,;:!?…";

/** A piece of text with no white space this long is a blob (base64, a hash dump), not a token. */
const LONGEST_TOKEN = 256;
// Tried only where a run starts: from every position inside a run, it rescanned up to
// LONGEST_TOKEN characters each time, and Chinese and Japanese text is runs of hundreds.
const BLOB = new RegExp(`(?<!\\S)\\S{${LONGEST_TOKEN + 1},}`, "g");

/**
 * The text with every blob replaced by a space: the token patterns then meet pieces of at most
 * LONGEST_TOKEN characters, so whatever they rescan costs a bounded amount per character.
 */
function withoutBlobs(text: string): string {
  // Most texts have no blob: a loop over the characters finds that in half the pattern's time.
  return text.length > LONGEST_TOKEN && hasRunLongerThan(text, LONGEST_TOKEN) ? text.replace(BLOB, " ") : text;
}

/** `text` without the characters of `chars` at its end: a loop, where a regex anchored at $ would rescan. */
function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

function trimStart(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text.charAt(start))) start++;
  return text.slice(start);
}
const CAPITALIZED = /^\p{Lu}[\p{L}\p{N}&-]*\p{L}/u;
const ENDS_SENTENCE = /[.!?¿¡«"“„:…]$/u;

export function namesIn(raw: string, lang: string): Set<string> {
  return namesOf(withoutBlobs(raw), lang);
}

/** namesIn, of a text without blobs. */
function namesOf(text: string, lang: string): Set<string> {
  const out = new Set<string>();
  if (text.includes("©")) out.add("©");
  // The URL and address patterns are costly; most texts have neither sign.
  if (text.includes("@") || text.includes("://")) for (const m of text.matchAll(SPECIAL)) out.add(trimEnd(m[0].toLowerCase(), ".,;:)"));
  if (NOUN_CAPITALIZING.has(baseLanguage(lang))) return out;
  // A capitalized word that does not start a sentence: a name, brand or acronym ("Seamus Phan", "CTO").
  // Each line starts afresh (a heading, a list item), and a line in capitals is a heading, not names.
  for (const line of text.split("\n")) {
    if (line === line.toUpperCase()) continue;
    const words = line.split(/\s+/);
    for (let k = 1; k < words.length; k++) {
      const raw = words[k] ?? "";
      const first = raw.charAt(0);
      if (first === first.toLowerCase() && !/^[("'«“„‘]/u.test(first)) continue; // most words: not capitalized
      const word = trimEnd(trimStart(raw, OPENERS), CLOSERS);
      if (CAPITALIZED.test(word) && !ENDS_SENTENCE.test(words[k - 1] ?? "") && !/^[("'«“„‘]/u.test(raw)) out.add(word);
    }
  }
  return out;
}
