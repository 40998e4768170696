import { Button, Center, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { ProjectSearchQuery } from './project-documents';
import { projectFilterOf, type SearchForm } from './project-filter';
import { ProjectCard } from './ProjectCard';

const PAGE_SIZE = 10;

// The matching projects, a page at a time: "show more" asks for the page after the last one and
// the cache appends it (relayPagination).
export function ProjectResults({ form }: { form: SearchForm }) {
  const { t } = useTranslation();
  const [after, setAfter] = useState<string | null>(null);
  const filter = projectFilterOf(form);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProjectSearchQuery,
    variables: { filter, sort: filter.text ? 'RELEVANCE' : 'NEWEST', first: PAGE_SIZE, after },
  });
  if (error && !data)
    return (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  if (!data) return <LoadingState />;
  const { edges, pageInfo } = data.projects;
  if (edges.length === 0)
    return <EmptyState title={t('projects.empty')} hint={t('projects.emptyHint')} />;
  return (
    <Stack>
      <Text c="gray.7" size="sm" aria-live="polite">
        {t('projects.count', { count: edges.length })}
      </Text>
      <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
        {edges.map(({ node }) => (
          <li key={node.id}>
            <ProjectCard project={node} />
          </li>
        ))}
      </Stack>
      {pageInfo.hasNextPage && (
        <Center>
          <Button
            variant="light"
            loading={fetching}
            onClick={() => setAfter(pageInfo.endCursor ?? null)}
          >
            {t('projects.more')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
