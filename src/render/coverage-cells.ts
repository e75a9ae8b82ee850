/**
 * A coverage row's cells, as HTML. Made here rather than looped over in coverage.njk: the table has
 * a cell per article and language on every coverage page in every language (540,000 at 10,000
 * documents), and a Nunjucks loop cost about 6 µs a cell, 3.3 s of such a build.
 */
import type { CoverageRow } from "./site-pages.ts";

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;", "\\": "&#92;" };

const SPECIAL = /[&"'<>\\]/;
const SPECIALS = /[&"'<>\\]/g;

/** Text escaped as Nunjucks escapes a value it prints. */
export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c] ?? c) : text;
}

/** A link to the article in each language it is in (read aloud as its label); `missing`, for screen readers, in the others. */
export function coverageCells(cells: CoverageRow["cells"], missing: string): string {
  let html = "";
  for (const cell of cells) {
    html += cell
      ? `\n      <td class="coverage__cell coverage__cell--present"><a href="${escapeHtml(cell.url)}" hreflang="${escapeHtml(cell.lang)}" title="${escapeHtml(cell.title)}" lang="${escapeHtml(cell.lang)}" aria-label="${escapeHtml(cell.label)}">✓</a></td>`
      : `\n      <td class="coverage__cell coverage__cell--missing"><span class="visually-hidden">${escapeHtml(missing)}</span></td>`;
  }
  return html;
}
