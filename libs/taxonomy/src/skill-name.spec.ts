import { normalizeSkillName } from './skill-name';

describe('normalizeSkillName', () => {
  it('folds full-width letters, digits and spaces to their plain forms', () => {
    expect(normalizeSkillName('ＵＩ　デザイン')).toBe('uiデザイン');
    expect(normalizeSkillName('Ｅｘｃｅｌ')).toBe('excel');
    expect(normalizeSkillName('６次産業化')).toBe('6次産業化');
  });

  it('folds half-width katakana, voiced marks included', () => {
    expect(normalizeSkillName('ｸﾞﾗﾌｨｯｸﾃﾞｻﾞｲﾝ')).toBe('グラフィックデザイン');
    expect(normalizeSkillName('ﾌﾟﾛｸﾞﾗﾐﾝｸﾞ')).toBe(normalizeSkillName('プログラミング'));
  });

  it('ignores case', () => {
    expect(normalizeSkillName('UI Design')).toBe('uidesign');
    expect(normalizeSkillName('ui design')).toBe(normalizeSkillName('UI DESIGN'));
  });

  it('drops spaces of every kind, middle dots, hyphens, underscores and slashes', () => {
    for (const spelling of [
      'UI デザイン',
      'UI　デザイン',
      ' UI\tデザイン ',
      'UI・デザイン',
      'UI･デザイン',
      'UI·デザイン',
      'UI-デザイン',
      'UI_デザイン',
      'UI/デザイン',
      'UI／デザイン',
    ]) {
      expect(normalizeSkillName(spelling)).toBe('uiデザイン');
    }
    expect(normalizeSkillName('e-commerce')).toBe(normalizeSkillName('E commerce'));
    expect(normalizeSkillName('Wi-Fi')).toBe('wifi');
  });

  it('keeps the letters that tell skills apart', () => {
    expect(normalizeSkillName('UIデザイン')).not.toBe(normalizeSkillName('デザイン'));
    expect(normalizeSkillName('M&A')).toBe('m&a');
    expect(normalizeSkillName('稲作')).toBe('稲作');
    // Hiragana and katakana stay distinct: where both are common the taxonomy lists both as
    // aliases (ぶどう栽培 / ブドウ栽培).
    expect(normalizeSkillName('ぶどう')).not.toBe(normalizeSkillName('ブドウ'));
  });

  it('leaves nothing of a name made only of separators', () => {
    expect(normalizeSkillName(' ・ / - ')).toBe('');
  });
});
