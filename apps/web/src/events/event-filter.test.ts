import { describe, expect, it } from 'vitest';
import { eventFilterFormOf, eventFilterOf, eventParamsOf } from './event-filter';

describe('event filter', () => {
  it('reads the address into the API filter and back', () => {
    const params = new URLSearchParams(
      'from=2027-04-01&to=2027-04-30&pref=01&theme=farming&format=ONLINE',
    );
    const form = eventFilterFormOf(params);
    expect(eventFilterOf(form)).toEqual({
      from: '2027-04-01',
      to: '2027-04-30',
      prefectureCode: '01',
      themeCode: 'farming',
      format: 'ONLINE',
    });
    expect(eventParamsOf(form).toString()).toBe(params.toString());
  });

  it('leaves out what is malformed instead of sending it', () => {
    const form = eventFilterFormOf(new URLSearchParams('from=april&pref=hokkaido&format=PARTY'));
    expect(eventFilterOf(form)).toEqual({});
  });
});
