import { Button, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import type { CouncilMemberFilter, CouncilTag, OrganizationKind } from '../gql/graphql';
import { localName } from '../i18n/local-name';
import { ThemesQuery } from '../projects/project-documents';
import { PREFECTURES } from '../projects/prefectures';
import { CouncilMembersQuery } from './council-documents';
import { COUNCIL_TAGS, MEMBER_KINDS } from './council-tags';
import { CouncilMemberCard } from './CouncilMemberCard';

const PAGE_SIZE = 10;
const KEYS = ['q', 'kind', 'pref', 'theme', 'offers', 'seeks'] as const;
type Form = Record<(typeof KEYS)[number], string | null>;

// /council: what the council is, and its member directory with filters kept in the address.
export function CouncilPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const form = Object.fromEntries(KEYS.map((k) => [k, params.get(k)])) as Form;
  const filter: CouncilMemberFilter = {
    text: form.q || undefined,
    kind: (form.kind as OrganizationKind) || undefined,
    prefectureCode: form.pref || undefined,
    themeCode: form.theme || undefined,
    offers: (form.offers as CouncilTag) || undefined,
    seeks: (form.seeks as CouncilTag) || undefined,
  };
  return (
    <Stack maw={960} mx="auto">
      <Title order={1} size="h2">
        {t('council.title')}
      </Title>
      <Text>{t('council.intro')}</Text>
      <Text size="sm" c="gray.7">
        {t('council.join')}
      </Text>
      <Title order={2}>{t('council.directory')}</Title>
      <Filters
        value={form}
        onSearch={(next) => {
          const search = new URLSearchParams();
          for (const key of KEYS) if (next[key]) search.set(key, next[key]);
          setParams(search);
        }}
      />
      <PagedQuery
        key={params.toString()}
        query={CouncilMembersQuery}
        variables={{ filter }}
        pageSize={PAGE_SIZE}
        requestPolicy="cache-and-network"
        connection={(data) => data.councilMembers}
        empty={<EmptyState title={t('council.empty')} hint={t('council.emptyHint')} />}
        header={(edges) => (
          <Text c="gray.7" size="sm" aria-live="polite">
            {t('council.count', { count: edges.length })}
          </Text>
        )}
        moreLabel={t('council.more')}
        keyOf={(member) => member.organization.id}
      >
        {(member) => <CouncilMemberCard member={member} />}
      </PagedQuery>
    </Stack>
  );
}

function Filters({ value, onSearch }: { value: Form; onSearch: (form: Form) => void }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState(value);
  const [{ data: themes }] = useQuery({ query: ThemesQuery });
  const set = (key: keyof Form, v: string | null) => setForm((f) => ({ ...f, [key]: v }));
  const tags = COUNCIL_TAGS.map((tag) => ({ value: tag, label: t(`council.tags.${tag}`) }));
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      aria-label={t('council.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(form);
      }}
    >
      <Stack>
        <TextInput
          label={t('council.text')}
          description={t('council.textHint')}
          value={form.q ?? ''}
          onChange={(e) => set('q', e.currentTarget.value)}
          maxLength={100}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('council.kind')}
            placeholder={t('council.any')}
            clearable
            value={form.kind}
            onChange={(v) => set('kind', v)}
            data={MEMBER_KINDS.map((k) => ({ value: k, label: t(`council.kinds.${k}`) }))}
          />
          <Select
            label={t('council.prefecture')}
            placeholder={t('council.any')}
            clearable
            searchable
            value={form.pref}
            onChange={(v) => set('pref', v)}
            data={PREFECTURES.map((p) => ({
              value: p.code,
              label: i18n.language === 'en' ? p.en : p.ja,
            }))}
          />
          <Select
            label={t('council.theme')}
            placeholder={t('council.any')}
            clearable
            value={form.theme}
            onChange={(v) => set('theme', v)}
            data={(themes?.themes ?? []).map((theme) => ({
              value: theme.code,
              label: localName(theme, i18n.language),
            }))}
          />
          <Select
            label={t('council.offers')}
            placeholder={t('council.any')}
            clearable
            value={form.offers}
            onChange={(v) => set('offers', v)}
            data={tags}
          />
          <Select
            label={t('council.seeks')}
            placeholder={t('council.any')}
            clearable
            value={form.seeks}
            onChange={(v) => set('seeks', v)}
            data={tags}
          />
        </SimpleGrid>
        <Button type="submit" style={{ alignSelf: 'flex-start' }}>
          {t('council.search')}
        </Button>
      </Stack>
    </Paper>
  );
}
