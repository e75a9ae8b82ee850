/**
 * The two costly pure steps of grouping, behind one interface so a build can keep their results:
 * a document's features (from its text and which of its paragraphs are boilerplate), and the
 * alignment of two documents' sentence lengths. Rarity, candidates and clustering depend on the
 * whole collection and are always computed afresh; these two depend only on their arguments.
 */
import { alignSentences, type Alignment } from "./align.ts";
import { documentFeatures, type Features, type Sentence } from "./features.ts";

/** What a document's features are read from. */
export interface FeatureInput {
  id: string;
  lang: string;
  paragraphs: readonly string[];
  /** Attribution text: for tokens only. */
  extra: readonly string[];
  /** The paragraphs (and attribution lines) shared word for word with other documents. */
  boilerplate: ReadonlySet<string>;
}

export interface GroupingMemo {
  features(input: FeatureInput): Features;
  align(a: readonly Sentence[], b: readonly Sentence[]): Alignment;
  /** Told the documents `features` is about to be asked for, so a memo can read the ones it lacks together (on two threads). */
  prepareFeatures?(inputs: readonly FeatureInput[]): void;
  /** Told the pairs `align` is about to be asked for, so a memo can align the ones it lacks together (on two threads). */
  prepare?(pairs: readonly (readonly [readonly Sentence[], readonly Sentence[]])[]): void;
}

/** A document's features, from its input. */
export function featuresOf({ id, lang, paragraphs, extra, boilerplate }: FeatureInput): Features {
  return documentFeatures(id, lang, paragraphs, extra, (p) => boilerplate.has(p));
}

/** Computes everything: what a build without a cache, and every test of grouping, uses. */
export const COMPUTE: GroupingMemo = { features: featuresOf, align: alignSentences };
