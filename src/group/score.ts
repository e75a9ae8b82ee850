/** How likely two documents in different languages are translations of each other, with the evidence. */
import { alignSentences, type Alignment } from "./align.ts";
import type { Features } from "./features.ts";

export interface PairEvidence {
  score: number;
  shape: number;
  alignment: Pick<Alignment, "meanCost" | "oneToOne" | "beads" | "correlation" | "skippedParagraphs"> & { coverage: number };
  /** How much of the two texts' rare invariant tokens they share (0–1), by rarity in the collection. */
  tokens: number;
  sharedTokens: string[];
  conflictingNumbers: string[];
}

/** A pair at or above this score is a translation candidate. */
export const PAIR_THRESHOLD = 0.5;
/** Shared-token evidence below this is too thin to back a decision on its own. */
const MIN_TOKENS = 0.05;

/** Whether shared tokens back a pair: some weight, and more than one token (one shared year is chance). */
export function corroborated(e: PairEvidence | undefined): boolean {
  return e !== undefined && e.tokens >= MIN_TOKENS && e.sharedTokens.length >= 2;
}
/** One-to-one beads it takes before the shape of a text counts in full; shorter texts say less. */
const FULL_EVIDENCE_BEADS = 8;

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Combines two independent kinds of evidence — the alignment (cheap, mostly one-to-one, lengths
 * that correlate, most of both texts matched) and rare invariant tokens shared — as chances that
 * either says "translation"; numbers only one side has take away.
 * `rarity(token)` is the token's inverse document frequency scaled to 0..1.
 */
export function scorePair(a: Features, b: Features, rarity: (token: string) => number): PairEvidence {
  const al = alignSentences(a.sentences, b.sentences);
  const matched = al.beads || 1;
  const cost = Math.max(0, Math.min(1, (2 - al.meanCost) / 1.5));
  const oneToOne = al.oneToOne / matched;
  const coverage = Math.min(...al.coverage);
  const strength = Math.min(1, al.oneToOne / FULL_EVIDENCE_BEADS);
  // Paragraphs only one side has (a bio, a section not yet translated) are counted apart: they
  // lower the shape in proportion, never to nothing.
  const shape = cost * oneToOne * Math.max(0, al.correlation) * coverage * strength;

  const shared = [...a.anchors].filter((t) => b.anchors.has(t)).sort();
  const tokens = tokenSimilarity(a.anchors, b.anchors, shared, rarity);
  // Numbers survive translation; one side's year that the other lacks is evidence against, unless
  // the texts share so much else that the number belongs to a part only one of them has.
  const conflicting = a.numbers.size && b.numbers.size ? [...a.numbers].filter((t) => !b.numbers.has(t)).concat([...b.numbers].filter((t) => !a.numbers.has(t))).sort() : [];
  const agreeing = [...a.numbers].filter((t) => b.numbers.has(t)).length;
  const penalty = Math.min(0.45, 0.15 * conflicting.length) * (1 - agreeing / (agreeing + conflicting.length || 1)) * (1 - tokens);

  return {
    score: round(Math.min(1, Math.max(0, 1 - (1 - shape) * (1 - tokens) - penalty))),
    shape: round(shape),
    alignment: { meanCost: round(al.meanCost), oneToOne: al.oneToOne, beads: al.beads, correlation: round(al.correlation), skippedParagraphs: al.skippedParagraphs, coverage: round(coverage) },
    tokens: round(tokens),
    sharedTokens: shared.slice(0, 40),
    conflictingNumbers: conflicting.slice(0, 40),
  };
}

/** Rarity-weighted evidence it takes for shared tokens to count in full: one rare token is chance, several are not. */
const FULL_TOKEN_EVIDENCE = 3;

/**
 * Cosine of the two token sets, each token weighted by its rarity, damped while the shared
 * evidence is thin. Tokens in many documents (a manual's name, a licence's URL) weigh next to nothing.
 */
function tokenSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>, shared: readonly string[], rarity: (token: string) => number): number {
  const mass = (xs: Iterable<string>) => {
    let m = 0;
    for (const t of xs) m += rarity(t);
    return m;
  };
  const common = mass(shared);
  if (common === 0) return 0;
  return (common / Math.sqrt(mass(a) * mass(b))) * Math.min(1, common / FULL_TOKEN_EVIDENCE);
}
