/**
 * Translation groups from scored pairs, decided for the group and not pair by pair: pairs are taken
 * best first, and two groups merge only when they share no language, no pair between them is
 * declared "not translations", and their members fit each other on average — so when two
 * documents in one language both look like a fit, the better one claims the place.
 */
import { byCodePoint } from "../order.ts";

export type ScoreFn = (i: number, j: number) => number;

export interface ClusterInput {
  langs: readonly string[];
  /** Candidate pairs with their scores (i < j). */
  edges: readonly { i: number; j: number; score: number }[];
  /** Pairs that must never share a group. */
  forbidden: ReadonlySet<string>;
  /** Scores any pair, for the members of two groups that were never compared directly. */
  score: ScoreFn;
  threshold: number;
  /** Whether shared tokens back a pair, beyond the shape of the two texts. */
  backed: (i: number, j: number) => boolean;
  /** Every pair across a merge must reach this, so one weak member cannot ride on a strong one. */
  floor: number;
  /** Tie-break names, so equal scores always meet in the same order. */
  names: readonly string[];
}

/** The share of a merge's pairs that may fall below the floor, when the rest carries it. */
const WEAK_SHARE = 0.25;
/** From this many pairs on, a merge is judged by the group: the mean may sit a little under the pair threshold. */
const MANY_PAIRS = 4;
const GROUP_RELIEF = 0.8;

export const pairKey = (i: number, j: number) => (i < j ? `${i}:${j}` : `${j}:${i}`);

export function cluster(input: ClusterInput): number[][] {
  const { langs, forbidden, score, threshold, floor, names, backed } = input;
  const groupOf = langs.map((_, i) => i);
  const members = new Map<number, number[]>(langs.map((_, i) => [i, [i]]));
  const cache = new Map<string, number>(input.edges.map((e) => [pairKey(e.i, e.j), e.score]));
  const scoreOf = (i: number, j: number) => {
    const k = pairKey(i, j);
    let s = cache.get(k);
    if (s === undefined) cache.set(k, (s = score(Math.min(i, j), Math.max(i, j))));
    return s;
  };

  const edges = input.edges
    .filter((e) => e.score >= threshold)
    .slice()
    .sort((x, y) => y.score - x.score || byCodePoint(names[x.i]!, names[y.i]!) || byCodePoint(names[x.j]!, names[y.j]!));

  for (const { i, j } of edges) {
    const gi = groupOf[i]!, gj = groupOf[j]!;
    if (gi === gj) continue;
    const a = members.get(gi)!, b = members.get(gj)!;
    const langsA = new Set(a.map((k) => langs[k]));
    if (b.some((k) => langsA.has(langs[k]))) continue; // one document per language
    let total = 0, weak = 0, withTokens = 0, ok = true;
    for (const x of a) {
      for (const y of b) {
        if (forbidden.has(pairKey(x, y))) ok = false;
        const s = ok ? scoreOf(x, y) : 0;
        if (s < floor) weak++;
        if (ok && backed(x, y)) withTokens++;
        total += s;
        if (!ok) break;
      }
      if (!ok) break;
    }
    const pairs = a.length * b.length;
    // Many pairs that mostly agree outvote one weak pair (a member whose paragraphs were cut
    // differently); a merge of few pairs needs every one. The mean may sit a little under the
    // threshold only where shared tokens back most pairs: shape alone finds chance look-alikes.
    const many = pairs >= MANY_PAIRS;
    const relief = many && withTokens * 2 >= pairs ? GROUP_RELIEF : 1;
    if (!ok || weak > (many ? pairs * WEAK_SHARE : 0) || total / pairs < threshold * relief) continue;
    const merged = [...a, ...b];
    members.set(gi, merged);
    members.delete(gj);
    for (const k of b) groupOf[k] = gi;
  }
  return [...members.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}
