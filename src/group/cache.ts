/**
 * Grouping's pure steps kept between builds, in one file: each document's features, by a hash of
 * its name, language, paragraphs, attribution text and which paragraphs are boilerplate; and each
 * alignment, by a hash of the two sentence-length sequences. Any change to the code or the locked
 * dependencies empties it. Everything that depends on the whole collection (rarity, candidates,
 * margins, clusters) is computed afresh, so grouping gives what it would give without the cache.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { treeDigest, writeWhole } from "../files.ts";
import { CODE } from "../ingest/cache.ts";
import { PROJECT_ROOT } from "../settings.ts";
import type { Alignment } from "./align.ts";
import { packSentence, unpackSentence, type Features, type Sentence } from "./features.ts";
import { Computing, type FeatureInput, type GroupingMemo, type SentencePair } from "./memo.ts";

/**
 * Features as JSON holds them: token sets as arrays, and each sentence as one number (its length
 * doubled, plus one where it ends a paragraph). As objects, the sentences were half of a 40 MB file
 * that every build reads and writes.
 */
type StoredFeatures = Omit<Features, "numbers" | "names" | "code" | "anchors" | "sentences" | "blocks"> &
  Record<"numbers" | "names" | "code" | "anchors", string[]> &
  Record<"sentences" | "blocks", number[]>;

function storeFeatures(f: Features): StoredFeatures {
  return { ...f, sentences: f.sentences.map(packSentence), blocks: f.blocks.map(packSentence), numbers: [...f.numbers], names: [...f.names], code: [...f.code], anchors: [...f.anchors] };
}

function reviveFeatures(stored: StoredFeatures): Features {
  return {
    ...stored,
    sentences: stored.sentences.map(unpackSentence),
    blocks: stored.blocks.map(unpackSentence),
    numbers: new Set(stored.numbers),
    names: new Set(stored.names),
    code: new Set(stored.code),
    anchors: new Set(stored.anchors),
  };
}

/** An alignment's numbers in a fixed order; those JSON cannot hold (infinity, NaN, -0) as strings. */
type StoredAlignment = (number | string)[];

interface Stored {
  version: string;
  features: Record<string, StoredFeatures>;
  alignments: Record<string, StoredAlignment>;
}

const encode = (x: number): number | string => (Number.isFinite(x) && !Object.is(x, -0) ? x : Object.is(x, -0) ? "-0" : String(x));
const decode = (x: number | string): number => (typeof x === "number" ? x : Number(x));

function storeAlignment(a: Alignment): StoredAlignment {
  return [a.meanCost, a.beads, a.oneToOne, a.correlation, a.breakAgreement, a.unmatched, a.skippedParagraphs, ...a.coverage].map(encode);
}

function reviveAlignment(stored: StoredAlignment): Alignment {
  const [meanCost = NaN, beads = NaN, oneToOne = NaN, correlation = NaN, breakAgreement = NaN, unmatched = NaN, skippedParagraphs = NaN, a = NaN, b = NaN] = stored.map(decode);
  return { meanCost, beads, oneToOne, correlation, breakAgreement, unmatched, skippedParagraphs, coverage: [a, b] };
}

/** Whether JSON gives `value` back as it is: no NaN, no infinity, no negative zero (JSON writes them as null or 0). Features that do not are computed each time. */
function survivesJson(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(survivesJson);
  if (value && typeof value === "object") return Object.values(value).every(survivesJson);
  return true;
}

const sha = (...parts: readonly string[]) => createHash("sha256").update(parts.join("\0")).digest("hex");

export class GroupingCache implements GroupingMemo {
  private readonly version = treeDigest(PROJECT_ROOT, CODE);
  private readonly kept: Stored;
  /** What this build used: all that the next one is likely to ask for. */
  private readonly used: Stored;
  private readonly sequenceKeys = new WeakMap<readonly Sentence[], string>();
  private readonly featureKeys = new WeakMap<FeatureInput, string>();
  /** What is not kept: computed as asked, or ahead on both cores when told what is coming. */
  private readonly computing = new Computing();
  readonly hits = { features: 0, alignments: 0 };
  readonly misses = { features: 0, alignments: 0 };

  constructor(private readonly file: string) {
    this.used = { version: this.version, features: {}, alignments: {} };
    this.kept = this.load() ?? { version: this.version, features: {}, alignments: {} };
  }

  private load(): Stored | undefined {
    try {
      const stored = JSON.parse(readFileSync(this.file, "utf8")) as Stored;
      return stored.version === this.version ? stored : undefined;
    } catch {
      return undefined; // none yet, or unreadable: computed afresh
    }
  }

  features(input: FeatureInput): Features {
    const key = this.featureKey(input);
    const kept = this.kept.features[key];
    if (kept) {
      this.hits.features++;
      this.used.features[key] = kept;
      return reviveFeatures(kept);
    }
    this.misses.features++;
    const f = this.computing.features(input);
    const stored = storeFeatures(f);
    if (survivesJson(stored)) this.used.features[key] = stored;
    return f;
  }

  /** Reads together the features of the documents not kept; `features` then gives them out as it would have read them. */
  prepareFeatures(inputs: readonly FeatureInput[]): void {
    this.computing.prepareFeatures(inputs.filter((input) => !this.kept.features[this.featureKey(input)]));
  }

  private featureKey(input: FeatureInput): string {
    let key = this.featureKeys.get(input);
    if (key === undefined) {
      const { id, lang, paragraphs, extra, boilerplate } = input;
      const flags = [...paragraphs, ...extra].map((p) => (boilerplate.has(p) ? "1" : "0")).join("");
      this.featureKeys.set(input, (key = sha(id, lang, flags, ...paragraphs, "\u0001", ...extra)));
    }
    return key;
  }

  align(a: readonly Sentence[], b: readonly Sentence[]): Alignment {
    const key = this.sequenceKey(a) + this.sequenceKey(b);
    const kept = this.kept.alignments[key];
    if (kept) {
      this.hits.alignments++;
      this.used.alignments[key] = kept;
      return reviveAlignment(kept);
    }
    this.misses.alignments++;
    const alignment = this.computing.align(a, b);
    this.used.alignments[key] = storeAlignment(alignment);
    return alignment;
  }

  /** Aligns together the pairs neither kept nor aligned yet; `align` then gives them out as it would have aligned them. */
  prepareAlignments(pairs: readonly SentencePair[]): void {
    this.computing.prepareAlignments(
      pairs.filter(([a, b]) => {
        const key = this.sequenceKey(a) + this.sequenceKey(b);
        return !this.kept.alignments[key] && !this.used.alignments[key];
      }),
    );
  }

  private sequenceKey(xs: readonly Sentence[]): string {
    let key = this.sequenceKeys.get(xs);
    if (key === undefined) this.sequenceKeys.set(xs, (key = sha(xs.map((s) => `${s.length}${s.endsParagraph ? "." : ""}`).join(" ")).slice(0, 32)));
    return key;
  }

  /** Keeps what this build used, for the next one. */
  save(): void {
    try {
      writeWhole(this.file, JSON.stringify(this.used));
    } catch {
      // A full disk or a read-only cache costs the next build time, not this build its site.
    }
  }
}
