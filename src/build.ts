/**
 * `npm run build`: stops with every input problem named (no stack trace), or builds the site
 * (src/site-build.ts) and prints a short summary with the time each stage took.
 */
import { join, relative, resolve } from "node:path";
import { DetectionCache } from "./detect/cache.ts";
import { IndexError } from "./index/pagefind.ts";
import { InputError } from "./pipeline.ts";
import { formatSummary } from "./report.ts";
import { loadSettings, PROJECT_ROOT, SettingsError } from "./settings.ts";
import { buildSite } from "./site-build.ts";
import { PublishError } from "./write/publish.ts";
import { STAGES } from "./stages.ts";

/** Beside the output, not in it: the report is for the publisher, not the public. */
const REPORT_FILE = process.env.REPORT_FILE ?? join(PROJECT_ROOT, "reports/build-report.json");
/** Detections of unchanged documents are reused; DETECTION_CACHE=off detects everything afresh. */
const DETECTION_CACHE = process.env.DETECTION_CACHE ?? join(PROJECT_ROOT, "node_modules/.cache/polyglot-blog/detections.json");

/** Social cards of unchanged articles are reused; CARD_CACHE=off draws every one. */
const CARD_CACHE = process.env.CARD_CACHE ?? join(PROJECT_ROOT, "node_modules/.cache/polyglot-blog/cards");

async function main(): Promise<number> {
  const started = performance.now();
  const output = resolve(process.env.OUTPUT_DIR ?? join(PROJECT_ROOT, "_site"));
  const report = relative(process.cwd(), REPORT_FILE);
  try {
    const detections = DETECTION_CACHE === "off" ? undefined : new DetectionCache(DETECTION_CACHE);
    const { model, indexed, times, recovered } = await buildSite({ settings: loadSettings(), output, reportFile: REPORT_FILE, pipeline: detections ? { detections } : {}, ...(CARD_CACHE === "off" ? {} : { cardCache: CARD_CACHE }) });
    for (const note of recovered) console.log(`Recovered: ${note}.`);
    console.log(formatSummary(model.report));
    console.log(`Search: ${indexed.map((i) => `${i.lang} ${i.pages}`).join(", ")} page(s) indexed, one bundle per language.`);
    const stages = STAGES.map((s) => `${s} ${Math.round(times.ms[s])}`).join(", ");
    console.log(`Built in ${Math.round(performance.now() - started)} ms (${stages}). Report: ${report}`);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`Build stopped: ${error.problems.length} input problem(s), each named below with its reason.`);
      for (const p of error.problems) for (const reason of p.reasons) console.error(`  ✗ ${p.file}: ${reason}`);
      console.error(`Nothing was published; the last good site was left as it was. Report: ${report}`);
      return 1;
    }
    if (error instanceof SettingsError) {
      console.error(`Build stopped: ${error.message}`);
      return 1;
    }
    if (error instanceof IndexError || error instanceof PublishError) {
      console.error(`Build stopped: ${error.message}. The last good site was left as it was. Report: ${report}`);
      return 1;
    }
    // Anything else is this program's fault, not the input's: said in one line, the stack only on request.
    console.error(`Build stopped on an internal error: ${error instanceof Error ? error.message : String(error)}`);
    console.error(`The last good site was left as it was. Report: ${report}`);
    if (process.env.DEBUG) console.error(error);
    else console.error("Set DEBUG=1 to see where it happened.");
    return 1;
  }
}

process.exitCode = await main();
