import { normalizeSkillName } from '@tsunagu/taxonomy';
import type { EntitySubscriberInterface } from 'typeorm';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const SKILL = `id code name nameEn category { code name nameEn } aliases`;
const CATEGORIES = `{ skillCategories { code name nameEn } }`;
const SKILLS = `query($categoryCode: String, $query: String, $first: Int) {
  skills(categoryCode: $categoryCode, query: $query, first: $first) { ${SKILL} } }`;
const RESOLVE = `query($name: String!) { resolveSkill(name: $name) { ${SKILL} } }`;
const CREATE_CATEGORY = `mutation($input: CreateSkillCategoryInput!) {
  createSkillCategory(input: $input) { code name nameEn } }`;
const CREATE_SKILL = `mutation($input: CreateSkillInput!) { createSkill(input: $input) { ${SKILL} } }`;
const ADD_ALIASES = `mutation($input: AddSkillAliasesInput!) {
  addSkillAliases(input: $input) { ${SKILL} } }`;
const UPDATE_SKILL = `mutation($input: UpdateSkillInput!) { updateSkill(input: $input) { ${SKILL} } }`;

// The skill taxonomy through GraphQL: the seeded data, resolution of spellings, search, and
// admin changes (and what happens to changes that are not allowed or not valid).
describe('skill taxonomy', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let participant: Person;

  const resolve = async (name: string) =>
    expectData(await platform.gql(RESOLVE, { name })).resolveSkill;
  const search = async (variables: Record<string, unknown>) =>
    expectData(await platform.gql(SKILLS, variables)).skills as any[];
  // Every category, skill and alias, to prove a rejected change left the taxonomy as it was.
  const taxonomyFingerprint = async (): Promise<string> => {
    const [row] = await platform.dataSource.query(`
      SELECT count(*) AS rows, md5(string_agg(x, '|' ORDER BY x)) AS hash FROM (
        SELECT concat_ws(':', 'c', code, name_ja, name_en, sort_order) AS x FROM skill_category
        UNION ALL SELECT concat_ws(':', 's', code, category_code, name_ja, name_en) FROM skill
        UNION ALL SELECT concat_ws(':', 'a', skill_id, alias, normalized) FROM skill_alias) t`);
    return `${row.rows}:${row.hash}`;
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    admin = await f.admin();
    participant = await f.signUp('participant');
  });

  afterAll(() => platform.close());

  it('is seeded with categories and skills for regional projects', async () => {
    const { skillCategories } = expectData(await platform.gql(CATEGORIES));
    const codes = skillCategories.map((c: any) => c.code);
    expect(codes.length).toBeGreaterThanOrEqual(12);
    for (const code of [
      'it',
      'design',
      'marketing',
      'pr',
      'management',
      'agriculture',
      'education',
      'welfare',
      'tourism',
      'translation',
      'facilitation',
      'building',
    ]) {
      expect(codes).toContain(code);
    }
    expect(skillCategories).toContainEqual({
      code: 'agriculture',
      name: '農林水産業',
      nameEn: 'Agriculture, Forestry & Fisheries',
    });

    const skills = await search({ first: 200 });
    expect(skills.length).toBeGreaterThanOrEqual(80);
    expect(skills.length).toBeLessThanOrEqual(120);
    expect(new Set(skills.map((s) => s.code)).size).toBe(skills.length);
    for (const code of codes) {
      expect(skills.filter((s) => s.category.code === code).length).toBeGreaterThanOrEqual(5);
    }
    // Browsing follows the categories' display order.
    const order = skills.map((s) => codes.indexOf(s.category.code));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Each skill answers to its own names, listed first.
    for (const skill of skills) {
      const ownNames = [...new Set([skill.name, skill.nameEn])];
      expect(skill.aliases.slice(0, ownNames.length)).toEqual(ownNames);
    }
    expect(skills.find((s) => s.code === 'rice-farming')).toMatchObject({
      name: '稲作',
      nameEn: 'Rice farming',
      category: { code: 'agriculture' },
    });
  });

  it('stores every alias normalised exactly as normalizeSkillName does', async () => {
    const rows: Array<{ alias: string; normalized: string }> = await platform.dataSource.query(
      `SELECT alias, normalized FROM skill_alias`,
    );
    expect(rows.length).toBeGreaterThan(500);
    const wrong = rows.filter((r) => r.normalized !== normalizeSkillName(r.alias));
    expect(wrong).toEqual([]);
  });

  it('resolves デザイン, design and グラフィックデザイン to one skill, and UI design to another', async () => {
    const graphic = await Promise.all(
      ['デザイン', 'design', 'グラフィックデザイン', 'Graphic Design'].map(resolve),
    );
    expect(graphic.map((s) => s.code)).toEqual(Array(4).fill('graphic-design'));
    expect(new Set(graphic.map((s) => s.id)).size).toBe(1);
    expect(graphic[0]).toMatchObject({
      name: 'グラフィックデザイン',
      category: { code: 'design' },
    });

    const ui = await Promise.all(['UIデザイン', 'UI design', 'ui・design'].map(resolve));
    expect(new Set(ui.map((s) => s.id)).size).toBe(1);
    expect(ui[0].code).toBe('ui-design');
    expect(ui[0].id).not.toBe(graphic[0].id);
  });

  it('resolves full-width, half-width and differently spaced spellings', async () => {
    const cases: Array<[string, string]> = [
      ['ＵＩ　デザイン', 'ui-design'],
      ['ｸﾞﾗﾌｨｯｸﾃﾞｻﾞｲﾝ', 'graphic-design'],
      ['ＤＥＳＩＧＮ', 'graphic-design'],
      ['Ｅｘｃｅｌ', 'spreadsheet'],
      ['ＳＮＳ', 'social-media'],
      ['６次産業化', 'food-processing'],
      ['e commerce', 'e-commerce'],
      ['  稲作 ', 'rice-farming'],
      ['ENGLISH', 'english'],
      ['ﾌｧｼﾘﾃｰｼｮﾝ', 'facilitation'],
    ];
    for (const [name, code] of cases)
      expect({ name, code: (await resolve(name))?.code }).toEqual({ name, code });
    expect(await resolve('ボブスレー')).toBeNull();
    expect(await resolve(' ・ ')).toBeNull();
  });

  it('searches by Japanese substring, best matches first', async () => {
    const growing = await search({ query: '栽培' });
    expect(growing.map((s) => s.code)).toEqual(
      expect.arrayContaining(['vegetable-farming', 'fruit-farming', 'organic-farming']),
    );
    expect(growing.every((s) => s.category.code === 'agriculture')).toBe(true);

    // Exact alias first, then a prefix match, then substrings.
    const design = (await search({ query: 'デザイン' })).map((s) => s.code);
    expect(design.slice(0, 2)).toEqual(['graphic-design', 'ux-design']); // デザイン, デザイン思考
    expect(design).toEqual(expect.arrayContaining(['ui-design', 'web-design', 'logo-design']));

    const interpreting = (await search({ query: '通訳' })).map((s) => s.code);
    expect(interpreting[0]).toBe('interpretation');
    expect(interpreting).toEqual(expect.arrayContaining(['english', 'inbound', 'sign-language']));
    const inCategory = await search({ categoryCode: 'translation', query: 'つうやく' });
    expect(inCategory).toEqual([]); // hiragana reading is not an alias
    const translationOnly = await search({ categoryCode: 'translation', query: '通訳' });
    expect(translationOnly.map((s) => s.code)).not.toContain('inbound');
    expect(translationOnly.every((s) => s.category.code === 'translation')).toBe(true);

    expect((await search({ query: 'ｕｉ' }))[0].code).toBe('ui-design');
    expect(await search({ first: 3 })).toHaveLength(3);
  });

  it('lists skills with their category and aliases in a constant number of queries', async () => {
    const queries: string[] = [];
    const counter: EntitySubscriberInterface = {
      beforeQuery: (event) => void queries.push(event.query),
    };
    platform.dataSource.subscribers.push(counter);
    const queriesFor = async (variables: Record<string, unknown>) => {
      queries.length = 0;
      const skills = await search(variables);
      return { skills: skills.length, queries: [...queries] };
    };
    try {
      const few = await queriesFor({ first: 2 });
      const many = await queriesFor({ first: 200 });
      const found = await queriesFor({ query: 'ー', first: 200 });
      // Ranked ids, then the skills joined with their categories and aliases.
      expect(many.skills).toBeGreaterThan(100);
      expect(few.queries).toHaveLength(2);
      expect(many.queries).toHaveLength(2);
      expect(found.skills).toBeGreaterThan(10);
      expect(found.queries).toHaveLength(2);
    } finally {
      platform.dataSource.subscribers.splice(platform.dataSource.subscribers.indexOf(counter), 1);
    }
  });

  it('rejects an unknown category filter, a blank query and an out-of-range page size', async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ categoryCode: 'space' }, ['categoryCode']],
      [{ query: ' ・ ' }, ['query']],
      [{ first: 0 }, ['first']],
      [{ first: 201 }, ['first']],
    ];
    for (const [variables, path] of cases) {
      const error = rejection(await platform.gql(SKILLS, variables));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields?.map((field) => field.path)).toEqual([path]);
    }
  });

  it('lets a platform admin add a category, a skill with aliases, more aliases and rename it', async () => {
    const category = expectData(
      await platform.gql(
        CREATE_CATEGORY,
        { input: { code: 'energy', nameJa: 'エネルギー', nameEn: 'Energy' } },
        admin.token,
      ),
    ).createSkillCategory;
    expect(category).toEqual({ code: 'energy', name: 'エネルギー', nameEn: 'Energy' });
    const { skillCategories } = expectData(await platform.gql(CATEGORIES));
    expect(skillCategories.at(-1).code).toBe('energy'); // placed after the existing ones

    const input = {
      code: 'solar-power',
      categoryCode: 'energy',
      nameJa: '太陽光発電',
      nameEn: 'Solar power',
      // ｿｰﾗｰ is ソーラー once normalised, so it is not stored twice.
      aliases: ['ソーラー', ' solar ', 'PV', 'ｿｰﾗｰ'],
    };
    const skill = expectData(await platform.gql(CREATE_SKILL, { input }, admin.token)).createSkill;
    expect(skill).toMatchObject({
      code: 'solar-power',
      name: '太陽光発電',
      nameEn: 'Solar power',
      category: { code: 'energy', name: 'エネルギー' },
      aliases: ['太陽光発電', 'Solar power', 'PV', 'solar', 'ソーラー'],
    });
    for (const name of ['ｿｰﾗｰ', 'pv', 'SOLAR POWER'])
      expect((await resolve(name))?.id).toBe(skill.id);
    expect((await search({ categoryCode: 'energy' })).map((s) => s.code)).toEqual(['solar-power']);

    // A name the skill already has is skipped, so repeating the call is harmless.
    const added = expectData(
      await platform.gql(
        ADD_ALIASES,
        { input: { skillId: skill.id, aliases: ['太陽光パネル', 'Solar'] } },
        admin.token,
      ),
    ).addSkillAliases;
    expect(added.aliases).toEqual([
      '太陽光発電',
      'Solar power',
      'PV',
      'solar',
      'ソーラー',
      '太陽光パネル',
    ]);
    expect((await resolve('太陽光パネル'))?.id).toBe(skill.id);

    const updated = expectData(
      await platform.gql(
        UPDATE_SKILL,
        {
          input: {
            id: skill.id,
            nameJa: '太陽光発電・蓄電',
            nameEn: 'Solar power & storage',
            categoryCode: 'building',
          },
        },
        admin.token,
      ),
    ).updateSkill;
    expect(updated).toMatchObject({
      name: '太陽光発電・蓄電',
      nameEn: 'Solar power & storage',
      category: { code: 'building' },
    });
    expect(updated.aliases.slice(0, 2)).toEqual(['太陽光発電・蓄電', 'Solar power & storage']);
    // Old and new names both resolve: people (and saved searches) keep finding the skill.
    for (const name of ['太陽光発電', '太陽光発電 蓄電', 'solar power & storage']) {
      expect((await resolve(name))?.id).toBe(skill.id);
    }
    expect(await search({ categoryCode: 'energy' })).toEqual([]);
  });

  it('keeps taxonomy changes to platform admins', async () => {
    const before = await taxonomyFingerprint();
    const uiDesign = await resolve('UIデザイン');
    const attempts: Array<[string, Record<string, unknown>]> = [
      [CREATE_CATEGORY, { input: { code: 'quantum', nameJa: '量子', nameEn: 'Quantum' } }],
      [
        CREATE_SKILL,
        {
          input: {
            code: 'quantum-computing',
            categoryCode: 'it',
            nameJa: '量子コンピューティング',
            nameEn: 'Quantum computing',
            aliases: [],
          },
        },
      ],
      [ADD_ALIASES, { input: { skillId: uiDesign.id, aliases: ['画面設計'] } }],
      [UPDATE_SKILL, { input: { id: uiDesign.id, nameJa: '画面デザイン' } }],
    ];
    for (const [mutation, variables] of attempts) {
      expect(
        rejection(await platform.gql(mutation, variables, participant.token)).extensions.code,
      ).toBe('FORBIDDEN');
      expect(rejection(await platform.gql(mutation, variables)).extensions.code).toBe(
        'UNAUTHENTICATED',
      );
    }
    expect(await taxonomyFingerprint()).toBe(before);
    expect(await resolve('画面設計')).toBeNull();
  });

  it('rejects a name another skill answers to, naming that skill, and changes nothing', async () => {
    const before = await taxonomyFingerprint();
    const uiDesign = await resolve('UIデザイン');

    const created = rejection(
      await platform.gql(
        CREATE_SKILL,
        {
          input: {
            code: 'ui-ux-design',
            categoryCode: 'design',
            nameJa: 'UI/UXデザイン',
            nameEn: 'UI/UX design',
            aliases: ['UIUX', 'ｄｅｓｉｇｎ'],
          },
        },
        admin.token,
      ),
    );
    expect(created.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EXISTS' });
    expect(created.message).toContain('ｄｅｓｉｇｎ');
    expect(created.message).toContain('graphic-design');
    expect(created.extensions.fields?.[0].path).toEqual(['input', 'aliases', '1']);

    const added = rejection(
      await platform.gql(
        ADD_ALIASES,
        { input: { skillId: uiDesign.id, aliases: ['UIUXデザイン', 'デザイン'] } },
        admin.token,
      ),
    );
    expect(added.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EXISTS' });
    expect(added.message).toContain('graphic-design');
    expect(added.extensions.fields?.[0].path).toEqual(['input', 'aliases', '1']);

    const renamed = rejection(
      await platform.gql(
        UPDATE_SKILL,
        { input: { id: uiDesign.id, nameJa: 'UIデザイン（画面）', nameEn: 'UX design' } },
        admin.token,
      ),
    );
    expect(renamed.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EXISTS' });
    expect(renamed.message).toContain('ux-design');
    expect(renamed.extensions.fields?.[0].path).toEqual(['input', 'nameEn']);

    const sameCode = rejection(
      await platform.gql(
        CREATE_SKILL,
        {
          input: {
            code: 'ui-design',
            categoryCode: 'design',
            nameJa: '画面設計',
            nameEn: 'Screen design',
          },
        },
        admin.token,
      ),
    );
    expect(sameCode.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EXISTS' });
    expect(sameCode.extensions.fields?.[0].path).toEqual(['input', 'code']);

    const sameCategory = rejection(
      await platform.gql(
        CREATE_CATEGORY,
        { input: { code: 'it', nameJa: '情報技術', nameEn: 'Information technology' } },
        admin.token,
      ),
    );
    expect(sameCategory.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EXISTS' });

    expect(await taxonomyFingerprint()).toBe(before);
    for (const name of [
      'UIUX',
      'UI/UXデザイン',
      'UIUXデザイン',
      'UIデザイン（画面）',
      '画面設計',
    ]) {
      expect(await resolve(name)).toBeNull();
    }
    expect((await resolve('UIデザイン')).name).toBe('UIデザイン');
  });

  it('rejects an unknown category and invalid names with field paths, and changes nothing', async () => {
    const before = await taxonomyFingerprint();
    const uiDesign = await resolve('UIデザイン');
    const valid = {
      code: 'space-development',
      categoryCode: 'it',
      nameJa: '宇宙開発',
      nameEn: 'Space development',
      aliases: ['ロケット'],
    };
    const cases: Array<[string, Record<string, unknown>, string[]]> = [
      [CREATE_SKILL, { ...valid, categoryCode: 'space' }, ['input', 'categoryCode']],
      [CREATE_SKILL, { ...valid, code: 'Space Development' }, ['input', 'code']],
      [CREATE_SKILL, { ...valid, nameJa: ' ・ ' }, ['input', 'nameJa']],
      [CREATE_SKILL, { ...valid, aliases: ['ロケット', '／'] }, ['input', 'aliases', '1']],
      [
        UPDATE_SKILL,
        { id: uiDesign.id, nameJa: '宇宙UIデザイン', categoryCode: 'space' },
        ['input', 'categoryCode'],
      ],
      [ADD_ALIASES, { skillId: 'not-an-id', aliases: ['ロケット'] }, ['input', 'skillId']],
      [ADD_ALIASES, { skillId: uiDesign.id, aliases: [] }, ['input', 'aliases']],
      [CREATE_CATEGORY, { code: 'space!', nameJa: '宇宙', nameEn: 'Space' }, ['input', 'code']],
    ];
    for (const [mutation, input, path] of cases) {
      const error = rejection(await platform.gql(mutation, { input }, admin.token));
      expect({ path, code: error.extensions.code }).toEqual({ path, code: 'BAD_USER_INPUT' });
      expect(error.extensions.fields?.map((field) => field.path)).toContainEqual(path);
    }
    const missing = rejection(
      await platform.gql(
        ADD_ALIASES,
        { input: { skillId: '00000000-0000-4000-8000-000000000000', aliases: ['ロケット'] } },
        admin.token,
      ),
    );
    expect(missing.extensions.code).toBe('NOT_FOUND');

    expect(await taxonomyFingerprint()).toBe(before);
    for (const name of ['宇宙開発', 'ロケット', '宇宙UIデザイン'])
      expect(await resolve(name)).toBeNull();
    expect((await resolve('UIデザイン')).category.code).toBe('design');
  });
});
