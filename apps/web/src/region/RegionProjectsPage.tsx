import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PagedList } from '../app/PagedList';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type { ProjectStatus, RegionProjectRowFragment } from '../gql/graphql';
import { formatDate, formatPeriod } from '../i18n/format';
import { localName } from '../i18n/local-name';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import { ProjectStatusBadge } from './ProjectStatusBadge';
import { READABLE_ALERT } from './readable';
import { OrganizationProjectsQuery } from './region-documents';

const STATUSES: readonly ProjectStatus[] = [
  'DRAFT',
  'IN_REVIEW',
  'PUBLISHED',
  'CLOSED',
  'ARCHIVED',
];
const PAGE = 50;

// /manage/:orgId/projects: the region's projects, drafts included, newest first.
export function RegionProjectsPage() {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const [status, setStatus] = useState<ProjectStatus | ''>('');
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OrganizationProjectsQuery,
    variables: { organizationId: organization.id, first: PAGE, after },
    requestPolicy: 'cache-and-network',
  });
  const base = `/manage/${organization.id}/projects`;
  let content;
  if (error && !data)
    content = (
      <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  else if (!data) content = <LoadingState />;
  else {
    const { edges, pageInfo } = data.organizationProjects;
    // The list is short (one region's projects): the status filter works on the loaded pages.
    const shown = status ? edges.filter((e) => e.node.status === status) : edges;
    if (edges.length === 0)
      content = <EmptyState title={t('region.list.empty')} hint={t('region.list.emptyHint')} />;
    else
      content = (
        <Stack>
          <NativeSelect
            label={t('region.list.filter')}
            maw={240}
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as ProjectStatus | '')}
            data={[
              { value: '', label: t('region.list.all') },
              ...STATUSES.map((s) => ({ value: s, label: t(`region.status.${s}`) })),
            ]}
          />
          {shown.length === 0 ? (
            <EmptyState title={t('region.list.emptyFiltered')} />
          ) : (
            <PagedList
              edges={shown}
              pageInfo={pageInfo}
              fetching={fetching}
              onMore={setAfter}
              moreLabel={t('region.list.more')}
              keyOf={(node) => node.id}
            >
              {(project) => <ProjectRow project={project} base={base} />}
            </PagedList>
          )}
        </Stack>
      );
  }
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('region.list.title')}</Title>
          <Text size="sm" c="gray.7" maw={560}>
            {t('region.list.intro')}
          </Text>
        </div>
        <Button component={Link} to={`${base}/new`}>
          {t('region.list.newProject')}
        </Button>
      </Group>
      {content}
    </Stack>
  );
}

function ProjectRow({ project, base }: { project: RegionProjectRowFragment; base: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Card withBorder component="article">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`${base}/${project.id}`} fw={700}>
            {project.title}
          </Anchor>
          <ProjectStatusBadge status={project.status} paused={project.pausedAt != null} />
        </Group>
        <Text size="sm" c="gray.7">
          {localName(project.theme, language)} ・{' '}
          {formatPeriod(project.startDate, project.endDate, language)}
        </Text>
        {project.pausedAt && (
          <Alert color="orange" p="xs">
            {t('region.overview.pausedBody')}
          </Alert>
        )}
        {project.reviewComment && (
          <Alert
            color="yellow"
            p="xs"
            styles={READABLE_ALERT}
            title={t('region.list.latestComment')}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {project.reviewComment}
            </Text>
          </Alert>
        )}
        <Text size="xs" c="gray.7">
          {t('region.list.updated', { date: formatDate(project.updatedAt, language) })}
        </Text>
      </Stack>
    </Card>
  );
}
