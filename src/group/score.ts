/** How likely two documents in different languages are translations of each other, with the evidence. */
import { alignSentences, type Alignment } from "./align.ts";
import type { Features } from "./features.ts";

export interface PairEvidence {
  score: number;
  shape: number;
  alignment: Pick<Alignment, "meanCost" | "oneToOne" | "beads" | "correlation" | "skippedParagraphs"> & { coverage: number };
  sharedTokens: string[];
  conflictingNumbers: string[];
}

/** A pair at or above this score is a translation candidate. */
export const PAIR_THRESHOLD = 0.5;
/** One-to-one beads it takes before the shape of a text counts in full; shorter texts say less. */
const FULL_EVIDENCE_BEADS = 8;

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Combines the alignment (cheap, mostly one-to-one, lengths that correlate, most of both texts
 * matched) with invariant tokens: shared rare ones add, numbers only one side has take away.
 * `rarity(token)` is the token's inverse document frequency scaled to 0..1.
 */
export function scorePair(a: Features, b: Features, rarity: (token: string) => number): PairEvidence {
  const al = alignSentences(a.sentences, b.sentences);
  const matched = al.beads || 1;
  const cost = Math.max(0, Math.min(1, (2 - al.meanCost) / 1.5));
  const oneToOne = al.oneToOne / matched;
  const coverage = Math.min(...al.coverage);
  const strength = Math.min(1, al.oneToOne / FULL_EVIDENCE_BEADS);
  const shape = coverage < 0.5 ? 0 : cost * oneToOne * Math.max(0, al.correlation) * coverage * strength;

  const shared = [...a.numbers].filter((t) => b.numbers.has(t)).concat([...a.names].filter((t) => b.names.has(t))).sort();
  const bonus = Math.min(0.3, shared.reduce((s, t) => s + 0.1 * rarity(t), 0));
  // Numbers survive translation; one side's year that the other lacks is evidence against.
  const conflicting = a.numbers.size && b.numbers.size ? [...a.numbers].filter((t) => !b.numbers.has(t)).concat([...b.numbers].filter((t) => !a.numbers.has(t))).sort() : [];
  const penalty = Math.min(0.45, 0.15 * conflicting.length);

  return {
    score: round(Math.min(1, Math.max(0, shape + bonus - penalty))),
    shape: round(shape),
    alignment: { meanCost: round(al.meanCost), oneToOne: al.oneToOne, beads: al.beads, correlation: round(al.correlation), skippedParagraphs: al.skippedParagraphs, coverage: round(coverage) },
    sharedTokens: shared,
    conflictingNumbers: conflicting,
  };
}
