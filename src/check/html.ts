/**
 * Every built page through html-validate, configured by .htmlvalidate.mjs (its recommended preset),
 * and the title length that preset's rule would check, measured as a reader sees it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FileSystemConfigLoader, HtmlValidate, type ConfigData } from "html-validate";
import { parse } from "node-html-parser";
import config from "../../.htmlvalidate.mjs";

/** Search engines cut titles beyond this. */
export const TITLE_MAX = 70;

export interface HtmlProblem {
  file: string;
  line: number;
  rule: string;
  message: string;
}

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .sort()
    .map((f) => join(dir, f));
}

export async function validateSiteHtml(dir: string): Promise<HtmlProblem[]> {
  const validator = new HtmlValidate(new FileSystemConfigLoader(config as ConfigData));
  const problems: HtmlProblem[] = [];
  for (const file of htmlFiles(dir)) {
    const title = parse(readFileSync(file, "utf8")).querySelector("title")?.text ?? "";
    if ([...title].length > TITLE_MAX) problems.push({ file: file.slice(dir.length + 1), line: 0, rule: "title-length", message: `title text is longer than ${TITLE_MAX} characters` });
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) problems.push({ file: file.slice(dir.length + 1), line: m.line, rule: m.ruleId, message: m.message });
    }
  }
  return problems;
}
