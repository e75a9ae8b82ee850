/**
 * Every built page through html-validate: its recommended preset, nothing turned off (the same as
 * .htmlvalidate.json, which the html-validate command line reads).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";

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
  const validator = new HtmlValidate(new FileSystemConfigLoader({ extends: ["html-validate:recommended"] }));
  const problems: HtmlProblem[] = [];
  for (const file of htmlFiles(dir)) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) problems.push({ file: file.slice(dir.length + 1), line: m.line, rule: m.ruleId, message: m.message });
    }
  }
  return problems;
}
