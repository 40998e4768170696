import type { EventFormat, EventSearchFilter } from '../gql/graphql';

// The events search lives in the address (?from=2027-04-01&pref=01…), so it can be shared and
// reloaded.
export interface EventFilterForm {
  from: string;
  to: string;
  pref: string | null;
  theme: string | null;
  format: string | null;
}

export const EVENT_FORMATS: readonly EventFormat[] = ['ONLINE', 'ON_SITE', 'HYBRID'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function eventFilterFormOf(params: URLSearchParams): EventFilterForm {
  return {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    pref: params.get('pref'),
    theme: params.get('theme'),
    format: params.get('format'),
  };
}

export function eventParamsOf(form: EventFilterForm): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form) as [string, string | null][]) {
    if (value) params.set(key, value);
  }
  return params;
}

// What the API is asked: anything malformed in the address is left out rather than refused.
export function eventFilterOf(form: EventFilterForm): EventSearchFilter {
  const filter: EventSearchFilter = {};
  if (ISO_DATE.test(form.from)) filter.from = form.from;
  if (ISO_DATE.test(form.to)) filter.to = form.to;
  if (form.pref && /^\d{2}$/.test(form.pref)) filter.prefectureCode = form.pref;
  if (form.theme) filter.themeCode = form.theme;
  if (form.format && (EVENT_FORMATS as readonly string[]).includes(form.format))
    filter.format = form.format as EventFormat;
  return filter;
}
