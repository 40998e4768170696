import { describe, expect, it } from 'vitest';
import { eventTitle, myState, seatsOf } from './event-state';

describe('myState', () => {
  it('words a held place by its attendance once taken', () => {
    expect(myState({ status: 'REGISTERED', attended: null })).toBe('REGISTERED');
    expect(myState({ status: 'REGISTERED', attended: true })).toBe('ATTENDED');
    expect(myState({ status: 'REGISTERED', attended: false })).toBe('MISSED');
  });

  it('keeps the waiting list and a cancellation as they are', () => {
    expect(myState({ status: 'WAITLISTED', waitlistPosition: 2 })).toBe('WAITLISTED');
    expect(myState({ status: 'CANCELLED', attended: true })).toBe('CANCELLED');
  });
});

describe('seatsOf', () => {
  it('counts the places left, full at capacity, unlimited without one', () => {
    expect(seatsOf({ capacity: 10, registeredCount: 7 })).toEqual({ key: 'left', count: 3 });
    expect(seatsOf({ capacity: 10, registeredCount: 10 })).toEqual({ key: 'full' });
    expect(seatsOf({ capacity: null, registeredCount: 50 })).toEqual({ key: 'unlimited' });
  });
});

describe('eventTitle', () => {
  it('uses the English title in English only when there is one', () => {
    expect(eventTitle({ titleJa: '交流会', titleEn: 'Meetup' }, 'en')).toBe('Meetup');
    expect(eventTitle({ titleJa: '交流会', titleEn: null }, 'en')).toBe('交流会');
    expect(eventTitle({ titleJa: '交流会', titleEn: 'Meetup' }, 'ja')).toBe('交流会');
  });
});
