/**
 * Cheap candidate selection, so the full alignment runs on a few pairs per document instead of
 * all pairs: documents are sorted by sentence count and each is compared by a fingerprint (where
 * its length falls, and the rhythm of its opening sentences) only with a capped window of
 * neighbours of similar length in other languages; documents that share a rare token are
 * candidates too. Linear in the number of documents, with the window as the constant.
 */
import type { Features } from "./features.ts";
import { entry } from "../maps.ts";
import { computeShared, type ShareOptions } from "../shared-work.ts";

/** Candidates kept per document, best fingerprint first. */
const PER_DOCUMENT = 4;
const PARAGRAPHS_AGREE = 0.1;
const PARAGRAPH_LIKENESS = 0.25;
/** Fewer by paragraphs: they only catch what sentence splits missed. */
const PER_DOCUMENT_BY_PARAGRAPHS = 2;
/** Neighbours looked at on each side in sentence-count order: a cap that keeps the work linear. */
const WINDOW = 400;
/** A token in more documents than this is not rare. */
const RARE_DF = 12;

export type Pair = [number, number];

/** The k nearest seen so far, by distance then index: no sorting of the whole window. */
class Nearest {
  private readonly js: number[] = [];
  private readonly ds: number[] = [];
  constructor(private readonly k: number) {}
  offer(j: number, d: number): void {
    const n = this.js.length;
    const lastD = this.ds[n - 1] ?? Infinity,
      lastJ = this.js[n - 1] ?? Infinity;
    if (n === this.k && (d > lastD || (d === lastD && j > lastJ))) return;
    let at = n;
    while (at > 0 && ((this.ds[at - 1] ?? 0) > d || (this.ds[at - 1] === d && (this.js[at - 1] ?? 0) > j))) at--;
    this.js.splice(at, 0, j);
    this.ds.splice(at, 0, d);
    if (this.js.length > this.k) {
      this.js.pop();
      this.ds.pop();
    }
  }
  items(): readonly number[] {
    return this.js;
  }
}

export type Units = "sentences" | "blocks";

/** Unit counts close enough for two texts to be translations: −25%/+34%, the same either way round. */
const withinWindow = (a: number, b: number) => b / a >= 0.75 && b / a <= 1.34;

/**
 * The documents as the shape search reads them, in flat arrays: the search makes millions of
 * comparisons at 10,000 documents, and reading numbers from typed arrays instead of objects
 * makes it several times faster. Distances are summed in the same order, so they are the same
 * numbers to the last bit.
 */
export interface Shapes {
  /** Unit count, at least 1. */
  count: Float64Array;
  /** Unit count as is (0 for none): what the log-ratio reads. */
  raw: Float64Array;
  /** Sentence count, at least 1: the paragraph search skips pairs the sentences' search sees. */
  sentences: Float64Array;
  lang: Int32Array;
  profile: Float64Array;
  profileLength: Int32Array;
  opening: Float64Array;
  openingLength: Int32Array;
}

/** Cumulative shares per fingerprint (lengthProfile pads to 9) and opening sentences (features' OPENING), at most. */
const PROFILE = 9;
const OPENING = 12;

function shapesOf(docs: readonly Features[], units: Units): Shapes {
  const n = docs.length;
  const langs = new Map<string, number>();
  const shapes: Shapes = {
    count: new Float64Array(n),
    raw: new Float64Array(n),
    sentences: new Float64Array(n),
    lang: new Int32Array(n),
    profile: new Float64Array(n * PROFILE),
    profileLength: new Int32Array(n),
    opening: new Float64Array(n * OPENING),
    openingLength: new Int32Array(n),
  };
  docs.forEach((doc, i) => {
    shapes.raw[i] = doc[units].length;
    shapes.count[i] = Math.max(1, doc[units].length);
    shapes.sentences[i] = Math.max(1, doc.sentences.length);
    shapes.lang[i] = entry(langs, doc.lang, () => langs.size);
    const profile = (units === "sentences" ? doc.profile : doc.blockProfile).slice(0, PROFILE);
    shapes.profile.set(profile, i * PROFILE);
    shapes.profileLength[i] = profile.length;
    const opening = doc.opening.slice(0, OPENING);
    shapes.opening.set(opening, i * OPENING);
    shapes.openingLength[i] = opening.length;
  });
  return shapes;
}

/** Unit count, where the length falls, and (for sentences) the rhythm of the opening sentences. */
function fingerprintDistance(s: Shapes, a: number, b: number, units: Units): number {
  let d = Math.abs(Math.log((s.raw[a] ?? 0) / (s.raw[b] ?? 0))) * 2;
  // Profiles of unequal length read a missing share as 0, as the objects' arrays did.
  const pa = a * PROFILE,
    pb = b * PROFILE,
    la = s.profileLength[a] ?? 0,
    lb = s.profileLength[b] ?? 0;
  for (let k = 0; k < la; k++) d += Math.abs((s.profile[pa + k] ?? 0) - (k < lb ? (s.profile[pb + k] ?? 0) : 0));
  if (units === "blocks") return d;
  const n = Math.min(s.openingLength[a] ?? 0, s.openingLength[b] ?? 0);
  const oa = a * OPENING,
    ob = b * OPENING;
  let rhythm = 0;
  for (let k = 0; k < n; k++) rhythm += Math.abs((s.opening[oa + k] ?? 0) - (s.opening[ob + k] ?? 0));
  return d + (n ? rhythm / n : 0);
}

/** What the walks read: the documents' shapes laid out in unit-count order, and which to walk from. */
export interface WalkContext {
  units: Units;
  shapes: Shapes;
  /** The document at each position of that order. */
  order: Int32Array;
  /** 1 at the positions to walk from. */
  from: Uint8Array;
  languages: number;
  /** Whether each other language's nearest are wanted too (by sentences). */
  inEachLanguage: boolean;
}

/** One position's walk: its nearest documents, and each other language's first and second (empty unless asked); null where it is not walked from. */
export type Walk = [near: number[], first: number[], second: number[]] | null;

/** Positions walked in one item of shared work: one message each way per many walks. */
const WALKS_PER_ITEM = 64;

/** Below this many items (about 3,200 documents' walks by each unit), a worker costs more than it saves. */
const MIN_SHARED_ITEMS = 100;

/** The walks by sentences (every document, and its nearest in each language) and by paragraphs (those tokens cannot place). */
export type WalkContexts = Record<Units, WalkContext>;

/** An item of shared work: the walks by `units` from WALKS_PER_ITEM positions on from `start`. */
type WalkItem = [units: Units, start: number];

/** An item's walks, from its first position on. */
interface Walked {
  units: Units;
  start: number;
  walks: Walk[];
}

/** What both threads run: the walks of an item. */
export function walksOf(contexts: WalkContexts): (item: WalkItem) => Walked {
  const byUnits = { sentences: walks(contexts.sentences), blocks: walks(contexts.blocks) };
  return ([units, start]) => ({ units, start, walks: byUnits[units](start) });
}

/** Outwards in unit-count order from each position, until the counts differ too much or the window ends. */
function walks(c: WalkContext): (start: number) => Walk[] {
  const { shapes: s, order, units } = c;
  const { count: counts, lang: langs, sentences } = s;
  const walk = (position: number): Walk => {
    if (!c.from[position]) return null;
    const count = counts[position] ?? 1,
      lang = langs[position];
    const near = new Nearest(units === "sentences" ? PER_DOCUMENT : PER_DOCUMENT_BY_PARAGRAPHS);
    // Each other language's nearest, by the order languages are first met: the order Map kept.
    const byLanguage: (Nearest | undefined)[] = Array.from({ length: c.languages }, () => undefined);
    const met: number[] = [];
    /** The document at position p of the walk. */
    const visit = (p: number): void => {
      const other = langs[p] ?? 0;
      if (other === lang) return;
      // By paragraphs, only the pairs that sentence counts kept apart while their paragraph counts
      // agree (within 10%, as score.ts asks before it aligns paragraphs): the rest are the sentences' to find.
      if (units === "blocks" && (withinWindow(sentences[position] ?? 1, sentences[p] ?? 1) || Math.abs(Math.log((counts[p] ?? 1) / count)) > PARAGRAPHS_AGREE)) return;
      const d = fingerprintDistance(s, position, p, units);
      const j = order[p] ?? 0;
      // By paragraphs, only a close likeness: paragraph counts agree by chance far more often than sentence counts.
      if (units === "sentences" || d <= PARAGRAPH_LIKENESS) near.offer(j, d);
      if (c.inEachLanguage) {
        let nearest = byLanguage[other];
        if (!nearest) {
          byLanguage[other] = nearest = new Nearest(2);
          met.push(other);
        }
        nearest.offer(j, d);
      }
    };
    for (let p = position - 1, seen = 0; p >= 0 && seen < WINDOW && withinWindow(count, counts[p] ?? 1); p--, seen++) visit(p);
    for (let p = position + 1, seen = 0; p < order.length && seen < WINDOW && withinWindow(count, counts[p] ?? 1); p++, seen++) visit(p);
    const ranked = met.map((l) => byLanguage[l]?.items() ?? []);
    return [[...near.items()], ranked.flatMap((js) => js.slice(0, 1)), ranked.flatMap((js) => js.slice(1, 2))];
  };
  return (start) => Array.from({ length: Math.min(WALKS_PER_ITEM, order.length - start) }, (_, k) => walk(start + k));
}

/** The walks' context by `units`, from the documents for which `from` is true. */
function walkContext(docs: readonly Features[], units: Units, from: (i: number) => boolean, inEachLanguage: boolean): WalkContext {
  const unitCount = (doc: Features | undefined) => Math.max(1, doc?.[units].length ?? 0);
  const order = Int32Array.from(docs.keys()).sort((x, y) => unitCount(docs[x]) - unitCount(docs[y]) || x - y);
  // Laid out in that order, so the walk reads its neighbours from consecutive memory.
  const shapes = shapesOf(
    Array.from(order, (i) => docs[i]).filter((d) => d !== undefined),
    units,
  );
  return { units, shapes, order, from: Uint8Array.from(order, (i) => (from(i) ? 1 : 0)), languages: new Set(shapes.lang).size, inEachLanguage };
}

/**
 * Each document's nearest neighbours in other languages by fingerprint, among documents of about
 * as many units (the walks): by sentences for every document, with its nearest in each other
 * language (`inEachLanguage`); by paragraphs for those `byParagraphs` names. The walks are most of
 * candidate selection's time, and run on both cores when there are many (shared-work.ts).
 */
function nearestByShape(docs: readonly Features[], add: (i: number, j: number) => void, share: ShareOptions, byParagraphs: (i: number) => boolean, inEachLanguage: [number[], number[]][]): void {
  const contexts: WalkContexts = { sentences: walkContext(docs, "sentences", () => true, true), blocks: walkContext(docs, "blocks", byParagraphs, false) };
  const items = (["sentences", "blocks"] as const).flatMap((units) => Array.from({ length: Math.ceil(docs.length / WALKS_PER_ITEM) }, (_, k): WalkItem => [units, k * WALKS_PER_ITEM]));
  const { results } = computeShared(new URL("./candidates-worker", import.meta.url), import.meta.url, items, walksOf(contexts), { minItems: MIN_SHARED_ITEMS, ...share, context: contexts });
  for (const { units, start, walks } of results) {
    walks.forEach((walk, n) => {
      const i = contexts[units].order[start + n] ?? 0;
      if (!walk) return;
      const [near, first, second] = walk;
      for (const j of near) add(i, j);
      if (contexts[units].inEachLanguage) inEachLanguage[i] = [first, second];
    });
  }
}

export interface Candidates {
  /** Pairs (i < j) of indices into the documents, in different languages, worth a full alignment. */
  pairs: Pair[];
  /**
   * Each document's nearest by sentence shape in each other language, for a second look: the
   * nearest few overall can all be members of its own group in other languages (a page in thirty
   * languages), and the rest of the group is found language by language. Not aligned for every
   * document: one with no translation would meet a stranger in every language (groupTranslations).
   */
  inEachLanguage: number[][];
  /** The second nearest in each other language, for short documents: their shape singles out less. */
  nextInEachLanguage: number[][];
}

/** @param share how the walks are shared with a worker (shared-work.ts): tests ask for it with few documents */
export function candidatePairs(docs: readonly Features[], documentFrequency: ReadonlyMap<string, number>, share: ShareOptions = {}): Candidates {
  const pairs = new Set<number>();
  const key = (i: number, j: number) => (i < j ? i * docs.length + j : j * docs.length + i);
  const add = (i: number, j: number) => pairs.add(key(i, j));
  const inEachLanguage = docs.map((): [number[], number[]] => [[], []]);

  // Shared rare tokens: an inverted index, so only documents that share one meet.
  const holders = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    for (const t of doc.anchors) {
      const df = documentFrequency.get(t) ?? 0;
      if (df >= 2 && df <= RARE_DF) entry(holders, t, () => []).push(i);
    }
  });
  for (const members of holders.values()) {
    members.forEach((x, k) => {
      for (const y of members.slice(k + 1)) if (docs[x]?.lang !== docs[y]?.lang) pairs.add(key(x, y));
    });
  }
  const signed = bySignature(docs, documentFrequency, add);
  // Sentence splits can disagree between languages where paragraphs do not: documents that
  // tokens cannot place (no signature) are also looked for by paragraph shape.
  nearestByShape(docs, add, share, (i) => !signed[i], inEachLanguage);
  return {
    pairs: [...pairs].sort((p, q) => p - q).map((k): Pair => [Math.floor(k / docs.length), k % docs.length]),
    inEachLanguage: inEachLanguage.map(([first]) => first),
    nextInEachLanguage: inEachLanguage.map(([, second]) => second),
  };
}

/** Tokens a document is known by: its rarest ones, in at most SIGNATURE_DF documents. */
const SIGNATURE = 8;
const SIGNATURE_DF = 60;
/** Partners kept per document: those holding the most of its signature, at least two tokens of it. */
const SIGNATURE_PARTNERS = 4;

/**
 * Candidates by what documents are known by, whatever their shape: each document meets the few
 * that hold most of its rarest tokens. Bounded work: SIGNATURE tokens × SIGNATURE_DF holders each.
 * Says which documents have a signature (two such tokens or more).
 */
function bySignature(docs: readonly Features[], df: ReadonlyMap<string, number>, add: (i: number, j: number) => void): boolean[] {
  const holders = new Map<string, number[]>();
  const signatures = docs.map((doc, i) => {
    const eligible = [...doc.anchors].filter((t) => {
      const n = df.get(t) ?? 0;
      return n >= 2 && n <= SIGNATURE_DF;
    });
    for (const t of eligible) entry(holders, t, () => []).push(i);
    return eligible.sort((x, y) => (df.get(x) ?? 0) - (df.get(y) ?? 0) || (x < y ? -1 : x > y ? 1 : 0)).slice(0, SIGNATURE);
  });
  signatures.forEach((signature, i) => {
    const shared = new Map<number, number>();
    const lang = docs[i]?.lang;
    for (const t of signature) for (const j of holders.get(t) ?? []) if (docs[j]?.lang !== lang) shared.set(j, (shared.get(j) ?? 0) + 1);
    const best = [...shared]
      .filter(([, n]) => n >= 2)
      .sort(([x, a], [y, b]) => b - a || x - y)
      .slice(0, SIGNATURE_PARTNERS);
    for (const [j] of best) add(i, j);
  });
  return signatures.map((signature) => signature.length >= 2);
}
