import { AppError, FieldProblem } from '@tsunagu/core';
import { CreateCompanyProgramInput } from '@tsunagu/companies';
import {
  AddCheckInInput,
  AddEngagementNoteInput,
  RecordFollowUpInput,
  TransitionEngagementInput,
} from '@tsunagu/engagements';
import { EngagementKpiArgs } from '@tsunagu/insights';
import { ParticipantProfileInput } from '@tsunagu/participants';
import { ProjectsArgs, SetProgramStaleAfterDaysArgs } from '@tsunagu/projects';
import { SetProgramWeightsInput, StartFullRescoreInput } from '@tsunagu/scoring';
import { InputValidationPipe } from './input-validation.pipe';

const ID = '6c1e4f0a-8a7b-4d53-9f0e-2f5d3c9b1a77';
const WEIGHTS = {
  skills: 0.3,
  theme: 0.2,
  availability: 0.1,
  distance: 0.1,
  goal: 0.1,
  tie: 0.1,
  fairness: 0.1,
};

// The problems the API's pipe reports for an argument, as the client sees them: `name` is the
// argument (undefined for @ArgsType classes, whose fields are arguments themselves).
async function problems(
  metatype: new () => object,
  value: unknown,
  name?: string,
): Promise<FieldProblem[]> {
  try {
    await new InputValidationPipe().transform(value, { type: 'body', metatype, data: name });
    return [];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('BAD_USER_INPUT');
    return error.fields;
  }
}

// Ranges that only depend on the input, checked on the input classes (not in the services), so
// they arrive as BAD_USER_INPUT at the field's path before any service runs.
describe('input ranges', () => {
  const checkIn = { applicationId: ID, summary: '写真を整理', hours: 2.5 };

  it('takes check-in hours in tenths from 0 to 80', async () => {
    expect(await problems(AddCheckInInput, checkIn, 'input')).toEqual([]);
    expect(await problems(AddCheckInInput, { ...checkIn, hours: 0.3 }, 'input')).toEqual([]);
    expect(await problems(AddCheckInInput, { ...checkIn, hours: 1.25 }, 'input')).toEqual([
      { path: ['input', 'hours'], message: 'must be from 0 to 80, in steps of 0.1' },
    ]);
  });

  it('refuses an engagement note of white space or over 4,000 characters', async () => {
    const note = { applicationId: ID, visibility: 'REGION_SHARED' };
    expect(await problems(AddEngagementNoteInput, { ...note, body: ' \n ' }, 'input')).toEqual([
      { path: ['input', 'body'], message: 'must not be empty' },
    ]);
    expect(
      await problems(AddEngagementNoteInput, { ...note, body: 'x'.repeat(4001) }, 'input'),
    ).toEqual([{ path: ['input', 'body'], message: 'must be at most 4,000 characters' }]);
  });

  it('needs follow-up outcomes, each once, and a note of at most 4,000 characters', async () => {
    const record = { followUpId: ID, outcomes: ['REVISITED'] };
    expect(await problems(RecordFollowUpInput, record, 'input')).toEqual([]);
    expect(await problems(RecordFollowUpInput, { ...record, outcomes: [] }, 'input')).toEqual([
      { path: ['input', 'outcomes'], message: 'must name at least one outcome' },
    ]);
    expect(
      await problems(
        RecordFollowUpInput,
        { ...record, outcomes: ['REVISITED', 'REVISITED'] },
        'input',
      ),
    ).toEqual([{ path: ['input', 'outcomes'], message: 'must not repeat an outcome' }]);
    expect(
      await problems(RecordFollowUpInput, { ...record, note: 'x'.repeat(4001) }, 'input'),
    ).toEqual([{ path: ['input', 'note'], message: 'must be at most 4,000 characters' }]);
  });

  it('checks a transition: reason length, interview slots and link, terms in order', async () => {
    const base = { applicationId: ID, action: 'DECLINE' };
    expect(
      await problems(TransitionEngagementInput, { ...base, reason: 'x'.repeat(2001) }, 'input'),
    ).toEqual([{ path: ['input', 'reason'], message: 'must be at most 2,000 characters' }]);
    expect(
      await problems(
        TransitionEngagementInput,
        { ...base, action: 'PROPOSE_INTERVIEW', interview: { slots: [], meetingUrl: 'http://x' } },
        'input',
      ),
    ).toEqual([
      { path: ['input', 'interview', 'slots'], message: 'must propose at least one slot' },
      { path: ['input', 'interview', 'meetingUrl'], message: 'must be an https:// link' },
    ]);
    const terms = { startDate: '2027-01-10', hoursPerWeek: 4, goals: '発信' };
    expect(
      await problems(
        TransitionEngagementInput,
        { ...base, action: 'APPROVE', terms: { ...terms, endDate: '2027-01-10' } },
        'input',
      ),
    ).toEqual([]);
    expect(
      await problems(
        TransitionEngagementInput,
        { ...base, action: 'APPROVE', terms: { ...terms, endDate: '2027-01-09' } },
        'input',
      ),
    ).toEqual([{ path: ['input', 'terms', 'endDate'], message: 'must not be before startDate' }]);
  });

  it('keeps a KPI period in order and under 5 years', async () => {
    const kpis = (from: string, to: string) =>
      problems(EngagementKpiArgs, { filter: { from, to } });
    expect(await kpis('2026-01-01', '2030-12-31')).toEqual([]);
    expect(await kpis('2026-02-01', '2026-01-31')).toEqual([
      { path: ['filter', 'to'], message: 'must not be before from' },
    ]);
    expect(await kpis('2026-01-01', '2031-01-01')).toEqual([
      { path: ['filter', 'to'], message: 'must be less than 5 years after from' },
    ]);
  });

  it('keeps project search and company program periods in order', async () => {
    expect(
      await problems(ProjectsArgs, {
        filter: { activeFrom: '2027-05-01', activeTo: '2027-04-30' },
      }),
    ).toEqual([{ path: ['filter', 'activeTo'], message: 'must not be before activeFrom' }]);
    const program = { companyOrganizationId: ID, name: '地域研修', startDate: '2027-04-01' };
    expect(
      await problems(CreateCompanyProgramInput, { ...program, endDate: '2027-03-31' }, 'input'),
    ).toEqual([{ path: ['input', 'endDate'], message: 'must not be before startDate' }]);
  });

  it('takes a program stale period of 1 to 365 days, or none', async () => {
    expect(await problems(SetProgramStaleAfterDaysArgs, { programId: ID, days: null })).toEqual([]);
    expect(await problems(SetProgramStaleAfterDaysArgs, { programId: ID, days: 366 })).toEqual([
      { path: ['days'], message: 'must be a whole number of days from 1 to 365' },
    ]);
  });

  it("checks matching weights by the engine's rules, each at its factor", async () => {
    const set = (weights: Record<string, number>) =>
      problems(SetProgramWeightsInput, { programId: ID, weights }, 'input');
    expect(await set(WEIGHTS)).toEqual([]);
    expect(await set({ ...WEIGHTS, theme: -0.1 })).toEqual([
      { path: ['input', 'weights', 'theme'], message: 'must be between 0 and 1' },
    ]);
    const zeros = Object.fromEntries(Object.keys(WEIGHTS).map((k) => [k, 0]));
    expect(await set(zeros)).toEqual([
      { path: ['input', 'weights'], message: 'at least one weight must be above 0' },
    ]);
  });

  it('asks a full re-score for a reason of at least 3 characters once trimmed', async () => {
    expect(await problems(StartFullRescoreInput, { reason: '  ab  ' }, 'input')).toEqual([
      { path: ['input', 'reason'], message: 'must say why, in at least 3 characters' },
    ]);
  });

  it("checks a profile's skill levels and availability periods by index", async () => {
    const profile = {
      kind: 'PRO_BONO',
      skills: [{ skillId: ID, level: 6 }],
      availability: {
        periods: [
          { from: '2027-04-01', to: null },
          { from: '2027-05-01', to: '2027-04-30' },
        ],
      },
    };
    expect(await problems(ParticipantProfileInput, profile, 'input')).toEqual([
      { path: ['input', 'skills', '0', 'level'], message: 'must be 1 to 5' },
      { path: ['input', 'availability', 'periods', '1', 'to'], message: 'must not be before from' },
    ]);
  });
});

describe('an optional input object', () => {
  it('left out or sent as null reaches the resolver as undefined, not an internal error', async () => {
    const pipe = new InputValidationPipe();
    for (const value of [undefined, null])
      await expect(
        pipe.transform(value, { type: 'body', metatype: AddCheckInInput, data: 'input' }),
      ).resolves.toBeUndefined();
  });
});
