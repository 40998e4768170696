import { randomBytes, randomUUID } from 'node:crypto';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const PROFILE = `userId kind company { id kind } dateOfBirth guardianName guardianEmail guardianConsentAt
  skills { skillId code name nameEn level } themes { code name } goals
  availability { weeklyHours days periods { from to } }
  homeMunicipality { code name prefectureCode } travelRangeKm remoteOnly languages bio visibility
  phone updatedAt`;
const CARD = `userId displayName kind skills { skillId level } themes { code } goals
  availability { weeklyHours days periods { from to } } homeMunicipality { code }
  travelRangeKm remoteOnly languages bio`;
const ME = `{ myParticipantProfile { ${PROFILE} } }`;
const SAVE = `mutation($input: ParticipantProfileInput!) { saveMyParticipantProfile(input: $input) { ${PROFILE} } }`;
const SEARCH = `query($filter: ParticipantSearchFilter, $first: Int, $after: String) {
  searchParticipants(filter: $filter, first: $first, after: $after) {
    edges { cursor node { ${CARD} } } pageInfo { hasNextPage endCursor } } }`;
const ONE = `query($userId: ID!) { participantProfile(userId: $userId) { ${CARD} } }`;

// A word only this test's bios contain, so searches see this test's participants alone.
const marker = () => `m${randomBytes(4).toString('hex')}`;

describe('participant profiles', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let hub: Person;
  let regionStaff: Person;
  let companyOwner: Person;
  let companyId: string;
  let regionId: string;
  let design: string;
  let farming: string;
  let video: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    ({
      admin,
      regionStaff,
      regionId,
      hubStaff: hub,
    } = await f.supervisedRegion({
      municipalityCode: '015431', // 美幌町
      regionStaff: ['region-staff'],
      hubStaff: ['hub'],
      project: false,
    }));
    companyOwner = await f.signUp('company-owner');
    companyId = await f.company(admin, companyOwner);
    [design, farming, video] = await Promise.all([
      f.skill('UI design'),
      f.skill('Farming'),
      f.skill('Video editing'),
    ]);
  });

  afterAll(() => platform.close());

  const me = async (person: Person) =>
    expectData(await platform.gql(ME, {}, person.token)).myParticipantProfile;

  const search = (viewer: Person | undefined, filter: Record<string, unknown>, first = 20) =>
    platform.gql(SEARCH, { filter, first }, viewer?.token);

  const found = async (viewer: Person, filter: Record<string, unknown>) =>
    expectData(await search(viewer, filter)).searchParticipants.edges.map(
      (e: any) => e.node.userId,
    );

  async function participantWith(label: string, input: Record<string, unknown>) {
    const person = await f.signUp(label);
    expectData(await f.saveProfile(person, { kind: 'PRO_BONO', ...input }));
    return person;
  }

  describe('saving your own profile', () => {
    const full = () => ({
      kind: 'PRO_BONO',
      skills: [
        { skillId: farming, level: 2 },
        { skillId: design, level: 4 },
      ],
      themeCodes: ['work', 'agriculture'],
      goals: ['SKILL_INVENTORY', 'EXPLORING_A_MOVE'],
      availability: {
        weeklyHours: 6,
        days: 'WEEKENDS',
        periods: [
          { from: '2027-04-01', to: '2027-09-30' },
          { from: '2027-11-01', to: null },
        ],
      },
      homeMunicipalityCode: '131130',
      travelRangeKm: 800,
      remoteOnly: false,
      languages: ['ja', 'en'],
      bio: '  Webデザイナー。週末に地域の仕事を手伝いたい。  ',
      visibility: 'INTERMEDIARIES_AND_REGIONS',
      phone: '090-1234-5678',
    });

    it('saves every field and reads it back', async () => {
      const person = await f.signUp('round-trip');
      expect(await me(person)).toBeNull();

      const saved = expectData(
        await platform.gql(SAVE, { input: full() }, person.token),
      ).saveMyParticipantProfile;

      expect(saved).toMatchObject({
        userId: person.id,
        kind: 'PRO_BONO',
        company: null,
        guardianName: null,
        guardianConsentAt: null,
        skills: [
          { skillId: design, name: 'UI design', nameEn: 'UI design', level: 4 },
          { skillId: farming, level: 2 },
        ],
        themes: [
          { code: 'work', name: 'しごと' },
          { code: 'agriculture', name: '農業・農村' },
        ],
        goals: ['SKILL_INVENTORY', 'EXPLORING_A_MOVE'],
        availability: {
          weeklyHours: 6,
          days: 'WEEKENDS',
          periods: [
            { from: '2027-04-01', to: '2027-09-30' },
            { from: '2027-11-01', to: null },
          ],
        },
        homeMunicipality: { code: '131130', prefectureCode: '13' },
        travelRangeKm: 800,
        remoteOnly: false,
        languages: ['ja', 'en'],
        bio: 'Webデザイナー。週末に地域の仕事を手伝いたい。',
        visibility: 'INTERMEDIARIES_AND_REGIONS',
        phone: '090-1234-5678',
      });
      expect(await me(person)).toEqual(saved);
    });

    it('replaces the skill set and resets what is left out to its default', async () => {
      const person = await f.signUp('replace');
      const first = expectData(
        await platform.gql(SAVE, { input: full() }, person.token),
      ).saveMyParticipantProfile;

      const saved = expectData(
        await platform.gql(
          SAVE,
          { input: { kind: 'UNIVERSITY_STUDENT', skills: [{ skillId: video, level: 3 }] } },
          person.token,
        ),
      ).saveMyParticipantProfile;

      expect(saved).toMatchObject({
        kind: 'UNIVERSITY_STUDENT',
        skills: [{ skillId: video, level: 3 }],
        themes: [],
        goals: [],
        availability: { weeklyHours: null, days: 'ANY', periods: [] },
        homeMunicipality: null,
        travelRangeKm: 100,
        languages: ['ja'],
        bio: '',
        visibility: 'INTERMEDIARIES',
        phone: null,
      });
      // A re-save is an update: the profile says when it last changed.
      expect(Date.parse(saved.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
    });

    it('records a guardian’s consent for a high-school student and keeps its date on re-save', async () => {
      const person = await f.signUp('highschool');
      const input = {
        kind: 'HIGH_SCHOOL_STUDENT',
        dateOfBirth: '2010-05-05',
        guardianName: '渡辺 恵子',
        guardianEmail: 'Keiko.Watanabe@example.jp',
        guardianConsent: true,
        homeMunicipalityCode: '271004',
      };
      const first = expectData(
        await platform.gql(SAVE, { input }, person.token),
      ).saveMyParticipantProfile;
      expect(first.guardianName).toBe('渡辺 恵子');
      expect(first.dateOfBirth).toBe('2010-05-05');
      // Stored as typed but lower-cased: consent mails go to one address however it is written.
      expect(first.guardianEmail).toBe('keiko.watanabe@example.jp');
      expect(first.guardianConsentAt).toEqual(expect.any(String));

      const again = expectData(
        await platform.gql(SAVE, { input: { ...input, bio: '探究学習中' } }, person.token),
      ).saveMyParticipantProfile;
      expect(again.guardianConsentAt).toBe(first.guardianConsentAt);
    });

    it('links a company employee to a company that has enrolled them', async () => {
      const person = await f.signUp('employee');
      await f.addMember(admin, companyId, person);

      const saved = expectData(
        await platform.gql(
          SAVE,
          { input: { kind: 'COMPANY_EMPLOYEE', companyOrganizationId: companyId } },
          person.token,
        ),
      ).saveMyParticipantProfile;

      expect(saved.company).toEqual({ id: companyId, kind: 'COMPANY' });
    });

    describe('rejects with the field path and changes nothing', () => {
      let person: Person;
      let otherCompanyId: string;

      beforeAll(async () => {
        person = await f.signUp('rejected');
        expectData(await f.saveProfile(person, full()));
        otherCompanyId = await f.company(admin, await f.signUp('other-owner'), 'Other company');
      });

      const cases: Array<[string, () => Record<string, unknown>, string[], RegExp]> = [
        [
          'a high-school student without a guardian',
          () => ({ kind: 'HIGH_SCHOOL_STUDENT' }),
          ['input.dateOfBirth', 'input.guardianName', 'input.guardianConsent'],
          /guardian/,
        ],
        [
          'a high-school student whose guardian has not consented',
          () => ({
            kind: 'HIGH_SCHOOL_STUDENT',
            dateOfBirth: '2010-05-05',
            guardianName: '山田 花子',
            guardianConsent: false,
          }),
          ['input.guardianConsent'],
          /consent/,
        ],
        [
          'a guardian on an adult',
          () => ({ guardianName: '山田 花子', guardianConsent: true }),
          ['input.guardianName', 'input.guardianConsent'],
          /is only for (someone|a HIGH_SCHOOL_STUDENT) under 18/,
        ],
        [
          "a guardian's e-mail on an adult by date of birth",
          () => ({ dateOfBirth: '1990-01-01', guardianEmail: 'parent@example.jp' }),
          ['input.guardianEmail'],
          /under 18/,
        ],
        [
          'a date of birth in the future',
          () => ({ dateOfBirth: '2999-01-01' }),
          ['input.dateOfBirth'],
          /past date/,
        ],
        [
          "a guardian's e-mail that is not an address",
          () => ({
            kind: 'HIGH_SCHOOL_STUDENT',
            dateOfBirth: '2010-05-05',
            guardianName: '山田 花子',
            guardianConsent: true,
            guardianEmail: 'not-an-address',
          }),
          ['input.guardianEmail'],
          /e-mail/,
        ],
        [
          'a company employee without a company',
          () => ({ kind: 'COMPANY_EMPLOYEE' }),
          ['input.companyOrganizationId'],
          /required for a COMPANY_EMPLOYEE/,
        ],
        [
          'a company employee of a company that has not enrolled them',
          () => ({ kind: 'COMPANY_EMPLOYEE', companyOrganizationId: otherCompanyId }),
          ['input.companyOrganizationId'],
          /not a member of this company/,
        ],
        [
          'a company employee of an organisation that is not a company',
          () => ({ kind: 'COMPANY_EMPLOYEE', companyOrganizationId: regionId }),
          ['input.companyOrganizationId'],
          /not a COMPANY organisation/,
        ],
        [
          'a company on another kind of participant',
          () => ({ companyOrganizationId: companyId }),
          ['input.companyOrganizationId'],
          /only for a COMPANY_EMPLOYEE/,
        ],
        [
          'a repeated skill',
          () => ({
            skills: [
              { skillId: design, level: 3 },
              { skillId: farming, level: 2 },
              { skillId: design, level: 4 },
            ],
          }),
          ['input.skills.2.skillId'],
          /repeats the skill at index 0/,
        ],
        [
          'a level above 5',
          () => ({
            skills: [
              { skillId: design, level: 3 },
              { skillId: farming, level: 6 },
            ],
          }),
          ['input.skills.1.level'],
          /1 to 5/,
        ],
        [
          'a level below 1',
          () => ({ skills: [{ skillId: design, level: 0 }] }),
          ['input.skills.0.level'],
          /1 to 5/,
        ],
        [
          'a skill outside the taxonomy',
          () => ({
            skills: [
              { skillId: design, level: 3 },
              { skillId: randomUUID(), level: 3 },
            ],
          }),
          ['input.skills.1.skillId'],
          /unknown skill/,
        ],
        [
          'an unknown theme',
          () => ({ themeCodes: ['work', 'fishing'] }),
          ['input.themeCodes.1'],
          /unknown theme fishing/,
        ],
        [
          'an unknown municipality',
          () => ({ homeMunicipalityCode: '999999' }),
          ['input.homeMunicipalityCode'],
          /unknown municipality/,
        ],
        [
          'a period that ends before it starts',
          () => ({ availability: { periods: [{ from: '2027-05-01', to: '2027-04-30' }] } }),
          ['input.availability.periods.0.to'],
          /before from/,
        ],
        [
          'a language that is not ISO 639-1',
          () => ({ languages: ['ja', 'zz'] }),
          ['input.languages.1'],
          /ISO 639-1/,
        ],
        ['a malformed phone number', () => ({ phone: 'call me' }), ['input.phone'], /phone number/],
      ];

      it.each(cases)('%s', async (_what, overrides, paths, message) => {
        const before = await me(person);

        const result = await f.saveProfile(person, { ...full(), ...overrides() });

        expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
        const fields = result.errors![0].extensions.fields!;
        expect(fields.map((x) => x.path.join('.'))).toEqual(paths);
        for (const field of fields) expect(field.message).toMatch(message);
        expect(await me(person)).toEqual(before);
      });
    });
  });

  describe('visibility', () => {
    let hidden: Person;
    let hubsOnly: Person;
    let open: Person;
    let word: string;

    beforeAll(async () => {
      word = marker();
      hidden = await participantWith('hidden', { visibility: 'NOBODY', bio: `${word} hidden` });
      hubsOnly = await participantWith('hubs-only', {
        visibility: 'INTERMEDIARIES',
        bio: `${word} hubs`,
      });
      open = await participantWith('open', {
        visibility: 'INTERMEDIARIES_AND_REGIONS',
        bio: `${word} open`,
      });
    });

    it('lists for an intermediary what is open to intermediaries, never NOBODY', async () => {
      expect(await found(hub, { text: word })).toEqual([open.id, hubsOnly.id]);
    });

    it('lists for region staff only what is open to regions too', async () => {
      expect(await found(regionStaff, { text: word })).toEqual([open.id]);
    });

    it('reads one profile under the same rule, NOT_FOUND when not visible', async () => {
      const read = (viewer: Person, userId: string) => platform.gql(ONE, { userId }, viewer.token);
      for (const [viewer, visible, invisible] of [
        [hub, [open, hubsOnly], [hidden]],
        [regionStaff, [open], [hubsOnly, hidden]],
      ] as Array<[Person, Person[], Person[]]>) {
        for (const person of visible) {
          expect(expectData(await read(viewer, person.id)).participantProfile.userId).toBe(
            person.id,
          );
        }
        for (const person of [...invisible, { id: randomUUID() } as Person]) {
          expect((await read(viewer, person.id)).errors?.[0].extensions.code).toBe('NOT_FOUND');
        }
      }
    });

    it('forbids participants, companies and platform admins', async () => {
      for (const viewer of [open, companyOwner, admin]) {
        expect((await search(viewer, { text: word })).errors?.[0].extensions.code).toBe(
          'FORBIDDEN',
        );
        expect(
          (await platform.gql(ONE, { userId: open.id }, viewer.token)).errors?.[0].extensions.code,
        ).toBe('FORBIDDEN');
      }
      expect((await search(undefined, {})).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('search filters', () => {
    let word: string;
    let a: Person;
    let b: Person;
    let c: Person;

    beforeAll(async () => {
      word = marker();
      const visibility = 'INTERMEDIARIES_AND_REGIONS';
      // Saved in this order, so newest first is c, b, a.
      a = await participantWith('a', {
        visibility,
        skills: [{ skillId: design, level: 4 }],
        themeCodes: ['work'],
        homeMunicipalityCode: '131130', // 東京都渋谷区
        remoteOnly: true,
        bio: `${word} UIデザインが得意です`,
      });
      b = await participantWith('b', {
        visibility,
        kind: 'UNIVERSITY_STUDENT',
        skills: [
          { skillId: design, level: 2 },
          { skillId: farming, level: 5 },
        ],
        themeCodes: ['agriculture', 'learning'],
        homeMunicipalityCode: '141003', // 横浜市
        bio: `${word} 農業サークル`,
      });
      c = await participantWith('c', {
        visibility,
        kind: 'HIGH_SCHOOL_STUDENT',
        dateOfBirth: '2010-05-05',
        guardianName: '保護者',
        guardianConsent: true,
        themeCodes: ['learning'],
        homeMunicipalityCode: '271004', // 大阪市
        bio: `${word} 達成率100%です`,
      });
    });

    it.each<[string, () => Record<string, unknown>, () => Person[]]>([
      ['no filter, newest first', () => ({}), () => [c, b, a]],
      ['any of the skills', () => ({ skillIds: [design] }), () => [b, a]],
      ['a skill at a minimum level', () => ({ skillIds: [design], minLevel: 3 }), () => [a]],
      [
        'any of the skills at a minimum level',
        () => ({ skillIds: [video, farming], minLevel: 5 }),
        () => [b],
      ],
      ['any of the themes', () => ({ themeCodes: ['learning', 'local'] }), () => [c, b]],
      ['kinds', () => ({ kinds: ['PRO_BONO', 'HIGH_SCHOOL_STUDENT'] }), () => [c, a]],
      ['home prefecture', () => ({ prefectureCode: '14' }), () => [b]],
      ['remote only', () => ({ remoteOnly: true }), () => [a]],
      ['willing to travel', () => ({ remoteOnly: false }), () => [c, b]],
      [
        'combined filters',
        () => ({ themeCodes: ['learning'], kinds: ['UNIVERSITY_STUDENT'] }),
        () => [b],
      ],
    ])('filters by %s', async (_what, filter, expected) => {
      expect(await found(hub, { text: word, ...filter() })).toEqual(expected().map((p) => p.id));
    });

    it('matches text in the bio case-insensitively, with % and _ taken literally', async () => {
      expect(await found(hub, { text: `${word} uiデザイン` })).toEqual([a.id]);
      expect(await found(hub, { text: `${word} 達成率100%` })).toEqual([c.id]);
      expect(await found(hub, { text: `${word}%` })).toEqual([]);
      expect(await found(hub, { text: `${word}_` })).toEqual([]);
    });

    it('shows each card with its own skills and themes, highest level first', async () => {
      const cards = expectData(await search(hub, { text: word })).searchParticipants.edges.map(
        (e: any) => e.node,
      );
      expect(cards.map((x: any) => [x.userId, x.skills, x.themes])).toEqual([
        [c.id, [], [{ code: 'learning' }]],
        [
          b.id,
          [
            { skillId: farming, level: 5 },
            { skillId: design, level: 2 },
          ],
          [{ code: 'agriculture' }, { code: 'learning' }],
        ],
        [a.id, [{ skillId: design, level: 4 }], [{ code: 'work' }]],
      ]);
      expect(cards[1]).toMatchObject({
        displayName: 'b',
        kind: 'UNIVERSITY_STUDENT',
        homeMunicipality: { code: '141003' },
        availability: { days: 'ANY', periods: [] },
      });
    });

    it('pages with a cursor', async () => {
      const first = expectData(await search(hub, { text: word }, 2)).searchParticipants;
      expect(first.edges.map((e: any) => e.node.userId)).toEqual([c.id, b.id]);
      expect(first.pageInfo.hasNextPage).toBe(true);

      const second = expectData(
        await platform.gql(
          SEARCH,
          { filter: { text: word }, first: 2, after: first.pageInfo.endCursor },
          hub.token,
        ),
      ).searchParticipants;
      expect(second.edges.map((e: any) => e.node.userId)).toEqual([a.id]);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });

    it.each<[Record<string, unknown>, string]>([
      [{ minLevel: 3 }, 'filter.minLevel'],
      [{ skillIds: ['00000000-0000-4000-8000-000000000000'], minLevel: 6 }, 'filter.minLevel'],
      [{ prefectureCode: '99' }, 'filter.prefectureCode'],
      [{ skillIds: ['design'] }, 'filter.skillIds.0'],
    ])('rejects %j at %s', async (filter, path) => {
      const result = await search(hub, filter);
      expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields!.map((x) => x.path.join('.'))).toContain(path);
    });
  });

  describe('contact details', () => {
    it('shows e-mail, phone and guardian to nobody but the owner', async () => {
      const person = await participantWith('private', {
        kind: 'HIGH_SCHOOL_STUDENT',
        dateOfBirth: '2010-05-05',
        guardianName: '秘密の保護者',
        guardianEmail: 'secret-parent@example.jp',
        guardianConsent: true,
        phone: '080-9876-5432',
        visibility: 'INTERMEDIARIES_AND_REGIONS',
        bio: `${marker()} contact`,
      });
      expect(await me(person)).toMatchObject({
        phone: '080-9876-5432',
        guardianName: '秘密の保護者',
      });

      for (const viewer of [hub, regionStaff]) {
        const responses = [
          await platform.gql(ONE, { userId: person.id }, viewer.token),
          await search(viewer, { text: 'contact' }, 100),
        ];
        for (const response of responses) {
          const text = JSON.stringify(expectData(response));
          expect(text).toContain(person.id);
          for (const secret of [person.email, '080-9876-5432', '秘密の保護者']) {
            expect(text).not.toContain(secret);
          }
        }
      }
    });

    it('has no contact or guardian field on the card type at all', async () => {
      const type = expectData(
        await platform.gql(
          `{ __type(name: "ParticipantCard") { fields { name } } }`,
          {},
          hub.token,
        ),
      ).__type;
      const names = type.fields.map((x: any) => x.name);
      expect(names).toEqual(expect.arrayContaining(['displayName', 'bio', 'skills']));
      for (const name of [
        'email',
        'phone',
        'dateOfBirth',
        'guardianName',
        'guardianEmail',
        'guardianConsentAt',
        'visibility',
      ]) {
        expect(names).not.toContain(name);
      }
      const asked = await platform.gql(
        `query($userId: ID!) { participantProfile(userId: $userId) { email } }`,
        { userId: randomUUID() },
        hub.token,
      );
      expect(asked.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });
  // The profile editor's prefecture → municipality picker.
  describe('municipalities of a prefecture', () => {
    const MUNICIPALITIES = `query($prefectureCode: String!) {
      municipalities(prefectureCode: $prefectureCode) { code name nameEn prefectureCode } }`;
    const list = (prefectureCode: string) => platform.gql(MUNICIPALITIES, { prefectureCode });

    it('lists every municipality of the prefecture in code order, in Japanese and romanised', async () => {
      const hokkaido = expectData(await list('01')).municipalities as any[];
      // 179 municipalities (Sapporo among them) and Sapporo's 10 wards.
      expect(hokkaido).toHaveLength(189);
      expect(hokkaido.every((m) => m.prefectureCode === '01')).toBe(true);
      const codes = hokkaido.map((m) => m.code);
      expect(codes).toEqual([...codes].sort());
      expect(hokkaido).toContainEqual({
        code: '015431',
        name: '北海道美幌町',
        nameEn: 'Bihoro Town',
        prefectureCode: '01',
      });
      expect(hokkaido.find((m) => m.code === '011011')?.nameEn).toBe('Chuo Ward, Sapporo');
      const tokyo = expectData(await list('13')).municipalities as any[];
      expect(tokyo.filter((m) => /区$/.test(m.name))).toHaveLength(23);
    });

    it('refuses a code that is not a prefecture, on the prefectureCode field', async () => {
      for (const code of ['1', '48', 'ab']) {
        const error = rejection(await list(code));
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
        expect(error.extensions?.fields).toEqual([
          expect.objectContaining({ path: ['prefectureCode'] }),
        ]);
      }
    });

    it("names the profile's home municipality in both languages", async () => {
      const person = await f.signUp('home-names');
      expectData(await f.saveProfile(person, { kind: 'PRO_BONO', homeMunicipalityCode: '015431' }));
      const profile = expectData(
        await platform.gql(
          `{ myParticipantProfile { homeMunicipality { code name nameEn } } }`,
          {},
          person.token,
        ),
      ).myParticipantProfile;
      expect(profile.homeMunicipality).toEqual({
        code: '015431',
        name: '北海道美幌町',
        nameEn: 'Bihoro Town',
      });
    });
  });
});
