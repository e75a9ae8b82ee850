/**
 * Counts of letters, marks, white space and scripts in text, through a table of what each
 * character is. Detection counts these on every line of every document; regular expressions with
 * Unicode properties built an array of every match to count them, a third of detection's time.
 * Counts are by code point, as /u regular expressions count.
 */

/** The scripts detection tells apart, in the order it prefers them on a tie. */
export const SCRIPT_NAMES = ["other", "Latn", "Cyrl", "Grek", "Arab", "Hebr", "Hani", "Hang"] as const;
export type ScriptName = (typeof SCRIPT_NAMES)[number];

const SCRIPT_PATTERNS: readonly RegExp[] = [
  /\p{Script=Latin}/u,
  /\p{Script=Cyrillic}/u,
  /\p{Script=Greek}/u,
  /\p{Script=Arabic}/u,
  /\p{Script=Hebrew}/u,
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  /\p{Script=Hangul}/u,
];
const HANI = 6;
const HANG = 7;

const LETTER = 1;
const MARK = 2;
const SPACE = 4;
const SCRIPT_SHIFT = 3;
const UNKNOWN = 0xff;

function classify(char: string): number {
  let bits = (/\p{L}/u.test(char) ? LETTER : 0) | (/\p{M}/u.test(char) ? MARK : 0) | (/\s/u.test(char) ? SPACE : 0);
  const script = SCRIPT_PATTERNS.findIndex((pattern) => pattern.test(char));
  if (script >= 0) bits |= (script + 1) << SCRIPT_SHIFT;
  return bits;
}

/** What each UTF-16 code unit is, filled in as met; lone surrogates are what /u sees: nothing. */
const units = new Uint8Array(0x10000).fill(UNKNOWN);
const astral = new Map<number, number>();

function unitClass(unit: number): number {
  let bits = units[unit] ?? UNKNOWN;
  if (bits === UNKNOWN) units[unit] = bits = classify(String.fromCharCode(unit));
  return bits;
}

function astralClass(codePoint: number): number {
  let bits = astral.get(codePoint);
  if (bits === undefined) astral.set(codePoint, (bits = classify(String.fromCodePoint(codePoint))));
  return bits;
}

/** Calls `visit` with each code point's class and its length in code units, over text[from, to). */
function eachClass(text: string, from: number, to: number, visit: (bits: number, units: number) => void): void {
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < to) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        visit(astralClass(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000), 2);
        i++;
        continue;
      }
    }
    visit(unitClass(unit), 1);
  }
}

export type Counts = {
  /** Code points that are letters (\p{L}). */
  letters: number;
  /** Code points that are letters or marks ([\p{L}\p{M}]). */
  lettersAndMarks: number;
  /** Code points of Han, kana or Hangul, which carry about a word each. */
  dense: number;
  /** Code units that are not white space (the length of the text with \s taken out). */
  visible: number;
};

/** The counts of a whole text. */
export function countsOf(text: string): Counts {
  const counts = { letters: 0, lettersAndMarks: 0, dense: 0, visible: 0 };
  eachClass(text, 0, text.length, (bits, size) => {
    if (bits & LETTER) counts.letters++;
    if (bits & (LETTER | MARK)) counts.lettersAndMarks++;
    const script = bits >> SCRIPT_SHIFT;
    if (script === HANI || script === HANG) counts.dense++;
    if (!(bits & SPACE)) counts.visible += size;
  });
  return counts;
}

/** The script most code points of text[0, end) are in; the earlier in SCRIPT_NAMES on a tie, "other" with none. */
export function mainScript(text: string, end: number): ScriptName {
  const perScript = new Uint32Array(SCRIPT_NAMES.length);
  eachClass(text, 0, Math.min(end, text.length), (bits) => {
    const script = bits >> SCRIPT_SHIFT;
    perScript[script] = (perScript[script] ?? 0) + 1;
  });
  let best = 0,
    most = 0;
  for (let script = 1; script < SCRIPT_NAMES.length; script++) {
    const n = perScript[script] ?? 0;
    if (n > most) [best, most] = [script, n];
  }
  return SCRIPT_NAMES[best] ?? "other";
}

/** Whether `text` holds more than `max` code units in a row none of which is white space: what `\S{max+1,}` finds, in a loop. */
export function hasRunLongerThan(text: string, max: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (unitClass(text.charCodeAt(i)) & SPACE) run = 0;
    else if (++run > max) return true;
  }
  return false;
}
