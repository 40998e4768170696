import { CloseButton, Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { SearchField, useTypedSearch } from '../app/SearchField';
import type { SkillOptionFieldsFragment } from '../gql/graphql';
import { localName } from '../i18n/local-name';
import type { ChosenSkill } from './profile-form';
import { ResolveSkillQuery, SkillSearchQuery } from './profile-documents';

const SHOWN_OPTIONS = 12;
const LEVELS = [1, 2, 3, 4, 5] as const;

// The other language's name of a skill, to recognise it by: "UIデザイン" under "UI design".
function otherName(skill: { name: string; nameEn: string }, language: string) {
  return language === 'en' ? skill.name : skill.nameEn;
}

// A searchable list of the taxonomy's skills: the API matches every name and alias in Japanese
// and English, ignoring width, case and spaces, so 「デザ」 and "design" both find デザイン. Enter
// on a spelling the list does not show asks resolveSkill what it stands for. Chosen skills are
// listed below with their level, 1 to 5. A form whose skills carry more (a project's must-have
// or nice-to-have) says how a new one starts (`create`) and shows its own control (`extra`).
export function SkillPicker<S extends ChosenSkill = ChosenSkill>({
  value,
  onChange,
  error,
  max,
  create = (skill) => skill as S,
  extra,
}: {
  value: S[];
  onChange: (skills: S[]) => void;
  error?: string;
  max: number;
  create?: (skill: ChosenSkill) => S;
  extra?: (skill: S, update: (changed: S) => void) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const client = useClient();
  const search = useTypedSearch();
  const [{ data, fetching }] = useQuery({
    query: SkillSearchQuery,
    variables: { query: search.query, first: SHOWN_OPTIONS + value.length },
    pause: !search.query,
  });
  const chosen = new Set(value.map((s) => s.skillId));
  const options = (data?.skills ?? []).filter((s) => !chosen.has(s.id)).slice(0, SHOWN_OPTIONS);
  const full = value.length >= max;

  const add = (skill: SkillOptionFieldsFragment) => {
    if (!chosen.has(skill.id) && !full) {
      onChange([
        ...value,
        create({ skillId: skill.id, name: skill.name, nameEn: skill.nameEn, level: 3 }),
      ]);
    }
  };

  const resolveTyped = async (name: string) => {
    const result = await client.query(ResolveSkillQuery, { name }).toPromise();
    if (!result.data?.resolveSkill) return;
    add(result.data.resolveSkill);
    search.setText('');
  };

  return (
    <Stack gap="sm">
      <SearchField
        search={search}
        label={t('profile.skillSearch')}
        description={t('profile.skillSearchHint')}
        placeholder={t('profile.skillPlaceholder')}
        disabled={full}
        error={error ?? (full ? t('profile.errors.tooMany', { max }) : undefined)}
        options={options}
        fetching={fetching}
        searchingText={t('profile.skillSearching')}
        noneText={t('profile.skillNone', { text: search.text.trim() })}
        renderOption={(skill) => (
          <>
            <Text size="sm" fw={600} span>
              {localName(skill, language)}
            </Text>{' '}
            <Text size="xs" c="gray.7" span>
              {otherName(skill, language)} · {localName(skill.category, language)}
            </Text>
          </>
        )}
        onPick={add}
        onEnterTyped={(name) => void resolveTyped(name)}
      />
      {value.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('profile.skillEmpty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {value.map((skill, index) => {
            const name = localName(skill, language);
            return (
              <Group
                key={skill.skillId}
                component="li"
                gap="xs"
                wrap="wrap"
                justify="space-between"
                py={4}
                style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
              >
                {/* The whole name, wrapping if it must: a long one is not cut off on a phone. */}
                <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {name}
                </Text>
                <Group gap={4} wrap="nowrap">
                  {extra?.(skill, (changed) =>
                    onChange(value.map((s, i) => (i === index ? changed : s))),
                  )}
                  <NativeSelect
                    aria-label={t('profile.skillLevel', { name })}
                    size="xs"
                    value={String(skill.level)}
                    data={LEVELS.map((level) => ({
                      value: String(level),
                      label: t(`profile.levels.${level}`),
                    }))}
                    onChange={(event) => {
                      const level = Number(event.currentTarget.value);
                      onChange(value.map((s, i) => (i === index ? { ...s, level } : s)));
                    }}
                  />
                  <CloseButton
                    aria-label={t('profile.skillRemove', { name })}
                    onClick={() => onChange(value.filter((_, i) => i !== index))}
                  />
                </Group>
              </Group>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
