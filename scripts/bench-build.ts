/**
 * One build for `npm run bench`, in a process of its own so its memory is its own: prints the
 * stage times, total and peak RSS as one JSON line after BENCH_RESULT.
 * Usage: tsx scripts/bench-build.ts <content dir> <output dir> <report file> <full|baseline> <detection cache file|off> [languages.json]
 */
import { readFileSync } from "node:fs";
import { DetectionCache } from "../src/detect/cache.ts";
import { detectLanguage } from "../src/detect/language.ts";
import type { FindingStages } from "../src/pipeline.ts";
import { loadSettings } from "../src/settings.ts";
import { buildSite } from "../src/site-build.ts";

const [content, output, reportFile, mode, cache, languagesFile] = process.argv.slice(2);
if (!content || !output || !reportFile || (mode !== "full" && mode !== "baseline") || !cache)
  throw new Error("usage: bench-build.ts <content> <output> <report> <full|baseline> <cache|off> [languages.json]");

const started = performance.now();
const detections = cache === "off" ? undefined : new DetectionCache(cache);
/** The baseline: the same build with languages handed in and nothing grouped, so the ratio is what finding them costs. */
function baselineStages(file: string): Partial<FindingStages> {
  const languages = new Map(Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>));
  return {
    detect: (text, document) => {
      const lang = languages.get(document);
      return lang ? { lang, confidence: 1, lowConfidence: false } : detectLanguage(text);
    },
    relabel: () => [],
    group: (inputs) => ({
      groups: [],
      alone: inputs.map((d) => ({ file: d.file, lang: d.lang })),
      problems: [],
      stats: { documents: inputs.length, candidatePairs: 0, alignedPairs: 0 },
      compared: [],
    }),
  };
}
if (mode === "baseline" && !languagesFile) throw new Error("the baseline needs languages.json");
const { model, times, pages } = await buildSite({
  settings: loadSettings({ ...process.env, CONTENT_DIR: content }),
  output,
  reportFile,
  pipeline: { ...(detections ? { detections } : {}), ...(mode === "baseline" && languagesFile ? { stages: baselineStages(languagesFile) } : {}) },
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
