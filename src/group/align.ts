/**
 * Length-based sentence alignment in the manner of Gale & Church (1993): a translation keeps the
 * order of its sentences and their lengths in proportion, so the cheapest alignment of two
 * translations is mostly one sentence to one, with lengths that track each other. Paragraph ends
 * that fall on both sides of a bead agree; a bead where only one side ends a paragraph costs extra.
 */
import type { Sentence } from "./features.ts";

/**
 * Bead kinds with Gale & Church's prior probabilities. 1-0 and 0-1 let one side carry extra text.
 * Their rare 2-2 bead (1%) is left out: a 1-1 pair of beads covers it, at a fifth less work per cell.
 */
const BEADS: readonly { a: number; b: number; prior: number }[] = [
  { a: 1, b: 1, prior: 0.89 },
  { a: 1, b: 0, prior: 0.0099 },
  { a: 0, b: 1, prior: 0.0099 },
  { a: 2, b: 1, prior: 0.0445 },
  { a: 1, b: 2, prior: 0.0445 },
];
const PRIOR_COST = BEADS.map((b) => -Math.log(b.prior));
/** Variance of the length difference per character (Gale & Church's 6.8). */
const VARIANCE = 6.8;
/** Cost of a bead where one side ends a paragraph and the other does not. */
const BREAK_MISMATCH = 2.5;
/**
 * Cost of leaving a whole paragraph of one side unmatched, whatever its length: a bio, a credits
 * paragraph or a section that only some translations have. Sentence by sentence it would cost far more.
 */
const PARAGRAPH_SKIP = 5;
const SKIP_A = -2, SKIP_B = -3;

export interface Alignment {
  /** Mean cost per bead (negative log probability): low for translations. */
  meanCost: number;
  beads: number;
  oneToOne: number;
  /** Pearson correlation of log sentence lengths over the one-to-one beads. */
  correlation: number;
  /** Share of the paragraph ends (on either side) met by a paragraph end on the other. */
  breakAgreement: number;
  /** Sentences on either side left unmatched (1-0 or 0-1 beads). */
  unmatched: number;
  /** Whole paragraphs left unmatched, and the share of each side's length that was matched. */
  skippedParagraphs: number;
  coverage: [number, number];
}

/** Standard normal upper tail, by Abramowitz & Stegun 26.2.17 (|error| < 7.5e-8). */
function upperTail(z: number): number {
  const t = 1 / (1 + 0.2316419 * z);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return Math.exp((-z * z) / 2) * 0.3989422804014327 * poly;
}

/** -log(2·Q(z)) tabulated in steps of 1/100 up to z = 8: the alignment's inner loop reads it millions of times. */
const TAIL_STEPS = 100;
const TAIL_COST = Float64Array.from({ length: 8 * TAIL_STEPS + 1 }, (_, k) => -Math.log(Math.max(2 * upperTail(k / TAIL_STEPS), 1e-300)));

function lengthCost(la: number, lb: number, ratio: number): number {
  const expected = la * ratio;
  const delta = Math.abs(lb - expected) / Math.sqrt(Math.max(1, (expected + lb) / 2) * VARIANCE);
  // Past the table the cost keeps growing with the square of the deviation.
  if (delta >= 8) return TAIL_COST[8 * TAIL_STEPS]! + (delta * delta - 64) / 2;
  return TAIL_COST[Math.round(delta * TAIL_STEPS)]!;
}

/** Prefix sums of sentence lengths, so the length of any run is one subtraction. */
function prefixSums(xs: readonly Sentence[]): Float64Array {
  const out = new Float64Array(xs.length + 1);
  for (let k = 0; k < xs.length; k++) out[k + 1] = out[k]! + xs[k]!.length;
  return out;
}

const sum = (xs: readonly Sentence[], from: number, count: number) => {
  let total = 0;
  for (let k = from; k < from + count; k++) total += xs[k]!.length;
  return total;
};

const NO_ALIGNMENT: Alignment = { meanCost: Infinity, beads: 0, oneToOne: 0, correlation: 0, breakAgreement: 0, unmatched: 0, skippedParagraphs: 0, coverage: [0, 0] };

/** For each sentence that ends a paragraph, where that paragraph starts (else -1). */
function paragraphStarts(xs: readonly Sentence[]): Int32Array {
  const starts = new Int32Array(xs.length + 1).fill(-1);
  let start = 0;
  xs.forEach((s, k) => {
    if (s.endsParagraph) {
      starts[k + 1] = start;
      start = k + 1;
    }
  });
  return starts;
}

/**
 * Aligns two texts. Lengths are compared after scaling by the ratio of the texts' lengths, since
 * a Chinese sentence is shorter than its English one.
 */
export function alignSentences(a: readonly Sentence[], b: readonly Sentence[]): Alignment {
  if (a.length === 0 || b.length === 0) return NO_ALIGNMENT;
  const { total: _total, ...alignment } = alignWithRatio(a, b, sum(b, 0, b.length) / Math.max(1, sum(a, 0, a.length)));
  return alignment;
}

function alignWithRatio(a: readonly Sentence[], b: readonly Sentence[], ratio: number): Alignment & { total: number } {
  const n = a.length, m = b.length;
  const startsA = paragraphStarts(a), startsB = paragraphStarts(b);
  const sumA = prefixSums(a), sumB = prefixSums(b);
  const atBreakA = (i: number) => i === 0 || a[i - 1]!.endsParagraph;
  const atBreakB = (j: number) => j === 0 || b[j - 1]!.endsParagraph;
  // A band around the diagonal keeps the work linear in the length of the documents.
  const band = Math.max(6, Math.ceil(0.1 * Math.max(n, m)));
  const width = m + 1;
  const cost = new Float64Array((n + 1) * width).fill(Infinity);
  const move = new Int8Array((n + 1) * width).fill(-1);
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    const center = Math.round((i * m) / n);
    for (let j = Math.max(0, center - band); j <= Math.min(m, center + band); j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity, bestMove = -1;
      for (let k = 0; k < BEADS.length; k++) {
        const bead = BEADS[k]!;
        const pi = i - bead.a, pj = j - bead.b;
        if (pi < 0 || pj < 0) continue;
        const before = cost[pi * width + pj]!;
        if (before === Infinity) continue;
        let c = before + PRIOR_COST[k]! + lengthCost(sumA[i]! - sumA[pi]!, sumB[j]! - sumB[pj]!, ratio);
        if (bead.a > 0 && bead.b > 0 && a[i - 1]!.endsParagraph !== b[j - 1]!.endsParagraph) c += BREAK_MISMATCH;
        if (c < best) (best = c), (bestMove = k);
      }
      // Skip a whole paragraph of one side, between paragraph breaks of the other.
      const pa = startsA[i]!;
      if (pa >= 0 && atBreakB(j) && cost[pa * width + j]! + PARAGRAPH_SKIP < best) (best = cost[pa * width + j]! + PARAGRAPH_SKIP), (bestMove = SKIP_A);
      const pb = startsB[j]!;
      if (pb >= 0 && atBreakA(i) && cost[i * width + pb]! + PARAGRAPH_SKIP < best) (best = cost[i * width + pb]! + PARAGRAPH_SKIP), (bestMove = SKIP_B);
      cost[i * width + j] = best;
      move[i * width + j] = bestMove;
    }
  }
  // Walk back to read the beads.
  let i = n, j = m, beads = 0, oneToOne = 0, unmatched = 0, breaksMet = 0, skippedParagraphs = 0;
  let skippedA = 0, skippedB = 0, skipCost = 0;
  const la: number[] = [], lb: number[] = [];
  while (i > 0 || j > 0) {
    const k = move[i * width + j]!;
    if (k === SKIP_A || k === SKIP_B) {
      skippedParagraphs++;
      skipCost += PARAGRAPH_SKIP;
      if (k === SKIP_A) (skippedA += sum(a, startsA[i]!, i - startsA[i]!)), (i = startsA[i]!);
      else (skippedB += sum(b, startsB[j]!, j - startsB[j]!)), (j = startsB[j]!);
      continue;
    }
    if (k < 0) return { ...NO_ALIGNMENT, total: Infinity };
    const bead = BEADS[k]!;
    beads++;
    if (bead.a === 1 && bead.b === 1) {
      oneToOne++;
      la.push(Math.log(a[i - 1]!.length + 1));
      lb.push(Math.log(b[j - 1]!.length + 1));
    }
    if (bead.a === 0 || bead.b === 0) unmatched += bead.a + bead.b;
    else if (a[i - 1]!.endsParagraph && b[j - 1]!.endsParagraph) breaksMet += 2;
    i -= bead.a;
    j -= bead.b;
  }
  const breaks = a.filter((s) => s.endsParagraph).length + b.filter((s) => s.endsParagraph).length;
  const totalA = sum(a, 0, n), totalB = sum(b, 0, m);
  return {
    total: cost[n * width + m]!,
    // Over the matched beads only: skipped paragraphs are counted apart, not averaged in.
    meanCost: beads ? (cost[n * width + m]! - skipCost) / beads : Infinity,
    beads,
    oneToOne,
    correlation: pearson(la, lb),
    breakAgreement: breaks ? breaksMet / breaks : 0,
    unmatched,
    skippedParagraphs,
    coverage: [1 - skippedA / Math.max(1, totalA), 1 - skippedB / Math.max(1, totalB)],
  };
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  if (n < 3) return 0;
  const mx = x.reduce((s, v) => s + v, 0) / n, my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let k = 0; k < n; k++) {
    const dx = x[k]! - mx, dy = y[k]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : 0;
}
