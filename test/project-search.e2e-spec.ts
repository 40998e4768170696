import { JapanGeography } from '@tsunagu/core';
import { randomBytes } from 'node:crypto';
import { expectData, Fixtures, Person } from './support/fixtures';
import { GraphQLResult, startTestPlatform, TestPlatform } from './support/test-platform';

const SEARCH = `query($filter: ProjectFilter, $sort: ProjectSort, $first: Int, $after: String) {
  projects(filter: $filter, sort: $sort, first: $first, after: $after) {
    edges { cursor node { id title status publishedAt } } pageInfo { hasNextPage endCursor } } }`;

// A word only this file's titles contain.
const token = () => `t${randomBytes(4).toString('hex')}`;

// Searching published projects: Japanese free text without word boundaries, widths and case,
// every filter against hand-built data, ranking and stable cursor pagination. Every test works in
// municipalities of its own (or with a token of its own), so it sees only its own rows.
describe('project search', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  // Unused 北海道 municipalities, one or more per test.
  const freeMunicipalities = [...JapanGeography.get().municipalities.keys()].filter(
    (code) => code.startsWith('01') && !code.startsWith('011'), // not 札幌's wards
  );

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    admin = await f.admin();
  });

  afterAll(() => platform.close());

  interface Region {
    id: string;
    staff: Person;
    municipalityCode: string;
  }

  async function newRegion(municipalityCode = freeMunicipalities.shift()!): Promise<Region> {
    const staff = await f.signUp(`staff-${municipalityCode}`);
    const id = await f.region(admin, municipalityCode, [staff]);
    return { id, staff, municipalityCode };
  }

  // Drafted by the region, published by the platform admin (a supervisor of every place).
  // Descriptions get a neutral ending, as they must be 10 characters or more.
  async function published(region: Region, fields: Record<string, unknown>): Promise<string> {
    const id = await f.publishedProject(
      admin,
      region.staff,
      region.id,
      withLongDescription(fields),
    );
    return id;
  }

  const withLongDescription = (fields: Record<string, unknown>) => ({
    ...fields,
    description: `${String(fields.description)} よろしくお願いします。`,
  });

  const search = (variables: Record<string, unknown>): Promise<GraphQLResult> =>
    platform.gql(SEARCH, { first: 100, ...variables });

  // Ids found, in order.
  async function found(filter: Record<string, unknown>, sort?: string): Promise<string[]> {
    const data = expectData(await search({ filter, sort }));
    expect(data.projects.pageInfo.hasNextPage).toBe(false);
    return data.projects.edges.map((e: any) => e.node.id);
  }

  const sorted = (ids: string[]) => [...ids].sort();

  describe('free text', () => {
    it('finds 空き家 inside longer words, and nothing else', async () => {
      const r = await newRegion();
      const use = await published(r, {
        title: '空き家の活用',
        description: '古い家を地域の拠点にします。',
      });
      const bank = await published(r, {
        title: '空き家バンクの立ち上げ',
        description: '物件情報を整理します。',
      });
      const inText = await published(r, {
        title: '移住相談会',
        description: '町内の空き家を案内するツアーも行います。',
      });
      await published(r, { title: '空き地の草刈り', description: '家の周りの草を刈ります。' });
      await published(r, { title: '古民家カフェの運営', description: '週末だけのカフェです。' });
      const filter = { municipalityCode: r.municipalityCode };
      expect(sorted(await found({ ...filter, text: '空き家' }))).toEqual(
        sorted([use, bank, inText]),
      );
      expect(await found({ ...filter, text: '空き家バンク' })).toEqual([bank]);
      expect(await found({ ...filter, text: '空き家の活用' })).toEqual([use]);
    });

    it('works with a two-character query such as 棚田 (below the trigram length)', async () => {
      const r = await newRegion();
      const owner = await published(r, {
        title: '棚田オーナー制度',
        description: '年に数回、田んぼの作業に来てください。',
      });
      const inText = await published(r, {
        title: '米づくり体験',
        description: '山あいの棚田で田植えをします。',
      });
      await published(r, { title: '田植え体験', description: '平地の田んぼで田植えをします。' });
      const filter = { municipalityCode: r.municipalityCode };
      expect(sorted(await found({ ...filter, text: '棚田' }))).toEqual(sorted([owner, inText]));
      expect(await found({ ...filter, text: '棚' })).toHaveLength(2);
    });

    it('matches full-width and half-width variants both ways', async () => {
      const r = await newRegion();
      const fullAi = await published(r, {
        title: 'ＡＩ活用講座',
        description: '役場の業務を一緒に見直します。',
      });
      const halfAi = await published(r, {
        title: 'AIで農業を変える',
        description: '画像解析で病害を見つけます。',
      });
      const halfKana = await published(r, {
        title: 'ｶﾌｪ開業支援',
        description: '駅前の空き店舗を使います。',
      });
      const fullKana = await published(r, {
        title: 'カフェの運営',
        description: '週末の営業を手伝ってください。',
      });
      const filter = { municipalityCode: r.municipalityCode };
      for (const text of ['AI', 'ＡＩ', 'ai', 'ａｉ']) {
        expect(sorted(await found({ ...filter, text }))).toEqual(sorted([fullAi, halfAi]));
      }
      for (const text of ['カフェ', 'ｶﾌｪ']) {
        expect(sorted(await found({ ...filter, text }))).toEqual(sorted([halfKana, fullKana]));
      }
    });

    it('ignores case in English', async () => {
      const r = await newRegion();
      const design = await published(r, {
        title: 'Web design for the town office',
        description: 'Renew the website with the staff.',
      });
      const upper = await published(r, {
        title: 'ロゴ制作',
        description: 'A logo DESIGN for local sake.',
      });
      await published(r, { title: 'Web writing', description: 'Articles about the town.' });
      const filter = { municipalityCode: r.municipalityCode };
      for (const text of ['Design', 'design', 'DESIGN', 'ＤＥＳＩＧＮ']) {
        expect(sorted(await found({ ...filter, text }))).toEqual(sorted([design, upper]));
      }
    });

    it('takes % and _ literally', async () => {
      const r = await newRegion();
      const percent = await published(r, {
        title: '満足度100%の民泊',
        description: 'お客様の声を集めます。',
      });
      const thousand = await published(r, {
        title: '1000人の町の民泊',
        description: 'お客様の声を集めます。',
      });
      const underscore = await published(r, {
        title: 'snake_case講座',
        description: 'プログラミングの基礎です。',
      });
      const space = await published(r, {
        title: 'snake case講座',
        description: 'プログラミングの基礎です。',
      });
      const backslash = await published(r, {
        title: 'C:\\data の整理',
        description: 'ファイル整理を手伝います。',
      });
      const filter = { municipalityCode: r.municipalityCode };
      expect(await found({ ...filter, text: '100%' })).toEqual([percent]);
      expect(await found({ ...filter, text: '%' })).toEqual([percent]);
      expect(await found({ ...filter, text: '1%0' })).toEqual([]);
      expect(await found({ ...filter, text: 'snake_case' })).toEqual([underscore]);
      expect(await found({ ...filter, text: '_' })).toEqual([underscore]);
      expect(await found({ ...filter, text: 'C:\\data' })).toEqual([backslash]);
      expect(await found({ ...filter, text: '\\' })).toEqual([backslash]);
      expect(sorted(await found({ ...filter, text: '民泊' }))).toEqual(sorted([percent, thousand]));
      expect(sorted(await found({ ...filter, text: 'snake' }))).toEqual(
        sorted([underscore, space]),
      );
    });

    it('ANDs the words of a query (half- and full-width spaces)', async () => {
      const r = await newRegion();
      const both = await published(r, {
        title: '空き家をカフェに',
        description: '改装から運営まで。',
      });
      const split = await published(r, {
        title: '空き家の片付け',
        description: '片付けの後はカフェで交流会。',
      });
      await published(r, { title: '空き家の調査', description: '町内を歩いて調べます。' });
      await published(r, { title: 'カフェの運営', description: '週末だけ開きます。' });
      const filter = { municipalityCode: r.municipalityCode };
      for (const text of ['空き家 カフェ', 'カフェ　空き家', '  空き家   カフェ ']) {
        expect(sorted(await found({ ...filter, text }))).toEqual(sorted([both, split]));
      }
      expect(await found({ ...filter, text: '空き家 カフェ 改装' })).toEqual([both]);
    });

    it('rejects a query with no words', async () => {
      const result = await search({ filter: { text: ' 　 ' } });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: ['filter', 'text'] }],
      });
    });
  });

  describe('ordering', () => {
    it('NEWEST orders by publication; RELEVANCE puts title matches first', async () => {
      const r = await newRegion();
      // Created in one order, published in another: publication decides.
      const draft = (title: string, description: string) =>
        f.project(r.staff, r.id, withLongDescription({ title, description }));
      const titleOld = await draft('里山の保全', '下草刈りをします。');
      const textMiddle = await draft('森の学校', '里山で子どもと遊びます。');
      const bothNew = await draft('里山ガイド', '里山を案内します。');
      const unrelated = await draft('海の清掃', '浜辺のごみを拾います。');
      for (const id of [titleOld, unrelated, textMiddle, bothNew]) await f.publish(admin, id);

      const filter = { municipalityCode: r.municipalityCode };
      expect(await found(filter)).toEqual([bothNew, textMiddle, unrelated, titleOld]);
      expect(await found(filter, 'NEWEST')).toEqual([bothNew, textMiddle, unrelated, titleOld]);
      expect(await found({ ...filter, text: '里山' }, 'NEWEST')).toEqual([
        bothNew,
        textMiddle,
        titleOld,
      ]);
      expect(await found({ ...filter, text: '里山' }, 'RELEVANCE')).toEqual([
        bothNew,
        titleOld,
        textMiddle,
      ]);

      const dates = expectData(await search({ filter })).projects.edges.map((e: any) =>
        Date.parse(e.node.publishedAt),
      );
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
    });

    it('RELEVANCE ranks a title with more of the words higher', async () => {
      const r = await newRegion();
      const one = await published(r, {
        title: '星空観察会',
        description: '山の上で星空を見ます。ガイドも募集。',
      });
      const two = await published(r, { title: '星空ガイド養成', description: '夜の観光です。' });
      const none = await published(r, {
        title: '夜の観光',
        description: '星空のガイドツアーを企画します。',
      });
      expect(
        await found({ municipalityCode: r.municipalityCode, text: '星空 ガイド' }, 'RELEVANCE'),
      ).toEqual([two, one, none]);
    });

    it('rejects RELEVANCE without text', async () => {
      for (const filter of [undefined, { prefectureCode: '01' }]) {
        const result = await search({ filter, sort: 'RELEVANCE' });
        expect(result.errors).toHaveLength(1);
        expect(result.errors![0].extensions).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [{ path: ['sort'], message: 'RELEVANCE needs filter.text' }],
        });
      }
    });
  });

  describe('filters', () => {
    const tok = token();
    let hokkaidoHubOrg: string;
    let iwateHubOrg: string;
    let hokkaidoProgram: string;
    let iwateProgram: string;
    let skills: string[];
    // A and B in 北海道 (two towns), C and D in 岩手県.
    const ids: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };
    let townB: string;

    const program = async (orgId: string, name: string) =>
      expectData(
        await platform.gql(
          `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
          { input: { intermediaryOrganizationId: orgId, name } },
          admin.token,
        ),
      ).createProgram.id as string;

    beforeAll(async () => {
      hokkaidoHubOrg = await f.intermediary(admin, { prefectureCodes: ['01'] }, []);
      iwateHubOrg = await f.intermediary(admin, { prefectureCodes: ['03'] }, []);
      hokkaidoProgram = await program(hokkaidoHubOrg, `北海道関係人口 ${tok}`);
      iwateProgram = await program(iwateHubOrg, `いわて関係人口 ${tok}`);
      skills = await Promise.all(['Mowing', 'Teaching', 'Carpentry'].map((s) => f.skill(s)));
      const [a, b] = [await newRegion(), await newRegion()];
      townB = b.municipalityCode;
      const [c, d] = [await newRegion('032093'), await newRegion('033014')]; // 一関市, 雫石町
      const base = { description: `フィルタの確認用です ${tok}` };
      ids.A = await published(a, {
        ...base,
        title: `A 草刈り ${tok}`,
        themeCode: 'agriculture',
        mode: 'ONSITE',
        startDate: '2027-04-01',
        endDate: '2027-06-30',
        hoursPerWeek: 4,
        requiredSkills: [{ skillId: skills[0], requirement: 'MUST', minLevel: 1 }],
        programId: hokkaidoProgram,
      });
      ids.B = await published(b, {
        ...base,
        title: `B 学習支援 ${tok}`,
        themeCode: 'learning',
        mode: 'REMOTE',
        startDate: '2027-07-01',
        endDate: '2027-09-30',
        eligibleKinds: ['UNIVERSITY_STUDENT'],
        hoursPerWeek: 10,
        requiredSkills: [{ skillId: skills[1], requirement: 'NICE', minLevel: 2 }],
      });
      ids.C = await published(c, {
        ...base,
        title: `C 店舗改装 ${tok}`,
        themeCode: 'work',
        mode: 'HYBRID',
        startDate: '2026-01-01',
        endDate: null,
        eligibleKinds: ['PRO_BONO', 'COMPANY_EMPLOYEE'],
        hoursPerWeek: 20,
        requiredSkills: [
          { skillId: skills[2], requirement: 'MUST', minLevel: 3 },
          { skillId: skills[0], requirement: 'NICE', minLevel: 1 },
        ],
      });
      ids.D = await published(d, {
        ...base,
        title: `D 祭りの準備 ${tok}`,
        themeCode: 'local',
        mode: 'ONSITE',
        startDate: '2028-01-01',
        endDate: null,
        eligibleKinds: ['HIGH_SCHOOL_STUDENT'],
        programId: iwateProgram,
      });
      // Matches everything below but is never published.
      await f.project(a.staff, a.id, {
        ...base,
        title: `E 下書き ${tok}`,
        themeCode: 'agriculture',
        mode: 'ONSITE',
        startDate: '2026-01-01',
        endDate: null,
        hoursPerWeek: 1,
        requiredSkills: [{ skillId: skills[0], requirement: 'MUST', minLevel: 1 }],
        programId: hokkaidoProgram,
      });
    });

    const letters = async (filter: Record<string, unknown>) => {
      const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
      return (await found({ text: tok, ...filter })).map((id) => byId[id]).sort();
    };

    it('finds all four with the token alone', async () => {
      expect(await letters({})).toEqual(['A', 'B', 'C', 'D']);
    });

    it.each([
      ['themeCodes', { themeCodes: ['agriculture', 'learning'] }, ['A', 'B']],
      ['themeCodes (one)', { themeCodes: ['local'] }, ['D']],
      ['themeCodes (unknown theme is harmless)', { themeCodes: ['fishing'] }, []],
      ['themeCodes (empty list: no restriction)', { themeCodes: [] }, ['A', 'B', 'C', 'D']],
      ['prefectureCode 01', { prefectureCode: '01' }, ['A', 'B']],
      ['prefectureCode 03', { prefectureCode: '03' }, ['C', 'D']],
      ['prefectureCode 13', { prefectureCode: '13' }, []],
      ['municipalityCode', { municipalityCode: '032093' }, ['C']],
      ['modes', { modes: ['REMOTE', 'HYBRID'] }, ['B', 'C']],
      ['modes (one)', { modes: ['ONSITE'] }, ['A', 'D']],
      ['eligibleFor (empty list: everyone)', { eligibleFor: 'UNIVERSITY_STUDENT' }, ['A', 'B']],
      ['eligibleFor PRO_BONO', { eligibleFor: 'PRO_BONO' }, ['A', 'C']],
      ['eligibleFor HIGH_SCHOOL_STUDENT', { eligibleFor: 'HIGH_SCHOOL_STUDENT' }, ['A', 'D']],
      ['eligibleFor COMPANY_EMPLOYEE', { eligibleFor: 'COMPANY_EMPLOYEE' }, ['A', 'C']],
      // D states no hours: it is left out of any hours limit.
      ['maxHoursPerWeek 10', { maxHoursPerWeek: 10 }, ['A', 'B']],
      ['maxHoursPerWeek 3', { maxHoursPerWeek: 3 }, []],
      ['maxHoursPerWeek 80', { maxHoursPerWeek: 80 }, ['A', 'B', 'C']],
      [
        'overlap inside A and B',
        { activeFrom: '2027-06-15', activeTo: '2027-07-15' },
        ['A', 'B', 'C'],
      ],
      ['overlap on A’s last day', { activeFrom: '2027-06-30', activeTo: '2027-06-30' }, ['A', 'C']],
      [
        'overlap on B’s first day',
        { activeFrom: '2027-07-01', activeTo: '2027-07-01' },
        ['B', 'C'],
      ],
      ['activeFrom only (ongoing count)', { activeFrom: '2027-10-01' }, ['C', 'D']],
      ['activeTo only', { activeTo: '2026-12-31' }, ['C']],
      ['a period before everything', { activeFrom: '2025-01-01', activeTo: '2025-12-31' }, []],
      ['a period reaching D', { activeFrom: '2027-12-01', activeTo: '2028-01-01' }, ['C', 'D']],
      ['combined', { prefectureCode: '01', modes: ['ONSITE'], themeCodes: ['agriculture'] }, ['A']],
    ])('%s', async (_name, filter, expected) => {
      expect(await letters(filter)).toEqual(expected);
    });

    it('treats null in any filter field as no filter', async () => {
      const nulls = Object.fromEntries(
        [
          'themeCodes',
          'skillIds',
          'prefectureCode',
          'municipalityCode',
          'modes',
          'activeFrom',
          'activeTo',
          'eligibleFor',
          'maxHoursPerWeek',
          'programId',
        ].map((field) => [field, null]),
      );
      expect(await letters(nulls)).toEqual(['A', 'B', 'C', 'D']);
      const byText = await found({ text: null, ...nulls, municipalityCode: townB });
      expect(byText).toEqual([ids.B]);
    });

    it('filters by any of the skills asked for, must-have or nice-to-have', async () => {
      expect(await letters({ skillIds: [skills[0]] })).toEqual(['A', 'C']);
      expect(await letters({ skillIds: [skills[1], skills[2]] })).toEqual(['B', 'C']);
      expect(await letters({ skillIds: [skills[1]] })).toEqual(['B']);
      expect(await letters({ skillIds: [await f.skill('Unused')] })).toEqual([]);
    });

    it('filters by program', async () => {
      expect(await letters({ programId: hokkaidoProgram })).toEqual(['A']);
      expect(await letters({ programId: iwateProgram })).toEqual(['D']);
      expect(await letters({ programId: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
    });

    it('filters by municipality of a town in 北海道', async () => {
      expect(await letters({ municipalityCode: townB })).toEqual(['B']);
    });

    it('rejects a period that ends before it starts', async () => {
      const result = await search({
        filter: { text: tok, activeFrom: '2027-05-01', activeTo: '2027-04-30' },
      });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: ['filter', 'activeTo'] }],
      });
    });

    it.each([
      [{ prefectureCode: '1' }, 'filter.prefectureCode'],
      [{ municipalityCode: '01543' }, 'filter.municipalityCode'],
      [{ activeFrom: '2027/01/01' }, 'filter.activeFrom'],
      [{ skillIds: ['nope'] }, 'filter.skillIds.0'],
      [{ maxHoursPerWeek: 0 }, 'filter.maxHoursPerWeek'],
      [{ programId: 'nope' }, 'filter.programId'],
    ])('rejects malformed %j at %s', async (filter, path) => {
      const result = await search({ filter });
      expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      const paths = result.errors![0].extensions.fields!.map((x) => x.path.join('.'));
      expect(paths).toContain(path);
    });
  });

  describe('what is listed', () => {
    it('never lists drafts, projects in review, closed or archived projects', async () => {
      const tok = token();
      const r = await newRegion();
      const at = (label: string) => ({
        title: `${label} ${tok}`,
        description: `状態の確認です ${tok}`,
      });
      const live = await published(r, at('公開中'));
      await f.project(r.staff, r.id, at('下書き'));
      const review = await f.project(r.staff, r.id, at('審査中'));
      await f.submit(review);
      const closed = await published(r, at('終了'));
      expectData(
        await platform.gql(
          `mutation($id: ID!) { closeProject(id: $id) { id } }`,
          { id: closed },
          r.staff.token,
        ),
      );
      const archived = await published(r, at('アーカイブ'));
      for (const op of ['closeProject', 'archiveProject']) {
        expectData(
          await platform.gql(
            `mutation($id: ID!) { ${op}(id: $id) { id } }`,
            { id: archived },
            r.staff.token,
          ),
        );
      }
      const sentBack = await published(r, at('差し戻し'));
      expectData(
        await platform.gql(
          `mutation($id: ID!) { requestProjectChanges(id: $id, comment: "直してください") { id } }`,
          { id: sentBack },
          admin.token,
        ),
      );
      expect(await found({ text: tok })).toEqual([live]);
      expect(await found({ municipalityCode: r.municipalityCode })).toEqual([live]);
      const nodes = expectData(await search({ filter: { text: tok } })).projects.edges;
      expect(nodes.map((e: any) => e.node.status)).toEqual(['PUBLISHED']);
    });
  });

  describe('cursor pagination', () => {
    // Walks every page of `size`, running `between` after the first page.
    async function walk(
      variables: Record<string, unknown>,
      size: number,
      between?: () => Promise<unknown>,
    ) {
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 50; page++) {
        const data = expectData(await search({ ...variables, first: size, after })).projects;
        expect(data.edges.length).toBeLessThanOrEqual(size);
        seen.push(...data.edges.map((e: any) => e.node.id));
        if (data.edges.length) expect(data.pageInfo.endCursor).toBe(data.edges.at(-1).cursor);
        if (!data.pageInfo.hasNextPage) return seen;
        after = data.pageInfo.endCursor;
        if (page === 0 && between) await between();
      }
      throw new Error('too many pages');
    }

    it('returns every match exactly once, even when one is published mid-walk', async () => {
      const r = await newRegion();
      const filter = { municipalityCode: r.municipalityCode, text: '薪' };
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        ids.push(
          await published(r, {
            title: i % 2 ? `薪割り ${i}` : `冬の準備 ${i}`,
            description: i % 2 ? '斧を使います。' : '薪ストーブ用の薪を運びます。',
          }),
        );
      }
      await published(r, { title: '雪かき', description: '除雪を手伝います。' });
      // Ties on the publication time are broken by id.
      await platform.dataSource.query(
        `UPDATE project SET published_at = (SELECT published_at FROM project WHERE id = $1)
          WHERE id = ANY($2)`,
        [ids[2], ids.slice(2, 6)],
      );
      const all = await found(filter);
      expect(sorted(all)).toEqual(sorted(ids));

      for (const sort of ['NEWEST', 'RELEVANCE']) {
        const everything = await found(filter, sort);
        expect(await walk({ filter, sort }, 2)).toEqual(everything);
        expect(await walk({ filter, sort }, 3)).toEqual(everything);

        let late = '';
        const walked = await walk({ filter, sort }, 2, async () => {
          late = await published(r, {
            title: `薪の配達 ${sort}`,
            description: '軽トラで運びます。',
          });
        });
        // The newcomer ranks first (newest, title match) so it is before the cursor.
        expect(walked).toEqual(everything);
        const again = await found(filter, sort);
        expect(again[0]).toBe(late);
        expect(again.slice(1)).toEqual(everything);
        // The walk then picks it up.
        expect(await walk({ filter, sort }, 2)).toEqual(again);
        // Unpublish it again for the next sort order.
        expectData(
          await platform.gql(
            `mutation($id: ID!) { closeProject(id: $id) { id } }`,
            { id: late },
            admin.token,
          ),
        );
      }
    });

    it('rejects a cursor from a different sort order', async () => {
      const r = await newRegion();
      for (let i = 0; i < 3; i++) {
        await published(r, { title: `炭焼き ${i}`, description: '炭窯の番をします。' });
      }
      const filter = { municipalityCode: r.municipalityCode, text: '炭' };
      const page = expectData(await search({ filter, first: 1 })).projects;
      const result = await search({ filter, sort: 'RELEVANCE', after: page.pageInfo.endCursor });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: ['after'] }],
      });
    });
  });
});
