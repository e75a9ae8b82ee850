/**
 * `.md` documents: rendered by markdown-it with raw HTML off (markup a writer types shows as text),
 * and the same locale typography as plain text applied to every text run.
 */
import MarkdownIt, { type Token } from "markdown-it";
import { typeset } from "./typography.ts";

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

function typesetTokens(tokens: Token[], lang: string): void {
  for (const token of tokens) {
    if (token.type === "text") token.content = typeset(token.content, lang);
    if (token.children) typesetTokens(token.children, lang);
  }
}

export function renderMarkdown(source: string, lang: string): string {
  const tokens = md.parse(source, {});
  typesetTokens(tokens, lang);
  return md.renderer.render(tokens, md.options, {});
}

/** The text of each top-level block, without markup: for detection, titles and word counts. */
export function markdownBlocksAsText(source: string): { text: string; headingLevel?: number }[] {
  const out: { text: string; headingLevel?: number }[] = [];
  let level: number | undefined;
  for (const token of md.parse(source, {})) {
    if (token.type === "heading_open") level = Number(token.tag.slice(1));
    if (token.type === "inline") {
      const text = (token.children ?? [])
        .map((c) => (c.type === "softbreak" || c.type === "hardbreak" ? " " : c.type === "text" || c.type === "code_inline" ? c.content : ""))
        .join("")
        .trim();
      if (text) out.push(level === undefined ? { text } : { text, headingLevel: level });
      level = undefined;
    }
  }
  return out;
}
