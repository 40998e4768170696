import { describe, expect, it } from 'vitest';
import { dayProblem, dayProblemMessage, dayText, isDay, parseDay } from './day';
import { initI18n } from './i18n';

describe('parseDay', () => {
  it('reads the shown formats and digits', () => {
    expect(parseDay('2032年6月1日')).toBe('2032-06-01');
    expect(parseDay(' 2032 年 6 月 1 日 ')).toBe('2032-06-01');
    expect(parseDay('June 1, 2032')).toBe('2032-06-01');
    expect(parseDay('Sep 15, 2032')).toBe('2032-09-15');
    expect(parseDay('sept. 15 2032')).toBe('2032-09-15');
    expect(parseDay('2032-06-01')).toBe('2032-06-01');
    expect(parseDay('2032/6/1')).toBe('2032-06-01');
    expect(parseDay('2032.6.1')).toBe('2032-06-01');
    // As a Japanese input method types them: full-width digits and separators.
    expect(parseDay('２０２７年４月１日')).toBe('2027-04-01');
    expect(parseDay('２０２７－０４－０１')).toBe('2027-04-01');
    expect(parseDay('２０２７／４／１')).toBe('2027-04-01');
  });

  it('refuses days that do not exist and formats it does not write', () => {
    expect(parseDay('2032-02-30')).toBeNull();
    expect(parseDay('2031年2月29日')).toBeNull();
    expect(parseDay('2032年13月1日')).toBeNull();
    expect(parseDay('Ju 1, 2032')).toBeNull();
    expect(parseDay('06/01/2032')).toBeNull();
    expect(parseDay('2032-06')).toBeNull();
    expect(parseDay('')).toBeNull();
  });

  it('takes 29 February in a leap year', () => {
    expect(parseDay('2032年2月29日')).toBe('2032-02-29');
  });
});

describe('dayProblem', () => {
  it('finds none in no day or a day within the bounds', () => {
    expect(dayProblem('')).toBeNull();
    expect(dayProblem('2032-06-01', { min: '2032-06-01', max: '2032-06-01' })).toBeNull();
    expect(isDay('2032-06-01')).toBe(true);
    expect(isDay('2032-6-1')).toBe(false);
    // Another field's text that is not a day yet bounds nothing.
    expect(dayProblem('2032-06-01', { min: '2033年', max: 'abc' })).toBeNull();
  });

  it('names text that is not a day and days out of bounds', () => {
    expect(dayProblem('2032/2/30')).toEqual({ kind: 'notADay', text: '2032/2/30' });
    expect(dayProblem('2032-05-31', { min: '2032-06-01' })).toEqual({
      kind: 'tooEarly',
      min: '2032-06-01',
    });
    expect(dayProblem('2032-06-02', { max: '2032-06-01' })).toEqual({
      kind: 'tooLate',
      max: '2032-06-01',
    });
  });

  it('words the problem in the page language', () => {
    const t = initI18n('ja').getFixedT('ja');
    expect(dayProblemMessage({ kind: 'tooLate', max: '2026-12-05' }, t, 'ja')).toBe(
      '2026年12月5日以前の日付を入力してください',
    );
    const en = initI18n('en').getFixedT('en');
    expect(dayProblemMessage({ kind: 'tooEarly', min: '2026-12-05' }, en, 'en')).toBe(
      'Enter December 5, 2026 or later',
    );
  });
});

describe('dayText', () => {
  it('stops a form with the same message the field shows', () => {
    const t = initI18n('en').getFixedT('en');
    const rule = dayText(t, 'en', { max: '2026-12-05' });
    expect(rule.safeParse('').success).toBe(true);
    expect(rule.safeParse('2026-12-05').success).toBe(true);
    expect(rule.safeParse('2026-12-06').error?.issues[0].message).toBe(
      'Enter December 5, 2026 or earlier',
    );
    expect(rule.safeParse('12/06/2026').error?.issues[0].message).toBe(
      '“12/06/2026” is not a day: type it like April 1, 2027 or 2027-04-01',
    );
  });
});
