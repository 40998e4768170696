import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeClient, renderWith } from '../test/fake-client';
import { changeLanguage, initI18n } from '../i18n/i18n';
import { MunicipalityPicker, municipalityLabel } from './MunicipalityPicker';
import type { ChosenSkill } from './profile-form';
import { SkillPicker } from './SkillPicker';

initI18n('ja');
// Typing and choosing through user-event takes seconds on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

const category = { code: 'design', name: 'デザイン', nameEn: 'Design' };
const UI_DESIGN = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  code: 'ui-design',
  name: 'UIデザイン',
  nameEn: 'UI design',
  aliases: ['UIデザイン', 'UI design', 'デザイン'],
  category,
};
const GRAPHIC = {
  id: 'a1b2c3d4-0000-4000-8000-000000000002',
  code: 'graphic-design',
  name: 'グラフィックデザイン',
  nameEn: 'Graphic design',
  aliases: [],
  category,
};

function Harness({ initial = [] as ChosenSkill[] }) {
  const [skills, setSkills] = useState(initial);
  return (
    <>
      <SkillPicker value={skills} onChange={setSkills} max={30} />
      <output data-testid="chosen">{skills.map((s) => `${s.skillId}:${s.level}`).join(',')}</output>
    </>
  );
}

const skillAnswer = (name: string, variables: Record<string, unknown>) => {
  if (name === 'SkillSearch') {
    const q = String(variables.query).toLowerCase();
    // What the API answers: any name or alias, in either language.
    const all = [UI_DESIGN, GRAPHIC];
    return {
      skills: all.filter((s) =>
        [s.name, s.nameEn, ...s.aliases].some((n) => n.toLowerCase().includes(q)),
      ),
    };
  }
  if (name === 'ResolveSkill')
    return { resolveSkill: variables.name === 'ＵＩ　デザイン' ? UI_DESIGN : null };
  return {};
};

describe('SkillPicker', () => {
  beforeEach(() => initI18n('ja'));
  afterAll(() => changeLanguage('ja'));

  it('finds skills from part of a Japanese name and adds the chosen one at level 3', async () => {
    const user = userEvent.setup();
    const { client, asked } = fakeClient(skillAnswer);
    renderWith(client, <Harness />);
    expect(screen.getByText('まだスキルを追加していません。')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /スキルを探して追加/ }), 'デザ');
    const option = await screen.findByRole('option', { name: /^UIデザイン/ });
    expect(screen.getByRole('option', { name: /^グラフィックデザイン/ })).toBeInTheDocument();
    expect(asked.at(-1)).toEqual({ name: 'SkillSearch', variables: { query: 'デザ', first: 12 } });
    await user.click(option);
    expect(screen.getByTestId('chosen')).toHaveTextContent(`${UI_DESIGN.id}:3`);
    expect(screen.getByRole('textbox', { name: /スキルを探して追加/ })).toHaveValue('');
    await user.selectOptions(screen.getByLabelText('UIデザイン のレベル'), '5');
    expect(screen.getByTestId('chosen')).toHaveTextContent(`${UI_DESIGN.id}:5`);
    await user.click(screen.getByRole('button', { name: 'UIデザイン を削除' }));
    expect(screen.getByTestId('chosen')).toBeEmptyDOMElement();
  });

  it('finds them in English, names them in English, and hides skills already chosen', async () => {
    await act(() => changeLanguage('en'));
    const user = userEvent.setup();
    const { client } = fakeClient(skillAnswer);
    renderWith(
      client,
      <Harness
        initial={[{ skillId: GRAPHIC.id, name: GRAPHIC.name, nameEn: GRAPHIC.nameEn, level: 2 }]}
      />,
    );
    expect(screen.getByLabelText('Level of Graphic design')).toHaveValue('2');
    await user.type(screen.getByRole('textbox', { name: /Find and add skills/ }), 'design');
    expect(await screen.findByRole('option', { name: /^UI design/ })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /^Graphic design/ })).not.toBeInTheDocument();
  });

  it('says when nothing matches, and resolves a spelling the list does not show on Enter', async () => {
    const user = userEvent.setup();
    const { client } = fakeClient(skillAnswer);
    renderWith(client, <Harness />);
    const input = screen.getByRole('textbox', { name: /スキルを探して追加/ });
    await user.type(input, 'ＵＩ　デザイン');
    expect(
      await screen.findByText(/^「ＵＩ\s+デザイン」に当てはまるスキルはありません$/),
    ).toBeInTheDocument();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByTestId('chosen')).toHaveTextContent(`${UI_DESIGN.id}:3`),
    );
  });
});

const HOKKAIDO = [
  { code: '011002', name: '北海道札幌市', nameEn: 'Sapporo City', prefectureCode: '01' },
  { code: '015431', name: '北海道美幌町', nameEn: 'Bihoro Town', prefectureCode: '01' },
];

function PlaceHarness() {
  const [place, setPlace] = useState<{
    prefectureCode: string | null;
    municipalityCode: string | null;
  }>({
    prefectureCode: null,
    municipalityCode: null,
  });
  return (
    <>
      <MunicipalityPicker
        prefectureCode={place.prefectureCode}
        municipalityCode={place.municipalityCode}
        onChange={setPlace}
      />
      <output data-testid="place">{`${place.prefectureCode}/${place.municipalityCode}`}</output>
    </>
  );
}

describe('MunicipalityPicker', () => {
  beforeEach(() => initI18n('ja'));
  afterAll(() => changeLanguage('ja'));

  it('labels a municipality by its own name in Japanese and its romanised name in English', () => {
    expect(municipalityLabel(HOKKAIDO[1], 'ja')).toBe('美幌町');
    expect(municipalityLabel(HOKKAIDO[1], 'en')).toBe('Bihoro Town');
  });

  it("loads the chosen prefecture's municipalities and picks one", async () => {
    const user = userEvent.setup();
    const { client, asked } = fakeClient((name) =>
      name === 'Municipalities' ? { municipalities: HOKKAIDO } : {},
    );
    renderWith(client, <PlaceHarness />);
    const municipality = screen.getByLabelText('市区町村', { selector: 'input' });
    expect(municipality).toBeDisabled();
    await user.click(screen.getByLabelText('住んでいる都道府県', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: '北海道' }));
    expect(asked).toContainEqual({ name: 'Municipalities', variables: { prefectureCode: '01' } });
    await waitFor(() => expect(municipality).toBeEnabled());
    await user.click(municipality);
    await user.type(municipality, '美幌');
    await user.click(await screen.findByRole('option', { name: '美幌町' }));
    expect(screen.getByTestId('place')).toHaveTextContent('01/015431');
  });
});
