import { Badge, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
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
  return (
    <PagedQuery
      query={MyInterestsQuery}
      variables={{}}
      pageSize={PAGE_SIZE}
      connection={(data) => data.myInterests}
      empty={
        <Stack align="center">
          <EmptyState title={t('interests.empty')} hint={t('interests.emptyHint')} />
          <Button component={Link} to="/projects" variant="light">
            {t('interests.find')}
          </Button>
        </Stack>
      }
      moreLabel={t('interests.more')}
      keyOf={(marked) => marked.project.id}
    >
      {(marked) => <MarkedCard marked={marked} />}
    </PagedQuery>
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
