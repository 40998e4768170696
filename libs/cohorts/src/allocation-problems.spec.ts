import { type AllocationInstance, validateAllocationInstance } from '@tsunagu/matching';
import { describeExclusions, describeInstanceProblems, summarise } from './allocation-problems';

const names = {
  participant: (id: string) => ({ a: 'Aoki', b: 'Baba' })[id] ?? id,
  project: (id: string) => ({ x: 'Farm', y: 'Web' })[id] ?? id,
};

const describe_ = (instance: AllocationInstance) =>
  describeInstanceProblems(instance, validateAllocationInstance(instance), names);

describe('describeInstanceProblems', () => {
  it('names an empty cohort on each side', () => {
    const problems = describe_({ participants: [], projects: [] });
    expect(problems.map((p) => p.code)).toEqual(['EMPTY_COHORT', 'EMPTY_COHORT']);
    expect(problems[0].message).toContain('no members');
    expect(problems[1].message).toContain('no projects');
    expect(problems[0]).toMatchObject({ participantId: null, projectId: null });
  });

  it('points at the participant and project of a choice, by name', () => {
    const problems = describe_({
      participants: [
        { id: 'a', choices: [] },
        {
          id: 'b',
          choices: [
            { projectId: 'x', score: 0.5 },
            { projectId: 'x', score: 0.5 },
            { projectId: 'y', score: 0.5 },
          ],
        },
      ],
      projects: [
        { id: 'x', capacity: 1 },
        { id: 'y', capacity: 1, open: false },
      ],
    });
    expect(problems).toEqual([
      {
        code: 'DUPLICATE_CHOICE',
        message: 'Baba ranked "Farm" more than once',
        participantId: 'b',
        projectId: 'x',
      },
      {
        code: 'CLOSED_PROJECT',
        message: expect.stringContaining('Baba ranked "Web", which is no longer published'),
        participantId: 'b',
        projectId: 'y',
      },
    ]);
  });

  it('points at the project of a capacity problem', () => {
    const [problem] = describe_({
      participants: [{ id: 'a', choices: [] }],
      projects: [{ id: 'y', capacity: 0 }],
    });
    expect(problem).toMatchObject({
      code: 'INVALID_CAPACITY',
      participantId: null,
      projectId: 'y',
    });
    expect(problem.message).toContain('"Web"');
  });
});

describe('describeExclusions', () => {
  it('says who can no longer join what, and why', () => {
    const problems = describeExclusions(
      [{ participantId: 'a', projectId: 'x', reason: 'TOO_FAR' }],
      names,
    );
    expect(problems).toEqual([
      {
        code: 'PAIR_EXCLUDED',
        message:
          'Aoki can no longer join "Farm": the project is beyond the travel range in the profile',
        participantId: 'a',
        projectId: 'x',
      },
    ]);
    expect(summarise([...problems, ...problems])).toBe(
      `${problems[0].message}; ${problems[0].message}`,
    );
  });
});
