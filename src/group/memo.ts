/**
 * The two costly pure steps of grouping, behind one interface so a build can keep their results:
 * a document's features (from its text and which of its paragraphs are boilerplate), and the
 * alignment of two documents' sentence lengths. Rarity, candidates and clustering depend on the
 * whole collection and are always computed afresh; these two depend only on their arguments.
 */
import { alignSentences, type Alignment } from "./align.ts";
import { documentFeatures, type Features, type Sentence } from "./features.ts";

export interface GroupingMemo {
  features(id: string, lang: string, paragraphs: readonly string[], extra: readonly string[], boilerplate: (paragraph: string) => boolean): Features;
  align(a: readonly Sentence[], b: readonly Sentence[]): Alignment;
  /** Told the pairs `align` is about to be asked for, so a memo can align the ones it lacks together (on two threads). */
  prepare?(pairs: readonly (readonly [readonly Sentence[], readonly Sentence[]])[]): void;
}

/** Computes everything: what a build without a cache, and every test of grouping, uses. */
export const COMPUTE: GroupingMemo = { features: documentFeatures, align: alignSentences };
