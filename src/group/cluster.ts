/**
 * Translation groups from scored pairs, decided for the group and not pair by pair: pairs are taken
 * best first, and two groups merge only when no pair between them is declared "not translations",
 * their members fit each other on average, and they hold one document per language — where both
 * hold a few of the same languages, the document that fits the other group better claims the
 * place and the other is left alone.
 */
import { byCodePoint } from "../order.ts";
import { entry } from "../maps.ts";

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

/** Languages two groups may both hold and still merge, as a share of the smaller group: one in three. */
const RIVAL_SHARE = 1 / 3;
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
    .sort((x, y) => y.score - x.score || byCodePoint(names[x.i] ?? "", names[y.i] ?? "") || byCodePoint(names[x.j] ?? "", names[y.j] ?? ""));

  for (const { i, j } of edges) {
    const gi = groupOf[i] ?? i,
      gj = groupOf[j] ?? j;
    if (gi === gj) continue;
    const a = members.get(gi),
      b = members.get(gj);
    if (!a || !b) continue;
    const sides = withoutRivals(a, b);
    if (!sides) continue;
    const {
      kept: [keptA, keptB],
      evicted,
    } = sides;
    if (!mergeHolds(keptA, keptB)) continue;
    const merged = [...keptA, ...keptB];
    members.delete(gi);
    members.delete(gj);
    const key = merged[0] ?? gi;
    members.set(key, merged);
    for (const k of merged) groupOf[k] = key;
    for (const k of evicted) {
      members.set(k, [k]);
      groupOf[k] = k;
    }
  }
  adoptStrays({ ...input, groupOf, members, scoreOf });
  return [...members.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));

  /**
   * Two groups as they would merge, one document per language. Where both hold a language (a
   * text translated for Portugal and for Brazil, both read as `pt`), the document that fits the
   * other group better keeps the place and the other leaves — but only when such languages are
   * few beside the rest: two groups that share many are two different texts.
   */
  function withoutRivals(a: readonly number[], b: readonly number[]): { kept: [number[], number[]]; evicted: number[] } | undefined {
    const inB = new Map(b.map((k) => [langs[k], k]));
    const rivals = a.flatMap((x) => {
      const y = inB.get(langs[x]);
      return y === undefined ? [] : [[x, y] as const];
    });
    if (rivals.length === 0) return { kept: [[...a], [...b]], evicted: [] };
    if (rivals.length > Math.min(a.length, b.length) * RIVAL_SHARE) return undefined;
    const evicted = new Set<number>();
    for (const [x, y] of rivals) {
      const fitX = meanFit(x, b, y),
        fitY = meanFit(y, a, x);
      evicted.add(fitX > fitY || (fitX === fitY && byCodePoint(names[x] ?? "", names[y] ?? "") <= 0) ? y : x);
    }
    return { kept: [a.filter((k) => !evicted.has(k)), b.filter((k) => !evicted.has(k))], evicted: [...evicted].sort((p, q) => p - q) };
  }

  /** A document's mean score against a group's members but its rival. */
  function meanFit(k: number, group: readonly number[], rival: number): number {
    const others = group.filter((m) => m !== rival);
    return others.reduce((sum, m) => sum + (forbidden.has(pairKey(k, m)) ? 0 : scoreOf(k, m)), 0) / (others.length || 1);
  }

  /** Whether two groups' members fit each other well enough to be one group. */
  function mergeHolds(a: readonly number[], b: readonly number[]): boolean {
    let total = 0,
      weak = 0,
      withTokens = 0,
      ok = true;
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
    return ok && weak <= (many ? pairs * WEAK_SHARE : 0) && total / pairs >= threshold * relief;
  }
}

/** A group this large judges a stray by its mean: one pair of short texts says little, many say more. */
const ADOPT_GROUP = 8;
/** How far the stray's mean fit must stand above its next-best group, and above its language's next-best stray. */
const ADOPT_MARGIN = 0.15;

/**
 * A document left alone is taken into a group that lacks its language when it fits the group's
 * members on average nearly as a pair must (the same relief as a merge of many pairs), few pairs
 * fall under the floor, and it is the group's clear choice both ways: no other group fits it
 * nearly as well, and no other stray of its language fits that group nearly as well. Short pages
 * with no shared tokens (five sentences in twenty languages) are seldom a sure pair, but a page
 * that resembles all twenty translations of one page, and nothing else, is their translation.
 */
function adoptStrays(input: ClusterInput & { groupOf: number[]; members: Map<number, number[]>; scoreOf: ScoreFn }): void {
  const { langs, edges, forbidden, threshold, floor, groupOf, members, scoreOf } = input;
  const alone = (i: number) => (members.get(groupOf[i] ?? i)?.length ?? 0) === 1;
  // Each stray's candidate groups: those its compared pairs reach.
  const reach = new Map<number, Set<number>>();
  for (const e of edges) {
    if (e.score < floor) continue;
    for (const [x, y] of [
      [e.i, e.j],
      [e.j, e.i],
    ] as const) {
      if (!alone(x) || alone(y)) continue;
      entry(reach, x, () => new Set()).add(groupOf[y] ?? y);
    }
  }
  const fit = (i: number, g: number): number | undefined => {
    const group = members.get(g) ?? [];
    if (group.length < ADOPT_GROUP || group.some((k) => langs[k] === langs[i] || forbidden.has(pairKey(i, k)))) return undefined;
    let total = 0,
      weak = 0;
    for (const k of group) {
      const s = scoreOf(i, k);
      total += s;
      if (s < floor) weak++;
    }
    return weak > group.length * WEAK_SHARE ? undefined : total / group.length;
  };
  // Best group per stray, then each group's best stray per language: both must be clear.
  const offers = new Map<string, { i: number; mean: number; second: number }>();
  const strays = [...reach.keys()].sort((x, y) => x - y);
  const choice = new Map<number, { g: number; mean: number }>();
  for (const i of strays) {
    let best: { g: number; mean: number } | undefined,
      second = 0;
    for (const g of [...(reach.get(i) ?? [])].sort((x, y) => x - y)) {
      const mean = fit(i, g);
      if (mean === undefined) continue;
      if (!best || mean > best.mean) {
        second = best?.mean ?? 0;
        best = { g, mean };
      } else second = Math.max(second, mean);
    }
    if (best && best.mean >= threshold * GROUP_RELIEF && best.mean - second >= ADOPT_MARGIN) choice.set(i, best);
  }
  for (const i of strays) {
    const mine = choice.get(i);
    if (!mine) continue;
    const key = `${mine.g}|${langs[i]}`;
    const had = offers.get(key);
    if (!had) offers.set(key, { i, mean: mine.mean, second: 0 });
    else if (mine.mean > had.mean) offers.set(key, { i, mean: mine.mean, second: had.mean });
    else had.second = Math.max(had.second, mine.mean);
  }
  // Rivals that did not choose the group still compete for its place in their language.
  for (const i of strays) {
    for (const g of reach.get(i) ?? []) {
      const o = offers.get(`${g}|${langs[i]}`);
      if (o && o.i !== i && choice.get(i)?.g !== g) o.second = Math.max(o.second, fit(i, g) ?? 0);
    }
  }
  for (const [key, o] of [...offers].sort(([a], [b]) => byCodePoint(a, b))) {
    if (o.mean - o.second < ADOPT_MARGIN) continue;
    const g = Number(key.split("|")[0]);
    members.get(g)?.push(o.i);
    members.delete(groupOf[o.i] ?? o.i);
    groupOf[o.i] = g;
  }
}
