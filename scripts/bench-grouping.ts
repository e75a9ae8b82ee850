/**
 * The cost of translation grouping at scale, with its accuracy, on the synthetic corpus of
 * scripts/corpus.ts (groupings only: no reading, rendering or indexing; `npm run bench` runs all).
 * Usage: npx tsx scripts/bench-grouping.ts [N …]   (default 1000 5000 10000)
 */
import { documentFeatures } from "../src/group/features.ts";
import { groupTranslations } from "../src/group/index.ts";
import { groupingAccuracy, syntheticCorpus } from "./corpus.ts";

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  console.log("| documents | grouping time | features | candidates + alignment + clustering | candidate pairs | aligned pairs | per document | precision | recall |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const n of sizes.length ? sizes : [1000, 5000, 10000]) {
    const { inputs, truth } = syntheticCorpus(n);
    const t0 = performance.now();
    for (const d of inputs) documentFeatures(d.file, d.lang, d.paragraphs); // features alone, for the split
    const t1 = performance.now();
    const grouping = groupTranslations(inputs);
    const t2 = performance.now();
    const { precision, recall } = groupingAccuracy(grouping.groups.map((g) => g.members.map((m) => m.file)), truth);
    const total = t2 - t1;
    console.log(
      `| ${n.toLocaleString("en")} | ${(total / 1000).toFixed(2)} s | ${((t1 - t0) / 1000).toFixed(2)} s | ${((total - (t1 - t0)) / 1000).toFixed(2)} s | ${grouping.stats.candidatePairs.toLocaleString("en")} | ${grouping.stats.alignedPairs.toLocaleString("en")} | ${(total / n).toFixed(2)} ms | ${precision.toFixed(3)} | ${recall.toFixed(3)} |`,
    );
  }
}
