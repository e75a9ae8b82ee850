/**
 * UI strings: one flat JSON per locale with dotted keys. English defines the keys; one schema makes
 * every locale carry every key (and the same {{placeholders}}). Page languages resolve through an
 * explicit chain — exact tag → base language → default — and every fallback is reported.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { z } from "zod";
import { baseLanguage, toBcp47 } from "../detect/codes.ts";
import { sourceFile } from "../settings.ts";

export const LOCALES_DIR = sourceFile("src/render/locales");
export const SOURCE_LOCALE = "en";

export type Dictionary = Record<string, string>;
export type Dictionaries = ReadonlyMap<string, Dictionary>;

const placeholders = (s: string) =>
  [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)]
    .map((m) => m[1])
    .sort()
    .join(",");

/** The schema every locale must satisfy, built from the source locale's keys. */
export function dictionarySchema(source: Dictionary) {
  const shape = Object.fromEntries(
    Object.entries(source).map(([key, english]) => [
      key,
      z
        .string()
        .trim()
        .min(1, "must not be empty")
        .refine((s) => placeholders(s) === placeholders(english), `must use the placeholders of "${english}"`),
    ]),
  );
  return z.strictObject(shape);
}

/** Loads and validates every locale file; problems name the file and the key. */
export function loadDictionaries(dir = LOCALES_DIR): { dictionaries: Map<string, Dictionary>; problems: string[] } {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const raw = new Map(files.map((f) => [basename(f, ".json"), JSON.parse(readFileSync(join(dir, f), "utf8")) as unknown]));
  const source = raw.get(SOURCE_LOCALE);
  const dictionaries = new Map<string, Dictionary>();
  const problems: string[] = [];
  if (!source || typeof source !== "object") return { dictionaries: new Map(), problems: [`${join(dir, SOURCE_LOCALE)}.json is missing`] };
  const keys = Object.keys(source);
  // Keys nest by their dots, so none may also be the start of another ("nav" beside "nav.skip").
  for (const key of keys) if (keys.some((other) => other.startsWith(`${key}.`))) problems.push(`${SOURCE_LOCALE}.json: key "${key}" is also a prefix of another key`);
  const schema = dictionarySchema(source as Dictionary);
  for (const [locale, data] of raw) {
    if (toBcp47(locale) !== locale) problems.push(`${locale}.json: "${locale}" is not a canonical BCP 47 tag`);
    const parsed = schema.safeParse(data);
    if (parsed.success) dictionaries.set(locale, parsed.data as Dictionary);
    else for (const issue of parsed.error.issues) problems.push(`${locale}.json: ${issue.path.join(".") || "keys"}: ${issue.message}`);
  }
  return { dictionaries, problems };
}

/** Languages that read each other's UI strings when they have none of their own. */
const MACRO: Readonly<Record<string, string>> = { nb: "no", nn: "no" };

export type UiLocale = { lang: string; locale: string; chain: string[]; fellBack: boolean };

/** Which dictionary serves a page language: exact tag → base language → default. */
export function resolveUiLocale(lang: string, available: ReadonlySet<string>, defaultLocale: string): UiLocale {
  const base = baseLanguage(lang);
  const chain = [...new Set([lang, base, MACRO[base], defaultLocale, SOURCE_LOCALE].filter((x): x is string => !!x))];
  const locale = chain.find((candidate) => available.has(candidate)) ?? SOURCE_LOCALE;
  return { lang, locale, chain: chain.slice(0, chain.indexOf(locale) + 1), fellBack: locale !== lang };
}

/** A UI string in a page language, its {{placeholders}} filled from `data` (left as written without it). */
export type Translate = (key: string, lang: string, data?: Record<string, string>) => string;

/**
 * The one lookup of UI strings, for code and templates alike: the page language's resolved locale
 * (its chain, chosen and reported once), else the default's. A key no dictionary has is an error,
 * not a key printed on a page.
 */
export function translator(dictionaries: Dictionaries, resolved: readonly UiLocale[], defaultLocale: string): Translate {
  const locale = new Map(resolved.map((r) => [r.lang, r.locale]));
  const available = new Set(dictionaries.keys());
  return (key, lang, data) => {
    const chosen = locale.get(lang) ?? resolveUiLocale(lang, available, defaultLocale).locale;
    const text = dictionaries.get(chosen)?.[key];
    if (text === undefined) throw new Error(`no UI string "${key}" for "${lang}"`);
    return data ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => data[name] ?? whole) : text;
  };
}

export type TranslationTable = { [segment: string]: TranslationTable | string };

/**
 * The translations table eleventy-plugin-i18n reads. It looks keys up as lodash paths, so a dotted
 * key is nested ({ nav: { skip: { en: "…" } } }). Every page language is there under its own tag —
 * a fallback language's strings copied in — so the plugin never falls back on its own and every
 * fallback is one we chose and reported.
 */
export function translationsFor(dictionaries: Dictionaries, resolved: readonly UiLocale[]): TranslationTable {
  const table: TranslationTable = {};
  const entries: [string, Dictionary][] = [
    ...dictionaries,
    ...resolved.flatMap((r): [string, Dictionary][] => {
      const dictionary = dictionaries.get(r.locale);
      return dictionary ? [[r.lang, dictionary]] : []; // a resolved locale is one of the dictionaries
    }),
  ];
  for (const [locale, dictionary] of entries) {
    for (const [key, text] of Object.entries(dictionary)) {
      let node = table;
      for (const segment of key.split(".")) node = (node[segment] ??= {}) as TranslationTable;
      node[locale] = text;
    }
  }
  return table;
}
