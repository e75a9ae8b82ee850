/**
 * Language detection from the text itself (see docs/language-detection.md). A document is judged
 * on its prose only — code, command lines, paths and URLs are set aside — passage by passage, so a
 * page that mixes languages is published under its main one and says how much of each it holds.
 * eld reads each passage and tinyld each language's passages together: eld knows languages
 * tinyld does not (Catalan, Croatian, Basque…); franc breaks a tie between the two, and with no
 * majority the answer is unsure, so a language none of them knows becomes a low-confidence
 * warning instead of a confident wrong answer.
 */
import { francAll } from "franc";
import { detectAll } from "tinyld";
import { baseLanguage, toBcp47, unknownLanguage } from "./codes.ts";
import { loadEld, type Eld } from "./eld-model.ts";
import { neighbourByLetters, neighbourByWords } from "./neighbours.ts";
import { withStandard } from "./written-standard.ts";
import { entry } from "../maps.ts";
import { perLanguage } from "../intl.ts";
import { countsOf, mainScript } from "./letters.ts";

export type LanguageShare = { lang: string; share: number };
export type Detection = {
  lang: string;
  confidence: number;
  lowConfidence: boolean;
  runnerUp?: string;
  /** Set when the prose is substantially in more than one language: each language's share, largest first. */
  mixed?: LanguageShare[];
};

/** Below this share of the detector's confidence, a result is reported for a human to check. */
export const LOW_CONFIDENCE = 0.5;
/** Fewer letters than this is too little text to trust any detector with. */
const MIN_LETTERS = 20;
/** A language holding at least this share of the prose makes the document mixed. */
const MIXED_SHARE = 0.15;
/**
 * Translations are mostly made from English, and a translation in progress leaves English
 * paragraphs behind; a document whose prose is at least this share in another language is that
 * language's, with English leftovers (an English article quoting a passage stays English).
 */
const LEFTOVER_SOURCE = "en";
const TRANSLATED_SHARE = 0.25;
/** Passages are read up to this many weighted letters; short ones join their neighbours. */
const PASSAGE = 300;
/** At most this many passages are read, spread over the document: a 5 MB file costs what a long article does. */
const MAX_PASSAGES = 12;
/** A line this heavy is a passage of its own; eld reads at most PASSAGE_READ characters of it. */
const SHORT_LINE = 80;
const PASSAGE_READ = 600;
/** tinyld reads at most this much of a language's passages: enough to decide, at a bounded cost. */
const SAMPLE_CHARS = 2000;

/** Han, kana and Hangul carry about a word a character or two: weighted so a passage's weight tracks its words. */
function weight(text: string): number {
  const { letters, dense } = countsOf(text);
  return letters + 2 * dense;
}

/** The script a line is mostly in, judged on its start: passages never mix two. */
function scriptOf(text: string): string {
  return mainScript(text, 200);
}

/** A token that is code, not language: a path, an option, an address, an identifier, a number. */
const CODE_TOKEN = /[/\\_=<>{}[\]|$@#~`*^]|:\/\/|\p{L}\d|\d\p{L}|^--?\p{L}|^\d|\.\p{L}+\./u;
/** A word of a spaced script: two letters or more. */
const WORD = /\p{L}[\p{L}\p{M}]+/gu;

/** Whether `pattern` (global) matches at least `n` times in `text`, stopping once it has. */
function atLeast(pattern: RegExp, text: string, n: number): boolean {
  let found = 0;
  for (pattern.lastIndex = 0; found < n && pattern.exec(text);) found++;
  return found >= n;
}

/** The text read for the language: all of it up to this length, else evenly spaced windows. */
const READ_CHARS = 12_000;
const WINDOWS = 6;

/**
 * Windows spread over a long text, each starting and ending on a line break where one is near
 * (within a window's length), else where the window falls: a text of one long line is read in
 * windows too, not whole six times over.
 */
function sampled(text: string): string {
  if (text.length <= READ_CHARS) return text;
  const size = READ_CHARS / WINDOWS;
  const out: string[] = [];
  for (let k = 0; k < WINDOWS; k++) {
    const from = Math.floor((k * (text.length - size)) / (WINDOWS - 1));
    const back = text.slice(Math.max(0, from - size), from + 1).lastIndexOf("\n");
    const start = back < 0 ? (from <= size ? 0 : from) : Math.max(0, from - size) + back + 1;
    const ahead = text.indexOf("\n", from + size);
    out.push(text.slice(start, Math.min(ahead < 0 ? text.length : ahead, start + 2 * size)));
  }
  return out.join("\n");
}

/**
 * The prose of a text, line by line: code-looking lines dropped, code-looking tokens taken out.
 * A line is prose when most of what it holds is letters and a few words are left once the code is out.
 */
export function proseLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of sampled(text).split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    // Marks count with letters: Tamil or Hindi vowel signs are marks.
    const { lettersAndMarks, visible } = countsOf(line);
    if (lettersAndMarks < 0.6 * visible) continue; // commands, tables of numbers, configuration
    if (/^[$#%>]\s|[;{]\s*$|^\w+\s*=\s/u.test(line)) continue; // a prompt, a statement, an assignment
    const words = line
      .split(/\s+/)
      .filter((token) => !CODE_TOKEN.test(token))
      .join(" ");
    // Spaced scripts need a few words; a run of Han or kana is a sentence on its own.
    if (atLeast(WORD, words, 3) || countsOf(words).dense >= 6) out.push(words);
  }
  return out;
}

/**
 * Passages to judge: each paragraph of some length on its own — a page whose translators left
 * some paragraphs in English alternates languages from one paragraph to the next, and a passage
 * that joined two would be read as one of them — and runs of short lines (headings, list items)
 * of one script joined until long enough to judge.
 */
function passages(lines: readonly string[]): { text: string; weight: number; script: string }[] {
  const out: { text: string; weight: number; script: string }[] = [];
  let run: { text: string; weight: number; script: string } | undefined;
  for (const line of lines) {
    const script = scriptOf(line);
    const w = weight(line);
    if (w >= SHORT_LINE) {
      out.push({ text: line.slice(0, PASSAGE_READ), weight: w, script });
      continue;
    }
    if (run && run.script === script && run.weight < PASSAGE) {
      run.text += "\n" + line;
      run.weight += w;
    } else out.push((run = { text: line, weight: w, script }));
  }
  if (out.length <= MAX_PASSAGES) return out;
  const step = out.length / MAX_PASSAGES;
  // Every index is in range; the filter only tells the type so.
  return Array.from({ length: MAX_PASSAGES }, (_, k) => out[Math.floor(k * step)]).filter((p) => p !== undefined);
}

type Ranked = { lang: string; accuracy: number }[];

/** What eld's bucket and franc say when they have no answer: not a language to publish in. */
const UNDETERMINED = "und";

/** Whether a code names a language a page can be published in: tinyld also answers "ber", the Berber family. */
const publishable = perLanguage((lang: string) => lang !== UNDETERMINED && unknownLanguage(lang) === undefined);

function tinyld(text: string): Ranked {
  return detectAll(text).flatMap((r) => {
    const lang = toBcp47(r.lang);
    return lang && publishable(lang) ? [{ lang, accuracy: r.accuracy }] : [];
  });
}

let eld: Eld | undefined;
/** eld's small model, loaded on first use (cached detections skip it). */
function eldDetect(text: string): { lang: string; reliable: boolean } | undefined {
  eld ??= loadEld();
  const r = eld.detect(text);
  const lang = r.language ? toBcp47(r.language) : undefined;
  return lang ? { lang, reliable: r.isReliable() } : undefined;
}

/** Languages tinyld can name: eld is believed outright on the others. */
const TINYLD_KNOWS = new Set([
  "af",
  "am",
  "ber",
  "rn",
  "ja",
  "zh",
  "ko",
  "my",
  "th",
  "vi",
  "id",
  "km",
  "tl",
  "bn",
  "ta",
  "hi",
  "ur",
  "gu",
  "kn",
  "te",
  "fr",
  "en",
  "de",
  "es",
  "pt",
  "it",
  "nl",
  "ga",
  "la",
  "cs",
  "sr",
  "el",
  "mk",
  "sk",
  "da",
  "sv",
  "fi",
  "nb",
  "no",
  "is",
  "hu",
  "ro",
  "bg",
  "be",
  "ru",
  "uk",
  "pl",
  "lt",
  "et",
  "lv",
  "hy",
  "tr",
  "he",
  "yi",
  "ar",
  "fa",
  "tt",
  "kk",
  "mn",
  "tk",
  "eo",
  "vo",
  "tlh",
]);

/** Languages eld's small model can name (its data's `languages`, held to it by a test). */
export const ELD_KNOWS = new Set(
  "am ar az be bg bn ca cs da de el en es et eu fa fi fr gu he hi hr hu hy is it ja ka kn ko ku lo lt lv ml mr ms nl no or pa pl pt ro ru sk sl sq sr sv ta te th tl tr uk ur vi yo zh".split(" "),
);

/** How far franc's first choice must stand above its second (its scores run 0–1, the first at 1) to name a language the other two cannot. */
const FRANC_CLEAR = 0.01;

/**
 * Scripts that one language writes nearly alone, for a text no detector can name: a page in
 * Cherokee syllabary is Cherokee. (Only scripts the detectors may not know; the rest they name.)
 */
const SCRIPT_LANGUAGES: readonly (readonly [lang: string, letters: RegExp])[] = [
  ["chr", /\p{Script=Cherokee}/gu],
  ["bo", /\p{Script=Tibetan}/gu],
  ["dv", /\p{Script=Thaana}/gu],
  ["si", /\p{Script=Sinhala}/gu],
  ["sat", /\p{Script=Ol_Chiki}/gu],
  ["nqo", /\p{Script=Nko}/gu],
  ["vai", /\p{Script=Vai}/gu],
  ["ii", /\p{Script=Yi}/gu],
  ["zgh", /\p{Script=Tifinagh}/gu],
  ["iu", /\p{Script=Canadian_Aboriginal}/gu],
];
/** Letters of one script it takes to name a language by it. */
const SCRIPT_LETTERS = 10;

/** The language a text's script names, when most of its letters are in one of SCRIPT_LANGUAGES. */
function languageOfScript(text: string): string | undefined {
  const sample = text.slice(0, SAMPLE_CHARS);
  const { letters } = countsOf(sample);
  for (const [lang, script] of SCRIPT_LANGUAGES) {
    const n = (sample.match(script) ?? []).length;
    if (n >= SCRIPT_LETTERS && n >= letters / 2) return lang;
  }
  return undefined;
}

/** tinyld's accuracy (0–1) from which franc does not overrule it. */
const TINYLD_SURE = 0.9;

/** Whether eld or tinyld can name a language: franc knows three times as many. */
const eitherKnows = (lang: string) => ELD_KNOWS.has(baseLanguage(lang)) || TINYLD_KNOWS.has(baseLanguage(lang));

/** Languages one detector names and the other reads as a close neighbour: neither is wrong about the other. */
const NEIGHBOURS: Readonly<Record<string, string>> = { id: "ms", ms: "id" };

/**
 * The language of passages that eld read as one: tinyld reads them together (it is the better
 * judge where both know the language, and slow on short texts, so it reads each bucket once).
 * eld is believed on a language tinyld cannot name (Catalan); otherwise tinyld's answer stands,
 * unsure when the two disagree.
 */
function bucketLanguage(eldLang: string, reliable: boolean, text: string): { lang: string; sure: boolean } {
  const found = byDetectors(eldLang, reliable, text);
  return { ...found, lang: withStandard(closeNeighbour(found.lang, text), text) };
}

/**
 * Languages neither detector can name, which they read as a close neighbour, and the ISO 639-3
 * codes franc (which knows them) chooses among: Galician, read as Portuguese or Spanish. franc's
 * scores sit close together (1 for the best), so the unnamed language must be this far ahead — as
 * Galician pages are in the real corpora (0.013–0.09), and as a Portuguese page of table cells
 * (0.007) is not. (franc is no judge of Indonesian against Malay: it says Malay for most
 * Indonesian pages.)
 */
const CLOSE_NEIGHBOURS: Readonly<Record<string, { choices: readonly string[]; margin: number }>> = {
  pt: { choices: ["por", "glg"], margin: 0.01 },
  es: { choices: ["spa", "glg"], margin: 0.01 },
};
/** Lines that vote on a close neighbour, at most, and how far the neighbour must outweigh the rest. */
const MAX_VOTES = 40;
const LINE_MAJORITY = 2;
/** The language the detectors named, or the close neighbour the text shows it to be. */
function closeNeighbour(lang: string, text: string): string {
  const own = neighbourByLetters(lang, text) ?? neighbourByWords(lang, text);
  if (own) return own;
  const close = CLOSE_NEIGHBOURS[baseLanguage(lang)];
  if (!close) return lang;
  const only = [...close.choices];
  const scores = francAll(text.slice(0, SAMPLE_CHARS), { minLength: 10, only });
  const [best, score = 0] = scores[0] ?? [];
  const answer = best === undefined ? undefined : toBcp47(best);
  if (!answer || sameLanguage(answer, lang)) return lang;
  const named = scores.find(([code]) => sameLanguage(toBcp47(code) ?? code, lang))?.[1] ?? 0;
  if (score - named < close.margin) return lang;
  // And line by line, weighted by length, it must win twice over: a page of table cells ("folha
  // de cálculo") is too thin for the whole to tell, and its lines split.
  const votes = new Map<string, number>();
  for (const line of text.split("\n").slice(0, MAX_VOTES)) {
    const top = francAll(line, { minLength: 10, only })[0]?.[0];
    if (top) votes.set(top, (votes.get(top) ?? 0) + weight(line));
  }
  const against = Math.max(0, ...[...votes].filter(([code]) => code !== best).map(([, n]) => n));
  return (votes.get(best ?? "") ?? 0) > LINE_MAJORITY * against ? answer : lang;
}

/** What eld and tinyld (and franc, to break a tie) say of a bucket of passages. */
function byDetectors(eldLang: string, reliable: boolean, text: string): { lang: string; sure: boolean } {
  const ranked = tinyld(text.slice(0, SAMPLE_CHARS));
  const t = ranked[0]?.lang;
  if (t && (sameLanguage(t, eldLang) || NEIGHBOURS[baseLanguage(t)] === baseLanguage(eldLang))) return { lang: t, sure: true };
  if (reliable && !TINYLD_KNOWS.has(baseLanguage(eldLang))) {
    // eld has no Indonesian and says Malay: when tinyld sees Indonesian at all (after English
    // loanwords, say), that is the answer.
    const neighbour = NEIGHBOURS[baseLanguage(eldLang)];
    const seen = neighbour ? ranked.slice(0, 3).find((r) => r.lang === neighbour) : undefined;
    return { lang: seen?.lang ?? eldLang, sure: true };
  }
  // Two detectors that disagree on a language both know: franc, a third method (trigrams over
  // 187 languages), casts the deciding vote; with no majority the answer stays unsure.
  const [[top, best = 0] = [], [, next = 0] = []] = francAll(text.slice(0, SAMPLE_CHARS), { minLength: 10 });
  const code = top === undefined ? undefined : toBcp47(top);
  const f = code !== undefined && publishable(code) ? code : undefined;
  const agrees = (x: string | undefined, y: string) => x !== undefined && (sameLanguage(x, y) || NEIGHBOURS[baseLanguage(x)] === baseLanguage(y));
  if (f && agrees(f, eldLang)) return { lang: eldLang, sure: true };
  if (t && f && agrees(f, t)) return { lang: t, sure: true };
  // A language neither of the two can name (Luganda, Tibetan) leaves each guessing its own way:
  // franc, which knows it, is the better guess when it stands clear of its own next choice and
  // tinyld is not sure of its own (tinyld names Irish at 1.0 where franc says Scots).
  const tinyldSure = (ranked[0]?.accuracy ?? 0) >= TINYLD_SURE;
  if (f && !eitherKnows(f) && !tinyldSure && best - next >= FRANC_CLEAR) return { lang: f, sure: false };
  // None of the three has an answer (Cherokee): the language its script is written in, if one is.
  return { lang: t ?? f ?? (eldLang !== UNDETERMINED ? eldLang : (languageOfScript(text) ?? "")), sure: false };
}

/** A bucket's text for tinyld: Latin words in text of another script (names, commands) would sway it, so they go. */
function bucketText(b: { weight: number; latin: number; texts: string[] }): string {
  const text = b.texts.join("\n");
  return b.latin >= b.weight / 2 ? text : text.replace(/\p{Script=Latin}+/gu, " ");
}

/** Norwegian is written `no` by one detector and `nb` by the other. */
export function sameLanguage(a: string, b: string): boolean {
  const norwegian = (x: string) => (["no", "nb", "nn"].includes(x) ? "no" : x);
  return norwegian(baseLanguage(a)) === norwegian(baseLanguage(b));
}

/** Too little prose to judge (a name, a few words): tinyld's guess, flagged for a human to check. */
function guess(text: string): Detection | undefined {
  // Digits and symbols say nothing about a language, nor does one long run of letters (base64).
  if (!/(?:^|[\s(«"“„])\p{L}[\p{L}\p{M}'’-]{1,29}(?=[\s.,;:!?)»"”]|$)/u.test(text.slice(0, 4000))) return undefined;
  const top = tinyld(text.slice(0, 4000))[0];
  return top ? { lang: top.lang, confidence: 0, lowConfidence: true } : undefined;
}

/** Detects the language of `text`; undefined when there is no prose to judge. */
export function detectLanguage(text: string): Detection | undefined {
  const lines = proseLines(text);
  const parts = passages(lines);
  const total = parts.reduce((s, p) => s + p.weight, 0);
  if (total === 0) return guess(text);

  // eld reads every passage (it is quick on short texts); passages are then judged by the bucket.
  const buckets = new Map<string, { weight: number; reliable: number; latin: number; texts: string[] }>();
  for (const p of parts) {
    const e = eldDetect(p.text);
    const key = e?.lang ?? UNDETERMINED;
    const b = entry(buckets, key, () => ({ weight: 0, reliable: 0, latin: 0, texts: [] }));
    b.weight += p.weight;
    if (e?.reliable) b.reliable += p.weight;
    if (p.script === "Latn") b.latin += p.weight;
    b.texts.push(p.text);
  }
  const votes = new Map<string, { weight: number; sure: number }>();
  const ordered = [...buckets].sort(([x, a], [y, b]) => b.weight - a.weight || (x < y ? -1 : 1));
  for (const [eldLang, b] of ordered) {
    // A bucket too small to make the document mixed is not worth tinyld's time: it joins the largest.
    const found = b.weight < (MIXED_SHARE / 2) * total && ordered[0]?.[0] !== eldLang ? { lang: "", sure: false } : bucketLanguage(eldLang, b.reliable >= b.weight / 2, bucketText(b));
    const v = entry(votes, found.lang, () => ({ weight: 0, sure: 0 }));
    v.weight += b.weight;
    if (found.sure) v.sure += b.weight;
  }
  const scattered = votes.get("");
  votes.delete("");
  if (votes.size === 0) return undefined;
  // Scattered votes for a language that the whole of its passages would not be read as are noise
  // (a short English passage read as Dutch): they go to the language the rest is in.
  const ranked = [...votes].sort(([a, x], [b, y]) => y.weight - x.weight || (a < b ? -1 : 1));
  const firstLang = ranked[0]?.[0];
  const shares: LanguageShare[] = [];
  let unsure = 0;
  for (const [lang, v] of ranked) {
    const share = v.weight / total;
    if (lang !== firstLang && (share < MIXED_SHARE / 2 || v.sure / v.weight < 0.5)) {
      unsure += v.weight;
      continue;
    }
    shares.push({ lang, share });
  }
  const head = shares[0];
  if (!head) return undefined; // cannot happen: the first language always has a share
  head.share += (unsure + (scattered?.weight ?? 0)) / total;
  const other = shares.find((s) => s.lang !== head.lang && s.share >= MIXED_SHARE);
  const leftovers = sameLanguage(head.lang, LEFTOVER_SOURCE) && other && other.share >= TRANSLATED_SHARE;
  const main = leftovers ? other : head;
  const runnerUp = main === head ? (other ?? shares[1]) : head;
  const mainVotes = votes.get(main.lang) ?? { sure: 0, weight: 1 };
  const confidence = Math.round(Math.min(1, (mainVotes.sure / mainVotes.weight) * Math.min(1, main.share + (leftovers ? head.share : 0))) * 1000) / 1000;
  const letters = lines.reduce((sum, line) => sum + countsOf(line).letters, 0);
  return {
    lang: main.lang,
    confidence,
    lowConfidence: confidence < LOW_CONFIDENCE || letters < MIN_LETTERS,
    ...(runnerUp ? { runnerUp: runnerUp.lang } : {}),
    ...(other ? { mixed: shares.filter((s) => s.share >= MIXED_SHARE).map((s) => ({ lang: s.lang, share: Math.round(s.share * 100) / 100 })) } : {}),
  };
}
