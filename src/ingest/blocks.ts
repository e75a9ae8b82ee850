/**
 * The structure of a plain-text document: paragraphs, subheadings, and the trailing attribution
 * (an author's bio, a © line, source or image credits) that belongs in the article footer, not the body.
 */

export type Block = { type: "paragraph" | "heading"; text: string };
export type AttributionKind = "bio" | "copyright" | "credits";
export type Attribution = { kind: AttributionKind; text: string };
export type Structure = { lead?: string; blocks: Block[]; attribution: Attribution[] };

/**
 * A raw block; `label` when it is a section label over the text under it, set off from that text
 * as a manual page sets "NAME" or "BEZEICHNUNG": less indented than the lines under it, or in capitals.
 */
type RawBlock = { text: string; label?: true };

/** Splits text into raw blocks: by blank lines when it has them, else by single newlines. */
export function splitBlocks(text: string): string[] {
  return blocksOf(text).map((b) => b.text);
}

function blocksOf(text: string): RawBlock[] {
  // Blank lines before the text go, not the first line's indentation: a label is told by it.
  const trimmed = text.replace(/^\s*\n/, "").trimEnd();
  if (/\n[ \t]*\n/.test(trimmed)) {
    // Hard-wrapped paragraphs: single newlines inside a block are soft breaks, except
    // after a heading line, which stands as its own block.
    return trimmed.split(/\n[ \t]*\n+/).flatMap((block): RawBlock[] => {
      const raw = block.split("\n").filter((l) => l.trim());
      const lines = raw.map((l) => l.trim());
      const [first, second] = lines;
      if (first === undefined || second === undefined) return [{ text: joinLines(lines) }];
      if (isLabelAbove(raw)) return [{ text: first, label: true }, { text: joinLines(lines.slice(1)) }];
      if (isHeadingAbove(first, second)) return [{ text: first }, { text: joinLines(lines.slice(1)) }];
      return [{ text: joinLines(lines) }];
    });
  }
  return trimmed
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => ({ text: line }));
}

/**
 * Hard-wrapped lines as one paragraph, joined by a space; but a word hyphenated at a line's end
 * (U+2010, as groff and so `man` hyphenate: "com‐" "mand") is made whole again, and a compound
 * broken at its own hyphen ("front-" "end") keeps the hyphen and no space.
 */
function joinLines(lines: readonly string[]): string {
  const parts: string[] = [];
  lines.forEach((line, i) => {
    // The previous line's last letter and mark: read from its end, not the paragraph's (a pattern
    // anchored at the end of the growing paragraph made joining quadratic).
    const end = /\p{L}([\u2010-])$/u.exec(lines[i - 1]?.slice(-3) ?? "")?.[1];
    const word = /^\p{L}/u.test(line);
    if (i === 0) parts.push(line);
    else if (word && end === "\u2010") parts.push(parts.pop()?.slice(0, -1) ?? "", line);
    else parts.push(word && end === "-" ? "" : " ", line);
  });
  return parts.join("");
}

/** Leading white space in columns, a tab to the next multiple of eight. */
function indentOf(line: string): number {
  let column = 0;
  for (const c of line) {
    if (c === "\t") column += 8 - (column % 8);
    else if (c === " ") column++;
    else break;
  }
  return column;
}

/** A line of two or more letters, all capitals. */
const inCapitals = (line: string) => /\p{Lu}.*\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line);

/**
 * Whether a block's first line is a section label over the lines under it: a heading set off by
 * being less indented than all of them (a manual page as `man` prints it, in any script), or by
 * capitals over text that is not (a wrapped sentence does not start with a line of capitals).
 */
function isLabelAbove(lines: readonly string[]): boolean {
  const [first = "", ...rest] = lines;
  if (!looksLikeHeading(first)) return false;
  if (rest.every((l) => indentOf(l) > indentOf(first))) return true;
  return inCapitals(first) && !rest.every(inCapitals);
}

/** The header `man` prints atop a manual page, its name and section at both ends: "APT-GET(8)   APT   APT-GET(8)". */
const MAN_HEADER = /^(\S+\(\w+\))\s.*\s\1$/u;

/** The text without the header and footer `man` prints around a manual page (the footer ends with the page's name too). */
function withoutRunningHeader(text: string): string {
  const body = text.trim();
  const firstEnd = body.indexOf("\n");
  const name = firstEnd < 0 ? undefined : MAN_HEADER.exec(body.slice(0, firstEnd).trim())?.[1];
  if (name === undefined) return text;
  const lastStart = body.lastIndexOf("\n");
  const footer =
    lastStart > firstEnd &&
    body
      .slice(lastStart + 1)
      .trim()
      .endsWith(name);
  return body.slice(firstEnd + 1, footer ? lastStart : undefined);
}

const MAX_HEADING_CHARS = 80;
const MAX_HEADING_WORDS = 12;

/**
 * A heading is one short line that is not a sentence: it does not end like one (a question or
 * exclamation may still be a heading, "¿Son interesantes?") and holds no sentence break inside.
 */
export function looksLikeHeading(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > MAX_HEADING_CHARS) return false;
  if (text.split(/\s+/).length > MAX_HEADING_WORDS) return false;
  if (/[.,;:…،。、，；：]$/u.test(text)) return false; // ends like a sentence or clause
  if (/[.!?。！？؟][\s"'»”’)]*\s+\S/u.test(text)) return false; // two sentences in one line
  if (/[|©]/u.test(text) || /^\d+$/.test(text)) return false;
  return /\p{L}/u.test(text);
}

/**
 * Whether the first line of a wrapped block is a heading over the rest rather than the start of a
 * wrapped sentence: it must look like one, be clearly shorter than the line after it, and the line
 * after must not carry on in lower case.
 */
function isHeadingAbove(first: string, next: string): boolean {
  return looksLikeHeading(first) && first.length <= next.length * 0.6 && !/^\p{Ll}/u.test(next);
}

// Words that mark a line as credits, in the languages we publish ("Imagen | jm3", "Source: …").
const CREDIT_WORDS =
  /(^|[\s|])(imagen|image|images|foto|fotos|photo|photos|photograph|bild|bilder|fotografía|fotografia|crédito|créditos|credit|credits|crédits|source|fuente|fonte|quelle|sumber|gambar|via|vía|auteur|autor|author|illustration|ilustración)\s*[|:]/iu;
const COPYRIGHT = /©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|todos los derechos|tous droits|droits sont réservés|alle rechte|hak cipta/iu;

/** What kind of trailing attribution a block is, if it is one. */
export function attributionKind(block: string): AttributionKind | undefined {
  if (COPYRIGHT.test(block)) {
    // A long block that also describes someone is a bio that ends with the © line.
    return block.length > 120 ? "bio" : "copyright";
  }
  if (block.includes("|") && CREDIT_WORDS.test(block) && block.length <= 300) return "credits";
  return undefined;
}

/**
 * Reads the structure of a document's text. The first line is the title when it looks like a heading
 * and a paragraph follows; short lines between paragraphs are subheadings; attribution blocks at the
 * end are kept apart.
 */
export function parseStructure(text: string): Structure {
  const raw = blocksOf(withoutRunningHeader(text));
  const attribution: Attribution[] = [];
  for (let last = raw.at(-1); raw.length > 1 && last !== undefined; last = raw.at(-1)) {
    const kind = attributionKind(last.text);
    if (!kind) break;
    raw.pop();
    attribution.unshift({ kind, text: last.text });
  }
  let lead: string | undefined;
  const [first, second, third] = raw;
  if (first?.label && second && !second.label && second.text.length <= HEADING_MAX && third?.label) {
    // A manual page opens with a label ("NAME", "BEZEICHNUNG", "名前") over the one line that says
    // what the page is ("apt-get - APT package handling utility"): that line is the title, not the label.
    lead = second.text.replace(/[.。．]$/u, "");
    raw.splice(0, 2);
  } else if (first && second && looksLikeHeading(first.text) && !looksLikeHeading(second.text)) lead = raw.shift()?.text;
  const blocks = raw.map(({ text, label }, i): Block => {
    const next = raw[i + 1];
    const isHeading = next !== undefined && looksLikeHeading(text) && (label === true || (i > 0 && !looksLikeHeading(next.text)));
    return { type: isHeading ? "heading" : "paragraph", text };
  });
  return { lead: lead?.replace(/\s+/g, " "), blocks, attribution };
}

/** A title derived from the text is at most this long: an opening sentence is cut there, a manual page's name line longer is no title. */
export const HEADING_MAX = 160;
