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
const SKIP_A = -2,
  SKIP_B = -3;

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
  if (delta >= 8) return (TAIL_COST[8 * TAIL_STEPS] ?? Infinity) + (delta * delta - 64) / 2;
  return TAIL_COST[(delta * TAIL_STEPS + 0.5) | 0] ?? Infinity; // Math.round, for a number ≥ 0
}

const sum = (xs: readonly Sentence[], from: number, count: number) => {
  let total = 0;
  for (let k = from; k < from + count; k++) total += xs[k]?.length ?? 0;
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
  const { total, ...alignment } = alignWithRatio(a, b, sum(b, 0, b.length) / Math.max(1, sum(a, 0, a.length)));
  return alignment;
}

/** Scratch space for the band, reused from one alignment to the next: allocating it per pair cost more than filling it. */
let costs = new Float64Array(0);
let moves = new Int8Array(0);

function alignWithRatio(a: readonly Sentence[], b: readonly Sentence[], ratio: number): Alignment & { total: number } {
  const n = a.length,
    m = b.length;
  const startsA = paragraphStarts(a),
    startsB = paragraphStarts(b);
  const atBreakA = (i: number) => i === 0 || a[i - 1]?.endsParagraph === true;
  const atBreakB = (j: number) => j === 0 || b[j - 1]?.endsParagraph === true;
  // A band around the diagonal keeps the work linear in the length of the documents; only the
  // band is stored, row i holding columns from first(i).
  const band = Math.max(6, Math.ceil(0.1 * Math.max(n, m)));
  const width = 2 * band + 1;
  const first = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) first[i] = Math.round((i * m) / n) - band;
  const size = (n + 1) * width;
  if (costs.length < size) {
    costs = new Float64Array(size);
    moves = new Int8Array(size);
  }
  costs.fill(Infinity, 0, size);
  const cost = costs,
    move = moves;
  /** Cell (i, j)'s cost; Infinity outside the band. */
  const costAt = (i: number, j: number) => {
    const col = j - (first[i] ?? 0);
    return col >= 0 && col < width ? (cost[i * width + col] ?? Infinity) : Infinity;
  };
  cost[-(first[0] ?? 0)] = 0;
  // The beads written out, in BEADS' order (ties go to the earlier): this loop is most of the
  // grouping stage's time. Beads with one side empty cost the same wherever they fall.
  const lenA = Float64Array.from(a, (x) => x.length),
    lenB = Float64Array.from(b, (x) => x.length);
  const endA = Uint8Array.from(a, (x) => (x.endsParagraph ? 1 : 0)),
    endB = Uint8Array.from(b, (x) => (x.endsParagraph ? 1 : 0));
  const deleteA = lenA.map((l) => lengthCost(l, 0, ratio));
  const deleteB = lenB.map((l) => lengthCost(0, l, ratio));
  const [p11, p10, p01, p21, p12] = PRIOR_COST as [number, number, number, number, number];
  for (let i = 0; i <= n; i++) {
    const lo = first[i] ?? 0;
    const row = i * width;
    const up = i > 0 ? (i - 1) * width : -1,
      up2 = i > 1 ? (i - 2) * width : -1;
    const loUp = i > 0 ? (first[i - 1] ?? 0) : 0,
      loUp2 = i > 1 ? (first[i - 2] ?? 0) : 0;
    for (let j = Math.max(0, lo); j <= Math.min(m, lo + width - 1); j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity,
        bestMove = -1;
      if (i > 0) {
        const la = lenA[i - 1] ?? 0;
        if (j > 0) {
          const col = j - 1 - loUp; // 1-1
          const before = col >= 0 && col < width ? (cost[up + col] ?? Infinity) : Infinity;
          if (before !== Infinity) {
            const c = before + p11 + lengthCost(la, lenB[j - 1] ?? 0, ratio) + (endA[i - 1] !== endB[j - 1] ? BREAK_MISMATCH : 0);
            if (c < best) {
              best = c;
              bestMove = 0;
            }
          }
        }
        const col = j - loUp; // 1-0
        const before = col >= 0 && col < width ? (cost[up + col] ?? Infinity) : Infinity;
        if (before !== Infinity) {
          const c = before + p10 + (deleteA[i - 1] ?? Infinity);
          if (c < best) {
            best = c;
            bestMove = 1;
          }
        }
      }
      if (j > 0) {
        const col = j - 1 - lo; // 0-1
        const before = col >= 0 && col < width ? (cost[row + col] ?? Infinity) : Infinity;
        if (before !== Infinity) {
          const c = before + p01 + (deleteB[j - 1] ?? Infinity);
          if (c < best) {
            best = c;
            bestMove = 2;
          }
        }
      }
      if (i > 1 && j > 0) {
        const col = j - 1 - loUp2; // 2-1
        const before = col >= 0 && col < width ? (cost[up2 + col] ?? Infinity) : Infinity;
        if (before !== Infinity) {
          const c = before + p21 + lengthCost((lenA[i - 1] ?? 0) + (lenA[i - 2] ?? 0), lenB[j - 1] ?? 0, ratio) + (endA[i - 1] !== endB[j - 1] ? BREAK_MISMATCH : 0);
          if (c < best) {
            best = c;
            bestMove = 3;
          }
        }
      }
      if (i > 0 && j > 1) {
        const col = j - 2 - loUp; // 1-2
        const before = col >= 0 && col < width ? (cost[up + col] ?? Infinity) : Infinity;
        if (before !== Infinity) {
          const c = before + p12 + lengthCost(lenA[i - 1] ?? 0, (lenB[j - 1] ?? 0) + (lenB[j - 2] ?? 0), ratio) + (endA[i - 1] !== endB[j - 1] ? BREAK_MISMATCH : 0);
          if (c < best) {
            best = c;
            bestMove = 4;
          }
        }
      }
      // Skip a whole paragraph of one side, between paragraph breaks of the other.
      const pa = startsA[i] ?? -1;
      if (pa >= 0 && atBreakB(j) && costAt(pa, j) + PARAGRAPH_SKIP < best) {
        best = costAt(pa, j) + PARAGRAPH_SKIP;
        bestMove = SKIP_A;
      }
      const pb = startsB[j] ?? -1;
      if (pb >= 0 && atBreakA(i) && costAt(i, pb) + PARAGRAPH_SKIP < best) {
        best = costAt(i, pb) + PARAGRAPH_SKIP;
        bestMove = SKIP_B;
      }
      const here = row + (j - lo);
      cost[here] = best;
      move[here] = bestMove;
    }
  }
  // Walk back to read the beads.
  let i = n,
    j = m,
    beads = 0,
    oneToOne = 0,
    unmatched = 0,
    breaksMet = 0,
    skippedParagraphs = 0;
  let skippedA = 0,
    skippedB = 0,
    skipCost = 0;
  const la: number[] = [],
    lb: number[] = [];
  while (i > 0 || j > 0) {
    const col = j - (first[i] ?? 0);
    const k = col >= 0 && col < width ? (move[i * width + col] ?? -1) : -1;
    if (k === SKIP_A || k === SKIP_B) {
      skippedParagraphs++;
      skipCost += PARAGRAPH_SKIP;
      // A skip was only recorded where its paragraph start exists.
      if (k === SKIP_A) {
        const from = startsA[i] ?? i;
        skippedA += sum(a, from, i - from);
        i = from;
      } else {
        const from = startsB[j] ?? j;
        skippedB += sum(b, from, j - from);
        j = from;
      }
      continue;
    }
    const bead = BEADS[k];
    if (bead === undefined) return { ...NO_ALIGNMENT, total: Infinity };
    beads++;
    if (bead.a === 1 && bead.b === 1) {
      oneToOne++;
      la.push(Math.log((a[i - 1]?.length ?? 0) + 1));
      lb.push(Math.log((b[j - 1]?.length ?? 0) + 1));
    }
    if (bead.a === 0 || bead.b === 0) unmatched += bead.a + bead.b;
    else if (a[i - 1]?.endsParagraph && b[j - 1]?.endsParagraph) breaksMet += 2;
    i -= bead.a;
    j -= bead.b;
  }
  const breaks = a.filter((s) => s.endsParagraph).length + b.filter((s) => s.endsParagraph).length;
  const totalA = sum(a, 0, n),
    totalB = sum(b, 0, m);
  const total = costAt(n, m);
  return {
    total,
    // Over the matched beads only: skipped paragraphs are counted apart, not averaged in.
    meanCost: beads ? (total - skipCost) / beads : Infinity,
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
  const mx = x.reduce((s, v) => s + v, 0) / n,
    my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let k = 0; k < n; k++) {
    const dx = (x[k] ?? 0) - mx,
      dy = (y[k] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : 0;
}
