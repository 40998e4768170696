import { Badge, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { PagedList } from '../app/PagedList';
import { RequireSignIn } from '../app/RequireSignIn';
import type { MyInterestsQuery as MyInterestsData } from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { localName } from '../i18n/local-name';
import { MyInterestsQuery } from './interest-documents';
import { ProjectSummary } from '../projects/ProjectSummary';
import { InterestButton } from './InterestButton';

const PAGE_SIZE = 20;

type Marked = MyInterestsData['myInterests']['edges'][number]['node'];

// The projects you marked 興味あり, newest mark first. A mark taken back here stays listed
// (pressed off) until the next visit, so the list does not jump under the pointer.
export function InterestsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={960} mx="auto">
      <Title order={1}>{t('interests.title')}</Title>
      <Text>{t('interests.intro')}</Text>
      <RequireSignIn>
        <InterestList />
      </RequireSignIn>
    </Stack>
  );
}

function InterestList() {
  const { t } = useTranslation();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MyInterestsQuery,
    variables: { first: PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  if (error && !data)
    return (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  if (!data) return <LoadingState />;
  const { edges, pageInfo } = data.myInterests;
  if (edges.length === 0)
    return (
      <Stack align="center">
        <EmptyState title={t('interests.empty')} hint={t('interests.emptyHint')} />
        <Button component={Link} to="/projects" variant="light">
          {t('interests.find')}
        </Button>
      </Stack>
    );
  return (
    <PagedList
      edges={edges}
      pageInfo={pageInfo}
      fetching={fetching}
      onMore={setAfter}
      moreLabel={t('interests.more')}
      keyOf={(marked) => marked.project.id}
    >
      {(marked) => <MarkedCard marked={marked} />}
    </PagedList>
  );
}

function MarkedCard({ marked }: { marked: Marked }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { project } = marked;
  return (
    <Card withBorder padding="md" component="article">
      <Group gap="xs" mb="xs">
        <Badge variant="light">{localName(project.theme, language)}</Badge>
        <Text size="sm" c="gray.7">
          {t('interests.markedOn', { date: formatDate(marked.markedAt, language) })}
        </Text>
      </Group>
      <ProjectSummary project={project} />
      <Box mt="sm">
        <InterestButton projectId={project.id} title={project.title} compact />
      </Box>
    </Card>
  );
}
