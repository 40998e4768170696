import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FilterPanel } from '../app/FilterPanel';
import { EmptyState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import type { CouncilMemberFilter, CouncilTag, OrganizationKind } from '../gql/graphql';
import { CouncilMembersQuery } from './council-documents';
import { COUNCIL_TAGS, MEMBER_KINDS } from './council-tags';
import { CouncilMemberCard } from './CouncilMemberCard';

const PAGE_SIZE = 10;
const KEYS = ['q', 'kind', 'pref', 'theme', 'offers', 'seeks'] as const;
type Form = Record<(typeof KEYS)[number], string | null>;
const EMPTY = Object.fromEntries(KEYS.map((k) => [k, null])) as Form;

// /council: what the council is, and its member directory with filters kept in the address.
export function CouncilPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const form = Object.fromEntries(KEYS.map((k) => [k, params.get(k)])) as Form;
  const tags = COUNCIL_TAGS.map((tag) => ({ value: tag, label: t(`council.tags.${tag}`) }));
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
      <FilterPanel
        label={t('council.filters')}
        value={form}
        empty={EMPTY}
        fields={[
          {
            key: 'q',
            type: 'text',
            label: t('council.text'),
            description: t('council.textHint'),
            maxLength: 100,
          },
          {
            key: 'kind',
            type: 'select',
            label: t('council.kind'),
            options: MEMBER_KINDS.map((k) => ({ value: k, label: t(`council.kinds.${k}`) })),
          },
          { key: 'pref', type: 'prefecture', label: t('council.prefecture') },
          { key: 'theme', type: 'theme', label: t('council.theme') },
          { key: 'offers', type: 'select', label: t('council.offers'), options: tags },
          { key: 'seeks', type: 'select', label: t('council.seeks'), options: tags },
        ]}
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
