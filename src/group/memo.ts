/**
 * The two costly pure steps of grouping, behind one interface so a build can keep their results:
 * a document's features (from its text and which of its paragraphs are boilerplate), and the
 * alignment of two documents' sentence lengths. Rarity, candidates and clustering depend on the
 * whole collection and are always computed afresh; these two depend only on their arguments.
 */
import { alignSentences, type Alignment } from "./align.ts";
import { alignAll } from "./align-shared.ts";
import { documentFeatures, type Features, type Sentence } from "./features.ts";
import { computeShared, type SharedResults } from "../shared-work.ts";
import { entry } from "../maps.ts";

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
  prepareAlignments?(pairs: readonly SentencePair[]): void;
}

/** Two documents' sentences, to align. */
export type SentencePair = readonly [readonly Sentence[], readonly Sentence[]];

/** A document's features, from its input. */
export function featuresOf({ id, lang, paragraphs, extra, boilerplate }: FeatureInput): Features {
  return documentFeatures(id, lang, paragraphs, extra, (p) => boilerplate.has(p));
}

/** Computes each step as asked, on this thread. */
export const COMPUTE: GroupingMemo = { features: featuresOf, align: alignSentences };

/** Below this many documents to read, a worker costs more than it saves (a document takes about 0.4 ms). */
const MIN_SHARED_FEATURES = 500;

/** The features of each input, in order: on a worker too when there are many. */
export function readFeatures(inputs: readonly FeatureInput[], here = true): SharedResults<Features> {
  return computeShared(new URL("./features-worker", import.meta.url), import.meta.url, inputs, featuresOf, { minItems: MIN_SHARED_FEATURES, here });
}

/**
 * Computes everything, ahead and on both cores for what it is told is coming, and gives each
 * result out once: what grouping uses without a cache (a build with GROUPING_CACHE=off, the
 * grouping benchmark, tests), and what the cache uses for what it does not keep. One per grouping.
 */
export class Computing implements GroupingMemo {
  private readonly read = new Map<FeatureInput, Features>();
  private readonly aligned = new Map<readonly Sentence[], Map<readonly Sentence[], Alignment>>();

  features(input: FeatureInput): Features {
    const read = this.read.get(input);
    this.read.delete(input);
    return read ?? featuresOf(input);
  }

  align(a: readonly Sentence[], b: readonly Sentence[]): Alignment {
    const aligned = this.aligned.get(a)?.get(b);
    this.aligned.get(a)?.delete(b);
    return aligned ?? alignSentences(a, b);
  }

  prepareFeatures(inputs: readonly FeatureInput[]): void {
    readFeatures(inputs).results.forEach((features, i) => {
      const input = inputs[i];
      if (input) this.read.set(input, features);
    });
  }

  prepareAlignments(pairs: readonly SentencePair[]): void {
    alignAll(pairs).results.forEach((alignment, i) => {
      const [a, b] = pairs[i] ?? [];
      if (a && b) entry(this.aligned, a, () => new Map()).set(b, alignment);
    });
  }
}
