import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { PagedList } from '../app/PagedList';
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
      <PagedList
        edges={edges}
        pageInfo={pageInfo}
        fetching={fetching}
        onMore={setAfter}
        moreLabel={t('projects.more')}
        keyOf={(project) => project.id}
      >
        {(project) => <ProjectCard project={project} />}
      </PagedList>
    </Stack>
  );
}
