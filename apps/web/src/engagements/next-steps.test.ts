import { describe, expect, it } from 'vitest';
import { outlookOf, timelineOf } from './next-steps';

const T0 = '2027-01-05T01:00:00.000Z';
const T1 = '2027-01-08T01:00:00.000Z';
const T2 = '2027-01-12T01:00:00.000Z';

describe('what happens next, from the steps the API allows', () => {
  it('waits on the region after applying, and the participant may withdraw', () => {
    expect(
      outlookOf([
        { action: 'PROPOSE_INTERVIEW', by: ['REGION'] },
        { action: 'ACCEPT', by: ['REGION'] },
        { action: 'DECLINE', by: ['REGION'] },
        { action: 'WITHDRAW', by: ['PARTICIPANT'] },
      ]),
    ).toEqual({ waitingOn: 'REGION', canWithdraw: true });
  });

  it('waits on the intermediary after acceptance, never on a step that ends it', () => {
    expect(
      outlookOf([
        { action: 'WITHDRAW', by: ['PARTICIPANT'] },
        { action: 'CANCEL', by: ['REGION', 'INTERMEDIARY'] },
        { action: 'APPROVE', by: ['INTERMEDIARY'] },
      ]).waitingOn,
    ).toBe('INTERMEDIARY');
  });

  it('waits on nobody while the activity is under way, though the participant may withdraw', () => {
    expect(
      outlookOf([
        { action: 'COMPLETE', by: ['REGION', 'INTERMEDIARY'] },
        { action: 'WITHDRAW', by: ['PARTICIPANT'] },
        { action: 'CANCEL', by: ['REGION', 'INTERMEDIARY'] },
      ]),
    ).toEqual({ waitingOn: null, canWithdraw: true });
  });

  it('waits on nobody, and offers no withdrawal, once completed or ended', () => {
    expect(outlookOf([])).toEqual({
      waitingOn: null,
      canWithdraw: false,
    });
  });
});

describe('the timeline of an engagement', () => {
  it('shows the road ahead of a new application, the interview among it', () => {
    expect(timelineOf('SUBMITTED', T0, [])).toEqual([
      { status: 'SUBMITTED', state: 'current', at: T0 },
      { status: 'INTERVIEW', state: 'upcoming', at: null },
      { status: 'ACCEPTED', state: 'upcoming', at: null },
      { status: 'APPROVED', state: 'upcoming', at: null },
      { status: 'ACTIVE', state: 'upcoming', at: null },
      { status: 'COMPLETED', state: 'upcoming', at: null },
    ]);
  });

  it('leaves out an interview that never happened once past it, with the dates reached', () => {
    const items = timelineOf('APPROVED', T0, [
      { toStatus: 'ACCEPTED', createdAt: T1 },
      { toStatus: 'APPROVED', createdAt: T2 },
    ]);
    expect(items.map((i) => [i.status, i.state, i.at])).toEqual([
      ['SUBMITTED', 'done', T0],
      ['ACCEPTED', 'done', T1],
      ['APPROVED', 'current', T2],
      ['ACTIVE', 'upcoming', null],
      ['COMPLETED', 'upcoming', null],
    ]);
  });

  it('ends where an engagement was declined, withdrawn or cancelled', () => {
    const items = timelineOf('DECLINED', T0, [
      { toStatus: 'INTERVIEW', createdAt: T1 },
      { toStatus: 'DECLINED', createdAt: T2 },
    ]);
    expect(items.map((i) => [i.status, i.state])).toEqual([
      ['SUBMITTED', 'done'],
      ['INTERVIEW', 'done'],
      ['DECLINED', 'ended'],
    ]);
    expect(timelineOf('WITHDRAWN', T0, [{ toStatus: 'WITHDRAWN', createdAt: T1 }])).toEqual([
      { status: 'SUBMITTED', state: 'done', at: T0 },
      { status: 'WITHDRAWN', state: 'ended', at: T1 },
    ]);
  });

  it('marks every step done once completed', () => {
    const items = timelineOf('COMPLETED', T0, [
      { toStatus: 'ACCEPTED', createdAt: T1 },
      { toStatus: 'APPROVED', createdAt: T1 },
      { toStatus: 'ACTIVE', createdAt: T2 },
      { toStatus: 'COMPLETED', createdAt: T2 },
    ]);
    expect(items.every((i) => i.state === 'done')).toBe(true);
    expect(items.map((i) => i.status)).not.toContain('INTERVIEW');
  });
});
