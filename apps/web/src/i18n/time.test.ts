import { describe, expect, it } from 'vitest';
import { initI18n } from './i18n';
import { isTime, parseTime, timeText } from './time';

describe('parseTime', () => {
  it('reads 24-hour times, with or without a leading zero', () => {
    expect(parseTime('09:00')).toBe('09:00');
    expect(parseTime('9:00')).toBe('09:00');
    expect(parseTime(' 14:30 ')).toBe('14:30');
    expect(parseTime('0:05')).toBe('00:05');
    expect(parseTime('23:59')).toBe('23:59');
    expect(parseTime('9.30')).toBe('09:30');
    expect(parseTime('930')).toBe('09:30');
    expect(parseTime('1430')).toBe('14:30');
  });

  it('reads full-width digits and colons, as a Japanese input method types them', () => {
    expect(parseTime('０９：００')).toBe('09:00');
    expect(parseTime('９：３０')).toBe('09:30');
  });

  it('reads hours and minutes said in Japanese, and morning or afternoon', () => {
    expect(parseTime('9時')).toBe('09:00');
    expect(parseTime('9時30分')).toBe('09:30');
    expect(parseTime('午後3時')).toBe('15:00');
    expect(parseTime('9時半')).toBe('09:30');
    expect(parseTime('午前0時')).toBe('00:00');
    expect(parseTime('午後0時30分')).toBe('12:30');
    expect(parseTime('午前11時59分')).toBe('11:59');
    // Read as noon by some and as midnight by others: refused, not guessed.
    expect(parseTime('午前12時')).toBeNull();
    expect(parseTime('午後12時')).toBeNull();
    expect(parseTime('12 am')).toBe('00:00');
    expect(parseTime('0 am')).toBeNull();
    expect(parseTime('3:30 pm')).toBe('15:30');
    expect(parseTime('12 PM')).toBe('12:00');
    expect(parseTime('9am')).toBe('09:00');
  });

  it('refuses what is not a time of day', () => {
    expect(parseTime('25:00')).toBeNull();
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('9:60')).toBeNull();
    expect(parseTime('13 pm')).toBeNull();
    expect(parseTime('9:0')).toBeNull();
    expect(parseTime('朝')).toBeNull();
    expect(parseTime('')).toBeNull();
  });
});

describe('isTime', () => {
  it('takes only HH:MM as the API does', () => {
    expect(isTime('09:00')).toBe(true);
    expect(isTime('9:00')).toBe(false);
    expect(isTime('25:00')).toBe(false);
  });
});

describe('timeText', () => {
  it("refuses text that is not a time with the field's message, in the page's language", () => {
    const ja = initI18n('ja').t;
    expect(timeText(ja).safeParse('25:00').error?.issues[0].message).toBe(
      '「25:00」は時刻として読めません。0:00〜23:59 の間で、9:00 や 14:30 の形で入力してください',
    );
    expect(timeText(ja).safeParse('').success).toBe(true);
    expect(timeText(ja).safeParse('09:00').success).toBe(true);
    const en = initI18n('en').t;
    expect(timeText(en).safeParse('25:00').error?.issues[0].message).toBe(
      '“25:00” is not a time: type one from 0:00 to 23:59, like 9:00 or 14:30',
    );
    initI18n('ja');
  });
});
