import { allocationInstance } from './allocation-test-instances';
import type { AllocationInstance } from './allocation-types';
import {
  InvalidAllocationInstanceError,
  validateAllocationInstance,
} from './allocation-validation';
import { allocateStable } from './deferred-acceptance';
import { allocateOptimal } from './optimal-allocation';

const valid = (): AllocationInstance => ({
  participants: [
    { id: 'a', choices: [{ projectId: 'x', score: 0.5 }] },
    { id: 'b', choices: [] },
  ],
  projects: [
    { id: 'x', capacity: 1 },
    { id: 'y', capacity: 2, open: false },
  ],
});

const problemsOf = (instance: AllocationInstance) =>
  validateAllocationInstance(instance).map(({ code, path }) => ({ code, path }));

describe('validateAllocationInstance', () => {
  it('accepts a valid instance, including a closed project nobody ranked', () => {
    expect(validateAllocationInstance(valid())).toEqual([]);
  });

  it('reports an empty cohort on each side', () => {
    expect(problemsOf({ participants: [], projects: [] })).toEqual([
      { code: 'EMPTY_COHORT', path: 'participants' },
      { code: 'EMPTY_COHORT', path: 'projects' },
    ]);
  });

  // 2^31 and up would not fit the allocators' Int32Arrays.
  it.each([0, -1, 1.5, NaN, Infinity, 2 ** 31, 2 ** 53])('reports capacity %p', (capacity) => {
    const instance = valid();
    expect(
      problemsOf({ ...instance, projects: [instance.projects[0], { id: 'y', capacity }] }),
    ).toEqual([{ code: 'INVALID_CAPACITY', path: 'projects[1].capacity' }]);
  });

  it('accepts and allocates the largest capacity, 2^31 - 1', () => {
    const instance = { ...valid(), projects: [{ id: 'x', capacity: 2 ** 31 - 1 }] };
    expect(validateAllocationInstance(instance)).toEqual([]);
    expect(allocateOptimal(instance).assignments).toEqual([
      { participantId: 'a', projectId: 'x', score: 0.5, rank: 1 },
    ]);
    expect(allocateStable(instance).assignments).toHaveLength(1);
  });

  it('reports a project ranked twice (a tie) at the second mention', () => {
    const instance = valid();
    const choices = [
      { projectId: 'x', score: 0.5 },
      { projectId: 'x', score: 0.5 },
    ];
    expect(problemsOf({ ...instance, participants: [{ id: 'a', choices }] })).toEqual([
      { code: 'DUPLICATE_CHOICE', path: 'participants[0].choices[1]' },
    ]);
  });

  it('reports unknown and closed projects', () => {
    const instance = valid();
    const choices = [
      { projectId: 'x', score: 0.5 },
      { projectId: 'nowhere', score: 0.5 },
      { projectId: 'y', score: 0.5 },
    ];
    const problems = validateAllocationInstance({
      ...instance,
      participants: [instance.participants[1], { id: 'a', choices }],
    });
    expect(problems.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'UNKNOWN_PROJECT', path: 'participants[1].choices[1]' },
      { code: 'CLOSED_PROJECT', path: 'participants[1].choices[2]' },
    ]);
    expect(problems[0].message).toContain('nowhere');
  });

  it.each([-0.000001, 1.000001, NaN])('reports score %p', (score) => {
    const instance = valid();
    expect(
      problemsOf({
        ...instance,
        participants: [{ id: 'a', choices: [{ projectId: 'x', score }] }],
      }),
    ).toEqual([{ code: 'SCORE_OUT_OF_RANGE', path: 'participants[0].choices[0].score' }]);
  });

  it('accepts scores at both ends of [0, 1]', () => {
    const choices = [
      { projectId: 'x', score: 0 },
      { projectId: 'z', score: 1 },
    ];
    expect(
      problemsOf({
        participants: [{ id: 'a', choices }],
        projects: [
          { id: 'x', capacity: 1 },
          { id: 'z', capacity: 1 },
        ],
      }),
    ).toEqual([]);
  });

  it('reports duplicate participant and project ids at the later occurrence', () => {
    const instance = valid();
    expect(
      problemsOf({
        participants: [...instance.participants, { id: 'a', choices: [] }],
        projects: [...instance.projects, { id: 'x', capacity: 3 }],
      }),
    ).toEqual([
      { code: 'DUPLICATE_PROJECT', path: 'projects[2].id' },
      { code: 'DUPLICATE_PARTICIPANT', path: 'participants[2].id' },
    ]);
  });

  it.each([
    ['allocateStable', allocateStable],
    ['allocateOptimal', allocateOptimal],
  ])('%s throws a RangeError listing every problem', (_, allocate) => {
    const instance = allocationInstance({ a: { nowhere: 2 } }, { x: 0 });
    let error: unknown;
    try {
      allocate(instance);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toBeInstanceOf(InvalidAllocationInstanceError);
    expect((error as InvalidAllocationInstanceError).problems.map((p) => p.code)).toEqual([
      'INVALID_CAPACITY',
      'UNKNOWN_PROJECT',
      'SCORE_OUT_OF_RANGE',
    ]);
    expect((error as Error).message).toContain('participants[0].choices[0]');
    expect((error as Error).message).toContain('projects[0].capacity');
  });
});
