/** Names and dates as each language writes them, from Intl (CLDR). */
import { intlLocale, perLanguage } from "../intl.ts";

const displayNames = perLanguage((lang) => new Intl.DisplayNames([intlLocale(Intl.DisplayNames, lang)], { type: "language", fallback: "code" }));
const longDates = perLanguage((lang) => new Intl.DateTimeFormat(intlLocale(Intl.DateTimeFormat, lang), { dateStyle: "long", timeZone: "UTC" }));
const minuteCounts = perLanguage((lang) => new Intl.NumberFormat(intlLocale(Intl.NumberFormat, lang), { style: "unit", unit: "minute", unitDisplay: "long" }));

const caseLocales = perLanguage((lang) => intlLocale(Intl.Collator, lang));
const upperFirst = (s: string, lang: string) => s.charAt(0).toLocaleUpperCase(caseLocales(lang)) + s.slice(1);
// Every page names every language (switcher, footer, feeds): tens of thousands of calls in a large build.
const names = perLanguage((pair) => {
  const [lang = pair, inLanguage = lang] = pair.split("\0");
  return upperFirst(displayNames(inLanguage).of(lang) ?? lang, inLanguage);
});

/** A language named in itself: "de" → "Deutsch", "es" → "Español", "ar" → "العربية". */
export function languageName(lang: string, inLanguage: string = lang): string {
  return names(`${lang}\0${inLanguage}`);
}

// Formatting costs 10–20 µs a call and every page shows a date and a reading time, of which a
// collection has few distinct ones: each is formatted once per language.
const dates = perLanguage((pair) => {
  const [isoDate = "", lang = ""] = pair.split("\0");
  return longDates(lang).format(new Date(`${isoDate}T00:00:00Z`));
});
const minutesSaid = perLanguage((pair) => {
  const [minutes = "", lang = ""] = pair.split("\0");
  return minuteCounts(lang).format(Number(minutes));
});

/** An ISO date (YYYY-MM-DD) written the way `lang` writes dates: "22 de noviembre de 2026". */
export function formatDate(isoDate: string, lang: string): string {
  return dates(`${isoDate.slice(0, 10)}\0${lang}`);
}

/** A number of minutes as the language says it: "2 minutes", "2 Minuten", "2 分钟". */
export function formatMinutes(minutes: number, lang: string): string {
  return minutesSaid(`${minutes}\0${lang}`);
}
