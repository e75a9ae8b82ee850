/**
 * The layout of an article's social card (the picture a link preview shows): which fonts its
 * scripts need, and how its title breaks into lines. Pure: the drawing lives in
 * write/social-cards.ts, which hands in a way to measure text.
 */

export const CARD = { width: 1200, height: 630, margin: 80 } as const;

/** Title sizes tried from the largest down, until the title fits in MAX_LINES. */
const TITLE_SIZES = [76, 68, 60, 54, 48] as const;
const MAX_LINES = 4;

/** Noto's family for each script a title may be in (Debian's fonts-noto-core and fonts-noto-cjk). */
const SCRIPT_FONTS: readonly [script: string, family: string][] = [
  ["Arabic", "Noto Sans Arabic"],
  ["Hebrew", "Noto Sans Hebrew"],
  ["Devanagari", "Noto Sans Devanagari"],
  ["Bengali", "Noto Sans Bengali"],
  ["Gurmukhi", "Noto Sans Gurmukhi"],
  ["Gujarati", "Noto Sans Gujarati"],
  ["Oriya", "Noto Sans Oriya"],
  ["Tamil", "Noto Sans Tamil"],
  ["Telugu", "Noto Sans Telugu"],
  ["Kannada", "Noto Sans Kannada"],
  ["Malayalam", "Noto Sans Malayalam"],
  ["Sinhala", "Noto Sans Sinhala"],
  ["Thai", "Noto Sans Thai"],
  ["Lao", "Noto Sans Lao"],
  ["Khmer", "Noto Sans Khmer"],
  ["Myanmar", "Noto Sans Myanmar"],
  ["Georgian", "Noto Sans Georgian"],
  ["Armenian", "Noto Sans Armenian"],
  ["Ethiopic", "Noto Sans Ethiopic"],
  ["Thaana", "Noto Sans Thaana"],
  ["Tibetan", "Noto Serif Tibetan"],
  ["Mongolian", "Noto Sans Mongolian"],
  ["Cherokee", "Noto Sans Cherokee"],
  ["Canadian_Aboriginal", "Noto Sans Canadian Aboriginal"],
  ["Tifinagh", "Noto Sans Tifinagh"],
  ["Syriac", "Noto Sans Syriac"],
  ["Javanese", "Noto Sans Javanese"],
  ["Balinese", "Noto Sans Balinese"],
  ["Ol_Chiki", "Noto Sans Ol Chiki"],
  ["Adlam", "Noto Sans Adlam"],
  ["Vai", "Noto Sans Vai"],
  ["Yi", "Noto Sans Yi"],
];
const SCRIPT_TESTS = SCRIPT_FONTS.map(([script, family]) => ({ script, family, test: new RegExp(`\\p{Script=${script}}`, "u") }));
/** Letters Noto Sans itself draws. */
const NOTO_SANS = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;

/**
 * Noto's CJK faces are pan-CJK: each draws every Han, Kana and Hangul letter, in its own region's
 * forms. Skia registers only the first face of a collection (.ttc), so the others stand in.
 */
const CJK_FAMILIES = ["Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK KR", "Noto Sans CJK HK"];

/** The CJK family whose glyph forms the language expects: Japanese, Korean, Traditional or Simplified Chinese. */
function cjkFamily(lang: string): string {
  const [base, ...subtags] = lang.toLowerCase().split("-");
  if (base === "ja") return "Noto Sans CJK JP";
  if (base === "ko") return "Noto Sans CJK KR";
  if (base === "zh" && subtags.some((s) => ["hant", "tw", "hk", "mo"].includes(s))) return "Noto Sans CJK TC";
  return "Noto Sans CJK SC";
}

export interface FontNeed {
  script: string;
  /** Any of these draws it; the first present is used. None: no font known for the script. */
  families: string[];
}

/** Noto Sans first; the common sans faces of other systems when a machine lacks it. */
const LATIN = ["Noto Sans", "DejaVu Sans", "Liberation Sans", "Helvetica", "Arial"];

/**
 * The font families the card's texts need, the language's own first (so shared characters,
 * digits and punctuation take its forms), then Noto Sans for Latin, Greek and Cyrillic.
 */
export function cardFonts(lang: string, texts: readonly string[]): FontNeed[] {
  const text = texts.join(" ");
  const needs: FontNeed[] = [];
  if (CJK.test(text) || /^(ja|ko|zh)\b/i.test(lang)) needs.push({ script: "CJK", families: [...new Set([cjkFamily(lang), ...CJK_FAMILIES])] });
  for (const { script, family, test } of SCRIPT_TESTS) if (test.test(text)) needs.push({ script, families: [family] });
  // A letter of a script no family here draws: named, so the card says what is missing instead of drawing boxes.
  const known = [NOTO_SANS, CJK, ...SCRIPT_TESTS.map((s) => s.test)];
  const unknown = [...text].find((c) => /\p{L}/u.test(c) && !known.some((k) => k.test(c)));
  if (unknown) needs.push({ script: `the script of “${unknown}” (U+${(unknown.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")})`, families: [] });
  return [...needs, { script: "Latin", families: LATIN }];
}

export interface TitleLayout {
  size: number;
  lineHeight: number;
  lines: string[];
}

export interface TitleBox {
  width: number;
  height: number;
  /** Line height as a share of the font size: scripts with tall stacks need more. */
  leading: number;
}

/**
 * The title broken at word boundaries (Intl.Segmenter, so Thai and CJK break between words too)
 * into at most MAX_LINES that fit `box`, at the largest size that fits; a title that fits at no
 * size is cut at the last line's end with an ellipsis. A word wider than a line is broken
 * between its letters.
 * @param measure the width of `text` drawn at `size`
 */
export function layoutTitle(title: string, lang: string, box: TitleBox, measure: (text: string, size: number) => number): TitleLayout {
  // Each piece is measured once, at one size: widths scale with the size, and shaping does not
  // reach across the spaces between pieces. Measuring every candidate line took 300 calls a card.
  const space = measure(" ", REFERENCE);
  const pieces = breakOpportunities(title, lang).map((text): Piece => {
    const width = measure(text, REFERENCE),
      trimmedText = text.trimEnd();
    // Most pieces end in spaces only: their width without them needs no second measure.
    const trimmed = /^ *$/.test(text.slice(trimmedText.length)) ? width - space * (text.length - trimmedText.length) : measure(trimmedText, REFERENCE);
    return { text, width, trimmed };
  });
  const at = (size: number) => ({ size, lineHeight: Math.round(size * box.leading), lines: fill(pieces, box.width * (REFERENCE / size), (t) => measure(t, REFERENCE)) });
  for (const size of TITLE_SIZES) {
    const layout = at(size);
    if (layout.lines.length <= Math.min(MAX_LINES, Math.floor(box.height / layout.lineHeight))) return layout;
  }
  const smallest = at(TITLE_SIZES[TITLE_SIZES.length - 1] ?? 48);
  const lines = smallest.lines.slice(0, Math.min(MAX_LINES, Math.floor(box.height / smallest.lineHeight)));
  // The last line as long as fits with the ellipsis: found by halving, between graphemes.
  const last = [...graphemes.segment(lines.pop() ?? "")].map((g) => g.segment);
  let fits = 0;
  for (let low = 0, high = last.length; low <= high;) {
    const mid = (low + high) >> 1;
    if (measure(`${last.slice(0, mid).join("")}…`, smallest.size) <= box.width) {
      fits = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return { ...smallest, lines: [...lines, `${last.slice(0, fits).join("").trimEnd()}…`] };
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The size pieces are measured at. */
const REFERENCE = 100;

/** A piece of the title with its width, and its width without the spaces after it (what a line ending there takes). */
interface Piece {
  text: string;
  width: number;
  trimmed: number;
}

/**
 * The title as pieces a line may end after: a word with the spaces and punctuation that follow
 * it, so no line starts with a comma or a closing mark (CJK's 、。 included).
 */
function breakOpportunities(title: string, lang: string): string[] {
  const pieces: string[] = [];
  for (const { segment, isWordLike } of new Intl.Segmenter(lang, { granularity: "word" }).segment(title)) {
    const last = pieces.length - 1;
    if (last >= 0 && !isWordLike && !/^[([{«“„‘「『（]/u.test(segment)) pieces[last] += segment;
    else if (last >= 0 && /[([{«“„‘「『（]$/u.test(pieces[last] ?? "")) pieces[last] += segment;
    else pieces.push(segment);
  }
  return pieces;
}

/** Greedy line filling, on the pieces' widths; `measure` only for a word wider than a line. */
function fill(pieces: readonly Piece[], width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = "",
    used = 0;
  for (const piece of pieces.flatMap((p) => (p.trimmed > width ? splitWide(p.text, width, measure) : [p]))) {
    if (line && used + piece.trimmed > width) {
      lines.push(line.trimEnd());
      line = "";
      used = 0;
    }
    line += piece.text;
    used += piece.width;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** A word wider than the line, in pieces that each fit: broken between graphemes, never inside one. */
function splitWide(word: string, width: number, measure: (text: string) => number): Piece[] {
  const out: Piece[] = [];
  let piece = "";
  for (const { segment } of graphemes.segment(word)) {
    if (piece && measure(piece + segment) > width) {
      out.push({ text: piece, width: measure(piece), trimmed: measure(piece) });
      piece = "";
    }
    piece += segment;
  }
  return piece ? [...out, { text: piece, width: measure(piece), trimmed: measure(piece.trimEnd()) }] : out;
}
