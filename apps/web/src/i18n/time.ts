import type { TFunction } from 'i18next';
import { z } from 'zod';

// A typed time of day to HH:MM (24-hour), as the API takes it; null for anything else. Reads
// 9:00, 09:00, 9.00, 900, 0900, 9時, 9時30分, 9時半, 午後3時, 3:30 pm, and full-width digits as a
// Japanese input method types them. 24:00 and later, or 60 minutes, are not a time.
// Morning and afternoon follow each language's habit: 午前0時 is midnight and 午後0時 noon, while
// 午前12時 and 午後12時 are read either way in Japan (the law says noon and midnight, many people
// the opposite), so they are refused rather than guessed; in English 12 am is midnight, 12 pm noon.
export function parseTime(text: string): string | null {
  let trimmed = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  // Morning or afternoon, said before (午前/午後) or after (am/pm): a 12-hour time.
  let half: { pm: boolean; japanese: boolean } | null = null;
  const before = /^(午前|午後)\s*/.exec(trimmed);
  const after = /\s*(a\.?m\.?|p\.?m\.?)$/.exec(trimmed);
  if (before) {
    half = { pm: before[1] === '午後', japanese: true };
    trimmed = trimmed.slice(before[0].length);
  } else if (after) {
    half = { pm: after[1].startsWith('p'), japanese: false };
    trimmed = trimmed.slice(0, after.index);
  }
  const parts =
    /^(\d{1,2})\s*[:.時]\s*(\d{2})\s*分?$/.exec(trimmed) ??
    /^(\d{1,2})\s*時\s*(半)$/.exec(trimmed) ??
    /^(\d{1,2})()\s*時?$/.exec(trimmed) ??
    /^(\d{1,2})(\d{2})$/.exec(trimmed);
  if (!parts) return null;
  let hours = Number(parts[1]);
  const minutes = parts[2] === '半' ? 30 : parts[2] === '' ? 0 : Number(parts[2]);
  if (minutes > 59) return null;
  if (half) {
    const [lowest, highest] = half.japanese ? [0, 11] : [1, 12];
    if (hours < lowest || hours > highest) return null;
    hours = (hours % 12) + (half.pm ? 12 : 0);
  }
  if (hours > 23) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

// A time as the API takes it: HH:MM, 00:00 to 23:59.
export function isTime(value: string): boolean {
  return /^\d{2}:\d{2}$/.test(value) && parseTime(value) === value;
}

// What a time field's value says when it is not a time ('' is none, and fine here).
export function timeProblemMessage(value: string, t: TFunction): string | null {
  if (value === '' || isTime(value)) return null;
  return t('dates.notATime', { text: value });
}

// A form's rule for a time field's value, with the field's own message; whether a time is
// required stays with each form.
export function timeText(t: TFunction) {
  return z.string().superRefine((value, ctx) => {
    const message = timeProblemMessage(value, t);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
}
