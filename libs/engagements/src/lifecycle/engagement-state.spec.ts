import {
  decideEngagement,
  EngagementAction as A,
  EngagementRole as R,
  EngagementStatus as S,
  nextSteps,
} from './engagement-state';

// Written out by hand: action → who may, and from which status to which.
const EXPECTED: Record<A, { who: R[]; from: Partial<Record<S, S>>; reason: boolean }> = {
  [A.PROPOSE_INTERVIEW]: {
    who: [R.REGION],
    from: { SUBMITTED: S.INTERVIEW, INTERVIEW: S.INTERVIEW },
    reason: false,
  },
  [A.ACCEPT]: {
    who: [R.REGION],
    from: { SUBMITTED: S.ACCEPTED, INTERVIEW: S.ACCEPTED },
    reason: false,
  },
  [A.DECLINE]: {
    who: [R.REGION],
    from: { SUBMITTED: S.DECLINED, INTERVIEW: S.DECLINED },
    reason: true,
  },
  [A.APPROVE]: { who: [R.INTERMEDIARY], from: { ACCEPTED: S.APPROVED }, reason: false },
  [A.START]: { who: [R.REGION, R.INTERMEDIARY], from: { APPROVED: S.ACTIVE }, reason: false },
  [A.COMPLETE]: { who: [R.REGION, R.INTERMEDIARY], from: { ACTIVE: S.COMPLETED }, reason: false },
  [A.WITHDRAW]: {
    who: [R.PARTICIPANT],
    from: {
      SUBMITTED: S.WITHDRAWN,
      INTERVIEW: S.WITHDRAWN,
      ACCEPTED: S.WITHDRAWN,
      APPROVED: S.WITHDRAWN,
      ACTIVE: S.WITHDRAWN,
    },
    reason: true,
  },
  [A.CANCEL]: {
    who: [R.REGION, R.INTERMEDIARY],
    from: { ACCEPTED: S.CANCELLED, APPROVED: S.CANCELLED, ACTIVE: S.CANCELLED },
    reason: true,
  },
};

// Every subset of roles, including nobody and everyone.
const ROLE_SETS: Array<Set<R>> = [0, 1, 2, 3, 4, 5, 6, 7].map(
  (bits) => new Set(Object.values(R).filter((_, i) => bits & (1 << i))),
);

describe('engagement lifecycle', () => {
  describe.each(Object.values(A))('%s', (action) => {
    const expected = EXPECTED[action];
    it.each(Object.values(S))('from %s, for every set of roles', (status) => {
      for (const roles of ROLE_SETS) {
        const decision = decideEngagement(status, action, roles);
        const allowed = expected.who.some((r) => roles.has(r));
        const target = expected.from[status];
        if (!allowed) {
          expect(decision).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
        } else if (target === undefined) {
          expect(decision).toMatchObject({ ok: false, reason: 'INVALID_TRANSITION' });
        } else {
          expect(decision).toEqual({ ok: true, to: target, needsReason: expected.reason });
        }
      }
    });
  });

  it('ends nothing without saying who may and from where', () => {
    const denied = decideEngagement(S.COMPLETED, A.CANCEL, new Set([R.REGION]));
    expect(denied).toEqual({
      ok: false,
      reason: 'INVALID_TRANSITION',
      message:
        'Cannot cancel an engagement that is COMPLETED (allowed from ACCEPTED, APPROVED, ACTIVE)',
    });
    expect(decideEngagement(S.ACCEPTED, A.APPROVE, new Set([R.REGION]))).toMatchObject({
      message: 'Only a supervising intermediary can approve an engagement',
    });
  });

  it('reads the machine forwards: what may happen next, and by whom', () => {
    expect(nextSteps(S.ACCEPTED)).toEqual([
      { action: A.APPROVE, by: [R.INTERMEDIARY] },
      { action: A.WITHDRAW, by: [R.PARTICIPANT] },
      { action: A.CANCEL, by: [R.REGION, R.INTERMEDIARY] },
    ]);
    expect(nextSteps(S.COMPLETED)).toEqual([]);
    // Every step it lists is one decideEngagement allows.
    for (const status of Object.values(S)) {
      for (const step of nextSteps(status)) {
        expect(decideEngagement(status, step.action, new Set(step.by))).toMatchObject({ ok: true });
      }
    }
  });
});
