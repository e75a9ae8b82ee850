/**
 * The structure of a plain-text document: paragraphs, subheadings, and the trailing attribution
 * (an author's bio, a © line, source or image credits) that belongs in the article footer, not the body.
 */

export type Block = { type: "paragraph" | "heading"; text: string };
export type AttributionKind = "bio" | "copyright" | "credits";
export type Attribution = { kind: AttributionKind; text: string };
export type Structure = { lead?: string; blocks: Block[]; attribution: Attribution[] };

/** Splits text into raw blocks: by blank lines when it has them, else by single newlines. */
export function splitBlocks(text: string): string[] {
  const trimmed = text.trim();
  if (/\n[ \t]*\n/.test(trimmed)) {
    // Hard-wrapped paragraphs: single newlines inside a block are soft breaks, except
    // after a heading line, which stands as its own block.
    return trimmed.split(/\n[ \t]*\n+/).flatMap((block) => {
      const lines = block
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
      const [first, second] = lines;
      if (first !== undefined && second !== undefined && isHeadingAbove(first, second)) return [first, lines.slice(1).join(" ")];
      return [lines.join(" ")];
    });
  }
  return trimmed
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
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
  const raw = splitBlocks(text);
  const attribution: Attribution[] = [];
  for (let last = raw.at(-1); raw.length > 1 && last !== undefined; last = raw.at(-1)) {
    const kind = attributionKind(last);
    if (!kind) break;
    raw.pop();
    attribution.unshift({ kind, text: last });
  }
  let lead: string | undefined;
  const [first, second] = raw;
  if (first !== undefined && second !== undefined && looksLikeHeading(first) && !looksLikeHeading(second)) lead = raw.shift();
  const blocks = raw.map((text, i): Block => {
    const next = raw[i + 1];
    const isHeading = i > 0 && next !== undefined && looksLikeHeading(text) && !looksLikeHeading(next);
    return { type: isHeading ? "heading" : "paragraph", text };
  });
  return { lead, blocks, attribution };
}
