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
import { PagedQuery } from '../app/PagedQuery';
import { EmptyState } from '../app/page-states';
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
  const base = `/manage/${organization.id}/projects`;
  // The list is short (one region's projects): the status filter works on the loaded pages.
  const content = (
    <PagedQuery
      query={OrganizationProjectsQuery}
      variables={{ organizationId: organization.id }}
      pageSize={PAGE}
      connection={(data) => data.organizationProjects}
      empty={<EmptyState title={t('region.list.empty')} hint={t('region.list.emptyHint')} />}
      header={() => (
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
      )}
      filter={status ? (project) => project.status === status : undefined}
      filteredEmpty={<EmptyState title={t('region.list.emptyFiltered')} />}
      moreLabel={t('region.list.more')}
      keyOf={(node) => node.id}
    >
      {(project) => <ProjectRow project={project} base={base} />}
    </PagedQuery>
  );
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
