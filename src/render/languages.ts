/** Names and dates as each language writes them, from Intl (CLDR). */

const upperFirst = (s: string, lang: string) => s.charAt(0).toLocaleUpperCase(lang) + s.slice(1);

/** A language named in itself: "de" → "Deutsch", "es" → "Español", "ar" → "العربية". */
export function languageName(lang: string, inLanguage: string = lang): string {
  const name = new Intl.DisplayNames([inLanguage], { type: "language", fallback: "code" }).of(lang) ?? lang;
  return upperFirst(name, inLanguage);
}

/** An ISO date (YYYY-MM-DD) written the way `lang` writes dates: "22 de noviembre de 2026". */
export function formatDate(isoDate: string, lang: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

/** A number of minutes as the language says it: "2 minutes", "2 Minuten", "2 分钟". */
export function formatMinutes(minutes: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: "unit", unit: "minute", unitDisplay: "long" }).format(minutes);
}
