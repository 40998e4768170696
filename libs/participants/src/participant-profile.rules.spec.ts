import { ParticipantKind } from './participant-profile.entity';
import {
  isIso639_1,
  profileInputProblems,
  searchFilterProblems,
} from './participant-profile.rules';
import type { ParticipantProfileInput } from './participant.types';

const DESIGN = '6c1e4f0a-8a7b-4d53-9f0e-2f5d3c9b1a77';
const FARMING = '0b9a6a53-2b4f-4a8e-9d61-3f7c2e1d5a90';
const COMPANY = 'a3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

function input(overrides: Partial<ParticipantProfileInput> = {}): ParticipantProfileInput {
  return { kind: ParticipantKind.PRO_BONO, ...overrides };
}

const paths = (i: ParticipantProfileInput, now?: Date) =>
  profileInputProblems(i, now).map((p) => p.path.join('.'));

describe('profileInputProblems', () => {
  it('accepts a plain profile and a complete one', () => {
    expect(profileInputProblems(input())).toEqual([]);
    expect(
      profileInputProblems(
        input({
          skills: [
            { skillId: DESIGN, level: 5 },
            { skillId: FARMING, level: 1 },
          ],
          availability: {
            periods: [{ from: '2027-04-01', to: '2027-04-01' }, { from: '2027-05-01' }],
          },
          homeMunicipalityCode: '015431',
          languages: ['ja', 'en', 'ko'],
        }),
      ),
    ).toEqual([]);
  });

  describe('high-school students', () => {
    it('need a date of birth and a named guardian who has consented', () => {
      expect(paths(input({ kind: ParticipantKind.HIGH_SCHOOL_STUDENT }))).toEqual([
        'input.dateOfBirth',
        'input.guardianName',
        'input.guardianConsent',
      ]);
      expect(
        paths(
          input({
            kind: ParticipantKind.HIGH_SCHOOL_STUDENT,
            dateOfBirth: '2010-04-01',
            guardianName: '   ',
            guardianConsent: true,
          }),
        ),
      ).toEqual(['input.guardianName']);
      expect(
        paths(
          input({
            kind: ParticipantKind.HIGH_SCHOOL_STUDENT,
            dateOfBirth: '2010-04-01',
            guardianName: '渡辺 恵子',
            guardianConsent: true,
          }),
        ),
      ).toEqual([]);
    });

    it('take guardian details from anyone under 18 on the day, never a future birth date', () => {
      const now = new Date('2027-04-01T00:00:00Z');
      const young = {
        dateOfBirth: '2009-04-02',
        guardianName: '渡辺 恵子',
        guardianEmail: 'p@example.jp',
      };
      expect(paths(input(young), now)).toEqual([]);
      expect(paths(input({ ...young, dateOfBirth: '2009-04-01' }), now)).toEqual([
        'input.guardianName',
        'input.guardianEmail',
      ]);
      expect(paths(input({ dateOfBirth: '2027-04-02' }), now)).toEqual(['input.dateOfBirth']);
    });

    it('are asked for a guardian by age only: an adult high-school student names none', () => {
      const now = new Date('2027-04-01T00:00:00Z');
      const adult = { kind: ParticipantKind.HIGH_SCHOOL_STUDENT, dateOfBirth: '2009-03-01' };
      expect(paths(input(adult), now)).toEqual([]);
      expect(
        paths(input({ ...adult, guardianName: '渡辺 恵子', guardianConsent: true }), now),
      ).toEqual(['input.guardianName', 'input.guardianConsent']);
      expect(paths(input({ ...adult, dateOfBirth: '2009-04-02' }), now)).toEqual([
        'input.guardianName',
        'input.guardianConsent',
      ]);
    });

    it("count today as Japan's date, not the UTC one", () => {
      // 2027-03-14 15:30 UTC is already 2027-03-15 in Japan: the 18th birthday has come.
      const now = new Date('2027-03-14T15:30:00Z');
      const turning = { kind: ParticipantKind.HIGH_SCHOOL_STUDENT, dateOfBirth: '2009-03-15' };
      expect(paths(input(turning), now)).toEqual([]);
      expect(paths(input({ dateOfBirth: '2027-03-15' }), now)).toEqual([]);
      expect(paths(input({ dateOfBirth: '2027-03-16' }), now)).toEqual(['input.dateOfBirth']);
    });

    it('are the only ones with guardian details', () => {
      expect(paths(input({ guardianName: '渡辺 恵子', guardianConsent: true }))).toEqual([
        'input.guardianName',
        'input.guardianConsent',
      ]);
      expect(paths(input({ guardianName: null, guardianConsent: false }))).toEqual([]);
    });
  });

  describe('company employees', () => {
    it('need a company, and only they may have one', () => {
      expect(paths(input({ kind: ParticipantKind.COMPANY_EMPLOYEE }))).toEqual([
        'input.companyOrganizationId',
      ]);
      expect(
        paths(input({ kind: ParticipantKind.COMPANY_EMPLOYEE, companyOrganizationId: COMPANY })),
      ).toEqual([]);
      expect(
        paths(input({ kind: ParticipantKind.UNIVERSITY_STUDENT, companyOrganizationId: COMPANY })),
      ).toEqual(['input.companyOrganizationId']);
    });
  });

  describe('skills', () => {
    it('names a repeated skill by the index of its repetition', () => {
      const problems = profileInputProblems(
        input({
          skills: [
            { skillId: DESIGN, level: 3 },
            { skillId: FARMING, level: 3 },
            { skillId: DESIGN, level: 4 },
          ],
        }),
      );

      expect(problems).toEqual([
        { path: ['input', 'skills', '2', 'skillId'], message: 'repeats the skill at index 0' },
      ]);
    });
  });

  it('rejects an unknown municipality', () => {
    expect(paths(input({ homeMunicipalityCode: '999999' }))).toEqual([
      'input.homeMunicipalityCode',
    ]);
  });

  it('rejects language codes that are not ISO 639-1, by index', () => {
    expect(paths(input({ languages: ['ja', 'zz', 'jpn', 'EN'] }))).toEqual([
      'input.languages.1',
      'input.languages.2',
      'input.languages.3',
    ]);
  });

  it('reports every problem at once', () => {
    expect(
      paths(
        input({
          kind: ParticipantKind.HIGH_SCHOOL_STUDENT,
          companyOrganizationId: COMPANY,
          skills: [
            { skillId: DESIGN, level: 3 },
            { skillId: DESIGN, level: 4 },
          ],
          homeMunicipalityCode: '000000',
        }),
      ),
    ).toEqual([
      'input.dateOfBirth',
      'input.guardianName',
      'input.guardianConsent',
      'input.companyOrganizationId',
      'input.skills.1.skillId',
      'input.homeMunicipalityCode',
    ]);
  });
});

describe('isIso639_1', () => {
  it('knows two-letter language codes and nothing else', () => {
    expect(['ja', 'en', 'zh', 'ko', 'vi'].every(isIso639_1)).toBe(true);
    expect(['zz', 'qq', 'jpn', 'JA', 'j', ''].some(isIso639_1)).toBe(false);
  });
});

describe('searchFilterProblems', () => {
  it('accepts an empty filter and a full one', () => {
    expect(searchFilterProblems({})).toEqual([]);
    expect(searchFilterProblems({ skillIds: [DESIGN], minLevel: 3, prefectureCode: '13' })).toEqual(
      [],
    );
  });

  it('rejects minLevel without skills and an unknown prefecture', () => {
    expect(
      searchFilterProblems({ minLevel: 3, prefectureCode: '48' }).map((p) => p.path.join('.')),
    ).toEqual(['filter.minLevel', 'filter.prefectureCode']);
  });
});
