/**
 * Counting the words one language writes and a neighbour does not, and the one rule for when they
 * decide: used to tell a written standard (written-standard.ts) and a neighbour the detectors take
 * a language for (neighbours.ts).
 */

/** How many of a text's words (a hyphenated one whole: palavra-passe; marks too: गर्नुहोस्) are in each of two lists. */
export function wordsOf(text: string, one: ReadonlySet<string>, other: ReadonlySet<string>): [number, number] {
  let a = 0,
    b = 0;
  for (const [word] of text.toLowerCase().matchAll(/[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)?/gu)) {
    if (one.has(word)) a++;
    else if (other.has(word)) b++;
  }
  return [a, b];
}

/** Whether a language's own words decide: two or more (one is chance), and three times the other's. */
export function outnumbers(mine: number, theirs: number): boolean {
  return mine >= 2 && mine >= 3 * theirs;
}
