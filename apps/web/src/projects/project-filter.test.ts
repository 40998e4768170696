import { describe, expect, it } from 'vitest';
import { paramsOf, projectFilterOf, searchFormOf } from './project-filter';

describe('project search in the address', () => {
  it('turns the address into the API filter', () => {
    const form = searchFormOf(
      new URLSearchParams(
        'q=空き家&theme=work&mode=REMOTE&pref=01&from=2027-04-01&to=2027-09-30&hours=8&kind=PRO_BONO',
      ),
    );
    expect(projectFilterOf(form)).toEqual({
      text: '空き家',
      themeCodes: ['work'],
      modes: ['REMOTE'],
      prefectureCode: '01',
      activeFrom: '2027-04-01',
      activeTo: '2027-09-30',
      maxHoursPerWeek: 8,
      eligibleFor: 'PRO_BONO',
    });
  });

  it('leaves out what the API would refuse, rather than failing the search', () => {
    const form = searchFormOf(
      new URLSearchParams('q=%20%20&mode=BOAT&pref=1&from=April&hours=-3&kind=ALIEN'),
    );
    expect(projectFilterOf(form)).toEqual({});
  });

  it('writes only the filled fields back into the address', () => {
    const form = { ...searchFormOf(new URLSearchParams()), q: ' 農業 ', pref: '03' };
    expect(paramsOf(form).toString()).toBe(
      new URLSearchParams({ q: '農業', pref: '03' }).toString(),
    );
  });
});
