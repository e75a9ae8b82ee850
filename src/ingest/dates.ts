/** Dates as publishers write them (YYYY-MM-DD), checked against the calendar: 2023-02-29 is no date. */
import { z } from "zod";

/** Whether `text` is YYYY-MM-DD naming a day that exists (months 1–12, February 29 in leap years only). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A date field: a YAML date, or a YYYY-MM-DD string that is a real day. */
export const calendarDate = z.union([
  z.date().transform((d) => d.toISOString().slice(0, 10)),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
    .superRefine((value, ctx) => {
      if (!isCalendarDate(value)) ctx.addIssue({ code: "custom", message: `"${value}" is not a day of the calendar` });
    }),
]);
