import { describe, expect, it } from 'vitest';
import { answerTiming } from './answer-timing';

const applied = '2026-12-01T09:00:00Z';
const due = '2026-12-08T09:00:00Z';

describe('answerTiming', () => {
  it('says nothing once the application is answered (no due date)', () => {
    expect(answerTiming({ createdAt: applied, answerDueAt: null }, new Date(applied))).toBeNull();
  });

  it('counts the whole days waited and the days left, rounded up', () => {
    expect(answerTiming({ createdAt: applied, answerDueAt: due }, new Date(applied))).toEqual({
      daysWaited: 0,
      daysLeft: 7,
      dueAt: due,
    });
    const later = answerTiming(
      { createdAt: applied, answerDueAt: due },
      new Date('2026-12-04T15:00:00Z'),
    );
    expect(later).toMatchObject({ daysWaited: 3, daysLeft: 4 });
  });

  it('goes negative once the due time has passed', () => {
    const late = answerTiming(
      { createdAt: applied, answerDueAt: due },
      new Date('2026-12-10T10:00:00Z'),
    );
    expect(late).toMatchObject({ daysWaited: 9, daysLeft: -2 });
    const justLate = answerTiming(
      { createdAt: applied, answerDueAt: due },
      new Date('2026-12-08T10:00:00Z'),
    );
    expect(justLate).toMatchObject({ daysLeft: -1 });
  });
});
