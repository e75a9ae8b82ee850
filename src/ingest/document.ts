/** One input file → one document record, or the reasons it cannot be one. Pure: no file system. */
import { createHash } from "node:crypto";
import { directionOf } from "../detect/codes.ts";
import { detectLanguage, type Detection } from "../detect/language.ts";
import { parseStructure, attributionKind, HEADING_MAX, type Attribution, type Block } from "./blocks.ts";
import { decodeText, type TakenOut } from "./decode.ts";
import { readFrontMatter } from "./frontmatter.ts";
import { markdownBlocksAsText, renderMarkdown } from "./markdown.ts";
import { slugFromTitle } from "./slug.ts";
import { countWords, cutAtWord, firstSentence, readingMinutes } from "./text.ts";
import { typeset } from "./typography.ts";

export type BodyBlock = Block | { type: "html"; html: string };

export interface DocumentRecord {
  /** Path inside the documents folder, with forward slashes: the document's identity. */
  file: string;
  format: "txt" | "md";
  contentHash: string;
  lang: string;
  langSource: "front-matter" | "detected" | "default";
  detection?: Detection;
  dir: "ltr" | "rtl";
  title: string;
  /** The title for <title>, og:title and structured data: within what a results page shows. */
  shortTitle: string;
  titleSource: "front-matter" | "first-line" | "first-sentence";
  description: string;
  /** Wanted slug; the pipeline makes it unique within the language. */
  slug: string;
  slugFixed: boolean;
  date?: string;
  author?: string;
  translationKey?: string;
  draft: boolean;
  body: BodyBlock[];
  /** Plain text of each body block, for measures and later stages (grouping, search). */
  paragraphs: string[];
  attribution: Attribution[];
  wordCount: number;
  readingMinutes: number;
  /** Control characters the file held, taken out: the report says so. */
  controls?: TakenOut;
}

export type IngestResult = { ok: true; doc: DocumentRecord } | { ok: false; file: string; reasons: string[] };

export interface IngestOptions {
  /** Used when neither front matter nor detection gives a language. */
  defaultLang: string;
  /** The language detector; the pipeline passes one that times and caches. */
  detect?: (text: string) => Detection | undefined;
}

/** With its ellipsis, a short title stays within the 70 characters a results page shows. */
const TITLE_MAX = 68;
/** A title as <title> and og:title show it: cut at a clause, else at a word with "…", within TITLE_MAX. */
export function shortTitleOf(title: string, lang: string): string {
  return cutAtWord(title, lang, TITLE_MAX);
}

/**
 * The body without the opening sentence that became the heading: the first paragraph goes on after
 * it, or is left out when it was that sentence alone. A one-sentence document keeps its body.
 */
function afterOpening(body: BodyBlock[], opening: string, lang: string): BodyBlock[] {
  const [first, ...rest] = body;
  const heading = typeset(opening, lang);
  if (!first || first.type !== "paragraph" || !first.text.startsWith(heading)) return body;
  const remainder = first.text.slice(heading.length).trim();
  if (remainder) return [{ type: "paragraph", text: remainder }, ...rest];
  return rest.length ? rest : body;
}
const DESCRIPTION_MAX = 160;

/**
 * The text from the first paragraph that reads as prose (it ends as a sentence or a clause does)
 * on: a description does not open with a subheading, nor with a manual page's synopsis or a list of options.
 */
function firstProse(blocks: readonly Block[]): string | undefined {
  const at = blocks.findIndex((b) => b.type === "paragraph" && /[.!?…:;。！？：；؟।]["'»”’)]*$/u.test(b.text));
  if (at < 0) return undefined;
  // Enough for a description, not the whole document again (a long one would be copied whole).
  const taken: string[] = [];
  for (let i = at, length = 0; i < blocks.length && length < 4 * DESCRIPTION_MAX; i++) {
    const b = blocks[i];
    if (b?.type !== "paragraph") continue;
    taken.push(b.text);
    length += b.text.length;
  }
  return taken.join("\n\n");
}

/** Why a document would be a blank page — nothing but a heading, or no letter or digit at all — or undefined. */
function emptyReason(format: "txt" | "md", paragraphs: readonly string[], heading: string | undefined): string | undefined {
  if (format === "md" && paragraphs.length === 0) return `empty: nothing but a heading${heading ? ` ("${heading}")` : ""}, no text under it`;
  // Zero-width and other invisible characters are no text: a page of them would look blank.
  if (!/[\p{L}\p{N}]/u.test(paragraphs.join(""))) return "empty: no letter or digit, only invisible characters, punctuation or symbols";
  return undefined;
}

export function ingestDocument(file: string, bytes: Uint8Array, options: IngestOptions): IngestResult {
  const format = file.toLowerCase().endsWith(".md") ? "md" : "txt";
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, file, reasons: [decoded.reason] };

  let text = decoded.text;
  let front: ReturnType<typeof readFrontMatter> = { ok: true, data: {}, body: text };
  if (format === "md") {
    front = readFrontMatter(text);
    if (!front.ok) return { ok: false, file, reasons: front.reasons };
    text = front.body;
    if (text.trim() === "") return { ok: false, file, reasons: ["empty: front matter but no text"] };
  }
  const meta = front.data;

  // Language first: everything after (typography, sentences, words) depends on it.
  const rawParts = format === "md" ? markdownBlocksAsText(text).map((b) => b.text) : [text];
  const detection = meta.lang ? undefined : (options.detect ?? detectLanguage)(rawParts.join("\n\n"));
  const lang = meta.lang ?? detection?.lang ?? options.defaultLang;
  const langSource = meta.lang ? "front-matter" : detection ? "detected" : "default";

  let body: BodyBlock[];
  let paragraphs: string[];
  let attribution: Attribution[];
  let lead: string | undefined;
  /** Where a description starts when the title is not the opening sentence. */
  let opensWith: string | undefined;
  if (format === "txt") {
    const structure = parseStructure(text);
    opensWith = firstProse(structure.blocks);
    lead = structure.lead;
    body = structure.blocks.map((b) => ({ type: b.type, text: typeset(b.text, lang) }));
    paragraphs = structure.blocks.map((b) => b.text);
    attribution = structure.attribution.map((a) => ({ kind: a.kind, text: typeset(a.text, lang) }));
  } else {
    ({ body, paragraphs, attribution, lead } = structureMarkdown(text, lang));
  }

  const allText = paragraphs.join("\n\n");
  const empty = emptyReason(format, paragraphs, lead ?? meta.title);
  if (empty) return { ok: false, file, reasons: [empty] };
  const opening = firstSentence(allText, lang);
  // A title ends without a full stop; a question or exclamation mark is part of it.
  // An untitled document's heading is its whole opening sentence, never a cut one; the page then
  // goes on after it instead of printing it twice. Only <title> and og:title are shortened.
  const title = meta.title ?? lead ?? cutAtWord(opening, lang, HEADING_MAX).replace(/[.。．]$/u, "");
  const titleSource = meta.title ? "front-matter" : lead ? "first-line" : "first-sentence";
  if (titleSource === "first-sentence" && format === "txt") body = afterOpening(body, opening, lang);
  // When the first sentence became the title, the description goes on from there instead of repeating it.
  const rest = titleSource === "first-sentence" ? allText.slice(allText.indexOf(opening) + opening.length).trim() : "";
  const wordCount = countWords(allText, lang);
  const contentHash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);

  return {
    ok: true,
    doc: {
      file,
      format,
      contentHash,
      lang,
      langSource,
      ...(detection ? { detection } : {}),
      dir: directionOf(lang),
      title: typeset(title, lang),
      shortTitle: shortTitleOf(typeset(title, lang), lang),
      titleSource,
      description: typeset(cutAtWord(rest || opensWith || allText, lang, DESCRIPTION_MAX), lang),
      slug: meta.slug ?? slugFromTitle(title, `doc-${contentHash.slice(0, 8)}`),
      slugFixed: meta.slug !== undefined,
      ...(meta.date ? { date: meta.date } : {}),
      ...(decoded.controls ? { controls: decoded.controls } : {}),
      ...(meta.author ? { author: meta.author } : {}),
      ...(meta.translationKey ? { translationKey: meta.translationKey } : {}),
      draft: meta.draft ?? false,
      body,
      paragraphs,
      attribution,
      wordCount,
      readingMinutes: readingMinutes(allText, lang, wordCount),
    },
  };
}

/** Markdown keeps its own structure; only a leading `#` title and trailing attribution are taken out. */
function structureMarkdown(source: string, lang: string) {
  const chunks = source.trim().split(/\n[ \t]*\n+/);
  const attribution: Attribution[] = [];
  for (let last = chunks.at(-1); chunks.length > 1 && last !== undefined; last = chunks.at(-1)) {
    const plain = markdownBlocksAsText(last)
      .map((b) => b.text)
      .join(" ");
    const kind = attributionKind(plain);
    if (!kind) break;
    chunks.pop();
    attribution.unshift({ kind, text: typeset(plain, lang) });
  }
  let lead: string | undefined;
  const first = markdownBlocksAsText(chunks[0] ?? "");
  const [only] = first;
  if (first.length === 1 && only?.headingLevel === 1) {
    lead = only.text;
    chunks.shift();
  }
  const rest = chunks.join("\n\n");
  const body: BodyBlock[] = [{ type: "html", html: renderMarkdown(rest, lang) }];
  const paragraphs = markdownBlocksAsText(rest).map((b) => b.text);
  return { body, paragraphs, attribution, lead };
}
