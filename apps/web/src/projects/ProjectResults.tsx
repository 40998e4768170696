import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import { ProjectSearchQuery } from './project-documents';
import { projectFilterOf, type SearchForm } from './project-filter';
import { ProjectCard } from './ProjectCard';

const PAGE_SIZE = 10;

// The matching projects, a page at a time: "show more" asks for the page after the last one and
// the cache appends it (relayPagination).
export function ProjectResults({ form }: { form: SearchForm }) {
  const { t } = useTranslation();
  const filter = projectFilterOf(form);
  return (
    <Stack>
      <PagedQuery
        query={ProjectSearchQuery}
        variables={{ filter, sort: filter.text ? 'RELEVANCE' : 'NEWEST' }}
        pageSize={PAGE_SIZE}
        requestPolicy="cache-first"
        connection={(data) => data.projects}
        empty={<EmptyState title={t('projects.empty')} hint={t('projects.emptyHint')} />}
        header={(edges) => (
          <Text c="gray.7" size="sm" aria-live="polite">
            {t('projects.count', { count: edges.length })}
          </Text>
        )}
        moreLabel={t('projects.more')}
        keyOf={(project) => project.id}
      >
        {(project) => <ProjectCard project={project} />}
      </PagedQuery>
    </Stack>
  );
}
