/** The build's short human summary of its report. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { BuildReport } from "./pipeline.ts";

/** The report, as the publisher reads it: beside the site, never in it. */
export function writeReport(file: string, report: BuildReport): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
}

export function formatSummary(report: BuildReport): string {
  const perLanguage = Object.entries(report.perLanguage)
    .map(([lang, n]) => `${lang} ${n}`)
    .join(", ");
  const unpublished = report.documents.filter((d) => d.status !== "published");
  const { groups, alone } = report.translations;
  const lines = [
    `Published ${report.published} of ${report.inputs} file(s) from ${report.contentDir}: ${perLanguage || "none"}.`,
    `Translations: ${groups.length} group(s) — ${groups.map((g) => `[${g.members.map((m) => m.lang).join(" ")}] ${g.source === "override" ? `key "${g.id}"` : `score ${g.score}`}`).join(", ") || "none"}; ${alone.length} document(s) alone.`,
  ];
  for (const d of unpublished) if (d.status === "draft") lines.push(`  · ${d.file}: ${d.reason}`);
  for (const w of report.warnings) lines.push(`  ! ${w}`);
  return lines.join("\n");
}
