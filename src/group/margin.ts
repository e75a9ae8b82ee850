/**
 * Relative decisions: a pair that each side prefers, by a clear margin, over every other document
 * of the same language is a translation even at a modest absolute score (a partial or older
 * translation, a text with little shape); a pair barely better than its alternatives is not. A
 * margin counts only when shared tokens back it: the shape of two texts alone can single out a
 * stranger of about the same length when the true partner is not in the collection.
 */
import { pairKey } from "./cluster.ts";

/** `corroborated`: both kinds of evidence (shape and shared tokens) say something, not one alone. */
export type Edge = { i: number; j: number; score: number; corroborated: boolean };

/** A pair must reach this score at all before its margin can speak for it. */
export const RELATIVE_MIN = 0.2;
/** How far a pair must stand above each side's next-best document in the other's language. */
export const DECISIVE_MARGIN = 0.15;

export interface Margins {
  /** Pair key → score minus the best alternative of either side in the other side's language. */
  margin: Map<string, number>;
  /** Pairs accepted on their margin: mutual best, clearly ahead, and above RELATIVE_MIN. */
  decisive: Set<string>;
}

export function margins(edges: readonly Edge[], langs: readonly string[]): Margins {
  // For each document and language: the best two scores and the document that holds the best.
  const top = new Map<string, { best: number; second: number; holder: number }>();
  const offer = (from: number, to: number, score: number) => {
    const key = `${from}|${langs[to]}`;
    const t = top.get(key);
    if (!t) top.set(key, { best: score, second: 0, holder: to });
    else if (score > t.best || (score === t.best && to < t.holder)) top.set(key, { best: score, second: t.best, holder: to });
    else if (score > t.second) t.second = score;
  };
  for (const e of edges) {
    offer(e.i, e.j, e.score);
    offer(e.j, e.i, e.score);
  }
  const margin = new Map<string, number>();
  const decisive = new Set<string>();
  for (const e of edges) {
    const a = top.get(`${e.i}|${langs[e.j]}`),
      b = top.get(`${e.j}|${langs[e.i]}`);
    if (!a || !b) continue;
    const rivalA = a.holder === e.j ? a.second : a.best;
    const rivalB = b.holder === e.i ? b.second : b.best;
    const m = Math.round((e.score - Math.max(rivalA, rivalB)) * 1000) / 1000;
    const k = pairKey(e.i, e.j);
    margin.set(k, m);
    if (e.corroborated && a.holder === e.j && b.holder === e.i && e.score >= RELATIVE_MIN && m >= DECISIVE_MARGIN) decisive.add(k);
  }
  return { margin, decisive };
}
