/** Names and dates as each language writes them, from Intl (CLDR). */
import { intlLocale, perLanguage } from "../intl.ts";

const displayNames = perLanguage((lang) => new Intl.DisplayNames([intlLocale(Intl.DisplayNames, lang)], { type: "language", fallback: "code" }));
const longDates = perLanguage((lang) => new Intl.DateTimeFormat(intlLocale(Intl.DateTimeFormat, lang), { dateStyle: "long", timeZone: "UTC" }));
const minuteCounts = perLanguage((lang) => new Intl.NumberFormat(intlLocale(Intl.NumberFormat, lang), { style: "unit", unit: "minute", unitDisplay: "long" }));

const upperFirst = (s: string, lang: string) => s.charAt(0).toLocaleUpperCase(intlLocale(Intl.Collator, lang)) + s.slice(1);

/** A language named in itself: "de" → "Deutsch", "es" → "Español", "ar" → "العربية". */
export function languageName(lang: string, inLanguage: string = lang): string {
  const name = displayNames(inLanguage).of(lang) ?? lang;
  return upperFirst(name, inLanguage);
}

/** An ISO date (YYYY-MM-DD) written the way `lang` writes dates: "22 de noviembre de 2026". */
export function formatDate(isoDate: string, lang: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return longDates(lang).format(date);
}

/** A number of minutes as the language says it: "2 minutes", "2 Minuten", "2 分钟". */
export function formatMinutes(minutes: number, lang: string): string {
  return minuteCounts(lang).format(minutes);
}
