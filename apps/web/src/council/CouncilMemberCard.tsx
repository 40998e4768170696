import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CouncilProfileFieldsFragment } from '../gql/graphql';
import { localName } from '../i18n/local-name';
import { placeName } from '../i18n/place-name';

// Where a member is, in the reader's language: its municipality, else its prefecture.
export function memberPlace(member: CouncilProfileFieldsFragment, language: string): string | null {
  if (member.municipality && member.prefecture) {
    return placeName(
      { municipality: member.municipality, prefecture: member.prefecture },
      language,
    );
  }
  return member.prefecture ? localName(member.prefecture, language) : null;
}

export function TagList({ label, tags }: { label: string; tags: readonly string[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {tags.map((tag) => (
        <Badge key={tag} variant="light" tt="none">
          {t(`council.tags.${tag}`)}
        </Badge>
      ))}
    </Group>
  );
}

// A member in the directory and in partner suggestions: name, kind, place, what it offers and
// seeks, the start of its introduction.
export function CouncilMemberCard({
  member,
  children,
}: {
  member: CouncilProfileFieldsFragment;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const introduction =
    i18n.language === 'en' && member.introductionEn ? member.introductionEn : member.introductionJa;
  return (
    <Paper withBorder p="md" component="article">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={3} size="h4">
            <Anchor component={Link} to={`/council/${member.organization.id}`}>
              {member.organization.name}
            </Anchor>
          </Title>
          <Badge variant="outline" color="gray.8" tt="none">
            {t(`council.kinds.${member.organization.kind}`)}
          </Badge>
        </Group>
        <Text size="sm" c="gray.7">
          {memberPlace(member, i18n.language) ?? t('council.noPlace')}
        </Text>
        <Text lineClamp={3}>{introduction}</Text>
        <TagList label={t('council.offers')} tags={member.offerTags} />
        <TagList label={t('council.seeks')} tags={member.seekTags} />
        {children}
      </Stack>
    </Paper>
  );
}
