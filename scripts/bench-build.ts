/**
 * One build for `npm run bench`, in a process of its own so its memory is its own: prints the
 * stage times, total and peak RSS as one JSON line after BENCH_RESULT.
 * Usage: tsx scripts/bench-build.ts <content dir> <output dir> <report file> <full|baseline> <detection cache file|off> [languages.json]
 */
import { readFileSync } from "node:fs";
import { DetectionCache } from "../src/detect/cache.ts";
import { loadSettings } from "../src/settings.ts";
import { buildSite } from "../src/site-build.ts";

const [content, output, reportFile, mode, cache, languagesFile] = process.argv.slice(2);
if (!content || !output || !reportFile || (mode !== "full" && mode !== "baseline") || !cache) throw new Error("usage: bench-build.ts <content> <output> <report> <full|baseline> <cache|off> [languages.json]");

const started = performance.now();
const detections = cache === "off" ? undefined : new DetectionCache(cache);
const baseline = mode === "baseline" ? { languages: new Map(Object.entries(JSON.parse(readFileSync(languagesFile!, "utf8")) as Record<string, string>)) } : undefined;
const { model, times, pages } = await buildSite({
  settings: loadSettings({ ...process.env, CONTENT_DIR: content }),
  output,
  reportFile,
  pipeline: { ...(detections ? { detections } : {}), ...(baseline ? { baseline } : {}) },
});
const result = {
  totalMs: performance.now() - started,
  stagesMs: times.ms,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
  published: model.report.published,
  pages,
  groups: model.report.translations.groups.length,
  detection: detections ? { hits: detections.hits, misses: detections.misses } : undefined,
};
console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
