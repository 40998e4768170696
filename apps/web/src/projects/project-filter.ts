import type { ProjectFilter, ProjectMode, ParticipantKind } from '../gql/graphql';

// The search's state lives in the address (?q=農業&theme=work…), so a search can be shared,
// bookmarked and reloaded, and the back button undoes a change.
export interface SearchForm {
  q: string;
  theme: string | null;
  mode: string | null;
  pref: string | null;
  from: string;
  to: string;
  hours: string;
  kind: string | null;
}

const MODES: readonly string[] = ['ONSITE', 'REMOTE', 'HYBRID'];
const KINDS: readonly string[] = [
  'PRO_BONO',
  'UNIVERSITY_STUDENT',
  'HIGH_SCHOOL_STUDENT',
  'COMPANY_EMPLOYEE',
];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function searchFormOf(params: URLSearchParams): SearchForm {
  return {
    q: params.get('q') ?? '',
    theme: params.get('theme'),
    mode: params.get('mode'),
    pref: params.get('pref'),
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    hours: params.get('hours') ?? '',
    kind: params.get('kind'),
  };
}

export function paramsOf(form: SearchForm): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form) as [string, string | null][]) {
    const text = (value ?? '').trim();
    if (text) params.set(key, text);
  }
  return params;
}

// The API's filter from the address; values it would refuse are left out rather than sent.
export function projectFilterOf(form: SearchForm): ProjectFilter {
  const filter: ProjectFilter = {};
  const text = form.q.trim();
  if (text) filter.text = text;
  if (form.theme) filter.themeCodes = [form.theme];
  if (form.mode && MODES.includes(form.mode)) filter.modes = [form.mode as ProjectMode];
  if (form.pref && /^\d{2}$/.test(form.pref)) filter.prefectureCode = form.pref;
  if (ISO_DATE.test(form.from)) filter.activeFrom = form.from;
  if (ISO_DATE.test(form.to)) filter.activeTo = form.to;
  const hours = Number(form.hours);
  if (form.hours && Number.isInteger(hours) && hours > 0) filter.maxHoursPerWeek = hours;
  if (form.kind && KINDS.includes(form.kind)) filter.eligibleFor = form.kind as ParticipantKind;
  return filter;
}
