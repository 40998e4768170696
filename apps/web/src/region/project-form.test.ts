import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import {
  emptyProject,
  extendSchema,
  type ExtendValues,
  nextDay,
  projectInputOf,
  type ProjectFormValues,
  projectSchema,
} from './project-form';

// The program choice as the API takes it: none is sent as null (on an edit, it leaves the
// program), a choice as its id.
describe('projectInputOf: program', () => {
  const values = { ...emptyProject(new Date(2026, 11, 5)), title: 'タイトル', themeCode: 'AGRI' };

  it('sends no program as null', () => {
    expect(projectInputOf(values).programId).toBeNull();
  });

  it('sends the chosen program', () => {
    expect(projectInputOf({ ...values, programId: 'p-1' }).programId).toBe('p-1');
  });
});

// The project form's days are typed: text that is not a day, a day that does not exist, an end
// before the start are refused with messages in the page's language.
describe('projectSchema: days', () => {
  initI18n('ja');
  const t = i18next.t.bind(i18next);
  const base = {
    ...emptyProject(new Date(2026, 11, 5)),
    title: '収穫の手伝い',
    description: '農園で収穫を手伝ってください。',
    themeCode: 'AGRI',
  };
  const problems = (values: Partial<ProjectFormValues>, language = 'ja') => {
    const result = projectSchema(t, language).safeParse({ ...base, ...values });
    return result.success
      ? {}
      : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('takes a start and an end that are days, in order', () => {
    expect(problems({ startDate: '2027-04-01', endDate: '2027-04-30' })).toEqual({});
  });

  it('refuses a start that does not exist as a day (not only its shape)', () => {
    expect(problems({ startDate: '2027-02-30', endDate: '2027-04-30' })).toEqual({
      startDate:
        '「2027-02-30」は日付として読めません。2027年4月1日 や 2027-04-01 の形で入力してください',
    });
  });

  it('says a day is needed when start or end is empty', () => {
    expect(problems({ startDate: '', endDate: '' })).toEqual({
      startDate: '日付を選んでください',
      endDate: '日付を選んでください',
    });
  });

  it('refuses typed text that is not a day as the field says it', () => {
    expect(problems({ startDate: '2027-04-01', endDate: '来年の春' })).toEqual({
      endDate:
        '「来年の春」は日付として読めません。2027年4月1日 や 2027-04-01 の形で入力してください',
    });
  });

  it('refuses an end before the start, in either language', () => {
    expect(problems({ startDate: '2027-04-01', endDate: '2027-03-31' })).toEqual({
      endDate: '終了日は開始日以降にしてください',
    });
    initI18n('en');
    expect(problems({ startDate: '2027-04-01', endDate: '2027-03-31' }, 'en')).toEqual({
      endDate: 'The end date must not be before the start date',
    });
    initI18n('ja');
  });

  it('asks nothing of the end of an ongoing project', () => {
    expect(problems({ startDate: '2027-04-01', endDate: '', ongoing: true })).toEqual({});
  });
});

describe('extendSchema', () => {
  initI18n('ja');
  const t = i18next.t.bind(i18next);
  const schema = extendSchema(t, 'ja', { after: nextDay('2027-03-31'), capacity: 4 });
  const problems = (values: Partial<ExtendValues>) => {
    const result = schema.safeParse({ endDate: '', ongoing: false, capacity: 4, ...values });
    return result.success
      ? {}
      : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('takes no new end (the end is kept) or a day after the current end', () => {
    expect(problems({})).toEqual({});
    expect(problems({ endDate: '2027-04-01' })).toEqual({});
  });

  it('refuses a new end on or before the current end, saying the first day it takes', () => {
    expect(problems({ endDate: '2027-03-31' })).toEqual({
      endDate: '2027年4月1日以降の日付を入力してください',
    });
  });

  it('refuses text that is not a day, unless the project is made ongoing', () => {
    expect(problems({ endDate: '4月' })).toEqual({
      endDate: '「4月」は日付として読めません。2027年4月1日 や 2027-04-01 の形で入力してください',
    });
    expect(problems({ endDate: '4月', ongoing: true })).toEqual({});
  });
});
