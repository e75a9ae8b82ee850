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

/**
 * A link to the article in each language it is in (read aloud as its label); `missing`, for screen
 * readers, in the others. As little markup as that takes: the cells are most of a coverage page's
 * bytes (200 rows of 11 at 10,000 documents), so the stylesheet tells the two kinds apart by what
 * they hold, not by a class on each.
 */
export function coverageCells(cells: CoverageRow["cells"], missing: string): string {
  const gap = `<td><span class="visually-hidden">${escapeHtml(missing)}</span></td>`;
  let html = "";
  for (const cell of cells) {
    html += cell ? `<td><a href="${escapeHtml(cell.url)}" hreflang="${escapeHtml(cell.lang)}" lang="${escapeHtml(cell.lang)}" aria-label="${escapeHtml(cell.label)}">✓</a></td>` : gap;
  }
  return html;
}
