/** How likely two documents in different languages are translations of each other, with the evidence. */
import { alignSentences, type Alignment } from "./align.ts";
import type { GroupingMemo } from "./memo.ts";
import type { Features } from "./features.ts";

export interface PairEvidence {
  score: number;
  shape: number;
  /** Figures of the alignment that decided the shape, and its units: sentences, or paragraphs when those align better. */
  alignment: Pick<Alignment, "meanCost" | "oneToOne" | "beads" | "correlation" | "skippedParagraphs"> & { coverage: number; units: "sentences" | "paragraphs" };
  /** How much of the two texts' rare invariant tokens they share (0–1), by rarity in the collection. */
  tokens: number;
  sharedTokens: string[];
  conflictingNumbers: string[];
}

/** A pair at or above this score is a translation candidate. */
export const PAIR_THRESHOLD = 0.5;
/**
 * Paragraphs count in full from this many one-to-one beads on: a paragraph's length mostly says
 * how many sentences it has, so a few paragraphs of two texts line up by chance.
 */
const FULL_EVIDENCE_PARAGRAPHS = 16;
/** Sentence counts further apart than this (as a log ratio, about 20%) say the splits disagree… */
const SPLITS_DISAGREE = 0.2;
/** …while paragraph counts this close (about 10%) say the texts may still be translations. */
const PARAGRAPHS_AGREE = 0.1;

/**
 * How much an alignment says "translation": cheap beads, mostly one to one, lengths that track
 * each other, most of both texts matched. Parts only one side has (a bio, a section not yet
 * translated) are counted apart: they lower the shape in proportion, never to nothing.
 */
function shapeOf(al: Alignment, fullEvidence: number): { shape: number; al: Alignment; coverage: number } {
  const cost = Math.max(0, Math.min(1, (2 - al.meanCost) / 1.5));
  const oneToOne = al.oneToOne / (al.beads || 1);
  const coverage = Math.min(...al.coverage);
  const strength = Math.min(1, al.oneToOne / fullEvidence);
  return { shape: cost * oneToOne * Math.max(0, al.correlation) * coverage * strength, al, coverage };
}

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
export function scorePair(a: Features, b: Features, rarity: (token: string) => number, align: GroupingMemo["align"] = alignSentences): PairEvidence {
  // Sentences first; paragraphs too when the two texts were split into sentences differently
  // (a Japanese page with English passages, an option list whose lines start in lower case).
  const bySentence = shapeOf(align(a.sentences, b.sentences), FULL_EVIDENCE_BEADS);
  // Only worth a second alignment when the paragraphs agree where the sentences do not: a
  // translation keeps its paragraphs, and a stranger seldom has as many.
  const logRatio = (x: number, y: number) => Math.abs(Math.log(Math.max(1, x) / Math.max(1, y)));
  const splitsDisagree = logRatio(a.sentences.length, b.sentences.length) > SPLITS_DISAGREE && logRatio(a.blocks.length, b.blocks.length) <= PARAGRAPHS_AGREE;
  const shared = [...a.anchors].filter((t) => b.anchors.has(t)).sort();
  const tokens = tokenSimilarity(a.anchors, b.anchors, shared, rarity);
  // Paragraph lengths line up by chance more easily than sentence lengths: they count only when
  // shared tokens back them.
  const backed = tokens >= MIN_TOKENS && shared.length >= 2;
  const byParagraph = splitsDisagree && backed ? shapeOf(align(a.blocks, b.blocks), FULL_EVIDENCE_PARAGRAPHS) : undefined;
  const { shape, al, coverage } = byParagraph && byParagraph.shape > bySentence.shape ? byParagraph : bySentence;

  // Numbers survive translation; one side's year that the other lacks is evidence against, unless
  // the texts share so much else that the number belongs to a part only one of them has.
  const conflicting =
    a.numbers.size && b.numbers.size
      ? [...a.numbers]
          .filter((t) => !b.numbers.has(t))
          .concat([...b.numbers].filter((t) => !a.numbers.has(t)))
          .sort()
      : [];
  const agreeing = [...a.numbers].filter((t) => b.numbers.has(t)).length;
  const penalty = Math.min(0.45, 0.15 * conflicting.length) * (1 - agreeing / (agreeing + conflicting.length || 1)) * (1 - tokens);

  return {
    score: round(Math.min(1, Math.max(0, 1 - (1 - shape) * (1 - tokens) - penalty))),
    shape: round(shape),
    alignment: {
      meanCost: round(al.meanCost),
      oneToOne: al.oneToOne,
      beads: al.beads,
      correlation: round(al.correlation),
      skippedParagraphs: al.skippedParagraphs,
      coverage: round(coverage),
      units: al === bySentence.al ? "sentences" : "paragraphs",
    },
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
