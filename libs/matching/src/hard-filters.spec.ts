import { passesHardFilters } from './hard-filters';
import { participantFacts, projectFacts } from './test-facts';

describe('hard filters', () => {
  it('passes a plausible pair', () => {
    expect(passesHardFilters(participantFacts(), projectFacts())).toEqual({ pass: true });
  });

  it('excludes kinds the project is not open to; an empty list is open to all', () => {
    const students = projectFacts({ eligibleKinds: ['UNIVERSITY_STUDENT'] });
    expect(passesHardFilters(participantFacts(), students)).toEqual({
      pass: false,
      reason: 'KIND_NOT_ELIGIBLE',
    });
    expect(passesHardFilters(participantFacts({ kind: 'UNIVERSITY_STUDENT' }), students).pass).toBe(
      true,
    );
  });

  it('keeps remote-only people to remote and hybrid projects', () => {
    const remoteOnly = participantFacts({ remoteOnly: true });
    expect(passesHardFilters(remoteOnly, projectFacts({ mode: 'ONSITE' }))).toMatchObject({
      reason: 'REMOTE_ONLY',
    });
    expect(passesHardFilters(remoteOnly, projectFacts({ mode: 'HYBRID' })).pass).toBe(true);
    expect(passesHardFilters(remoteOnly, projectFacts({ mode: 'REMOTE' })).pass).toBe(true);
  });

  it('requires on-site projects within travel range (Tokyo–Ojiya is about 200 km)', () => {
    const onsite = projectFacts({ mode: 'ONSITE' });
    expect(passesHardFilters(participantFacts({ travelRangeKm: 250 }), onsite).pass).toBe(true);
    expect(passesHardFilters(participantFacts({ travelRangeKm: 150 }), onsite)).toMatchObject({
      reason: 'TOO_FAR',
    });
  });

  it('requires some overlap of availability and project period', () => {
    const period = (from: string, to: string | null) =>
      participantFacts({ availability: [{ from, to }] });
    expect(passesHardFilters(period('2026-06-01', '2026-12-31'), projectFacts())).toMatchObject({
      reason: 'NO_PERIOD_OVERLAP',
    });
    expect(passesHardFilters(period('2027-03-31', null), projectFacts()).pass).toBe(true);
    expect(passesHardFilters(period('2026-01-01', '2027-01-01'), projectFacts()).pass).toBe(true);
    // Ongoing projects overlap every future period.
    expect(
      passesHardFilters(
        period('2030-01-01', null),
        projectFacts({ period: { from: '2027-01-01', to: null } }),
      ).pass,
    ).toBe(true);
  });

  it('requires must-have skills at their minimum level, but not nice-to-haves', () => {
    const low = participantFacts({ skills: new Map([['web-design', 2]]) });
    expect(passesHardFilters(low, projectFacts())).toMatchObject({
      reason: 'MUST_HAVE_SKILL_MISSING',
    });
    const nice = projectFacts({
      skills: [{ skillId: 'web-design', must: false, minLevel: 3, weight: 5 }],
    });
    expect(passesHardFilters(low, nice).pass).toBe(true);
  });
});
