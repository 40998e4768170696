import type { TFunction } from 'i18next';
import { z } from 'zod';
import { formatDate } from './format';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const pad = (n: number) => String(n).padStart(2, '0');

// A typed day, as the day fields show it (2027年4月1日 / April 1, 2027 / Apr 1, 2027) or as
// digits (2027-04-01, 2027/4/1), to YYYY-MM-DD; null for anything else or a day that does not
// exist. The one reader of typed days: the day field and the date-time input both use it.
export function parseDay(text: string): string | null {
  // Full-width digits and separators, as a Japanese input method types them, read as ASCII.
  const trimmed = text.normalize('NFKC').trim();
  let y: number, m: number, d: number;
  const digits = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(trimmed);
  const named = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(trimmed);
  if (digits) [y, m, d] = [Number(digits[1]), Number(digits[2]), Number(digits[3])];
  else if (named) {
    const month = MONTHS.findIndex((name) => name.startsWith(named[1].toLowerCase()));
    if (month < 0 || named[1].length < 3) return null;
    [y, m, d] = [Number(named[3]), month + 1, Number(named[2])];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

// A day as the API takes it: YYYY-MM-DD, and one that exists.
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDay(value) === value;
}

// The first and last day a field takes (YYYY-MM-DD), where the form has them.
export type DayBounds = { min?: string; max?: string };

export type DayProblem =
  | { kind: 'notADay'; text: string }
  | { kind: 'tooEarly'; min: string }
  | { kind: 'tooLate'; max: string };

// What is wrong with a day field's value: '' (no day) and a day within the bounds are fine;
// anything else is text that did not read as a day, or a day out of bounds.
export function dayProblem(value: string, { min, max }: DayBounds = {}): DayProblem | null {
  if (value === '') return null;
  if (!isDay(value)) return { kind: 'notADay', text: value };
  // A bound that is not a day yet (the start field still being typed) bounds nothing.
  if (min !== undefined && !isDay(min)) min = undefined;
  if (max !== undefined && !isDay(max)) max = undefined;
  if (min && value < min) return { kind: 'tooEarly', min };
  if (max && value > max) return { kind: 'tooLate', max };
  return null;
}

export function dayProblemMessage(problem: DayProblem, t: TFunction, language: string): string {
  switch (problem.kind) {
    case 'notADay':
      return t('dates.notADay', { text: problem.text });
    case 'tooEarly':
      return t('dates.tooEarly', { day: formatDate(problem.min, language) });
    case 'tooLate':
      return t('dates.tooLate', { day: formatDate(problem.max, language) });
  }
}

// A form's rule for a day field's value, with the field's own messages: the field shows the same
// message as soon as it is left, the form's check stops a submit made without leaving it.
// Whether a day is required stays with each form.
export function dayText(t: TFunction, language: string, bounds: DayBounds = {}) {
  return z.string().superRefine((value, ctx) => {
    const problem = dayProblem(value, bounds);
    if (problem) ctx.addIssue({ code: 'custom', message: dayProblemMessage(problem, t, language) });
  });
}

// A form's rule that an end day is not before its start day, worded as the end field says it.
export function endNotBefore(
  t: TFunction,
  language: string,
  start: string,
  end: string,
): string | null {
  if (!isDay(start) || end === '') return null;
  const problem = dayProblem(end, { min: start });
  return problem ? dayProblemMessage(problem, t, language) : null;
}
