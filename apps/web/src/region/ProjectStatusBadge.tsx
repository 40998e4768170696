import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from '../gql/graphql';

// Dark shades only: the light ones fall below 4.5:1 contrast on their tint.
const COLORS: Record<ProjectStatus, string> = {
  DRAFT: 'gray.8',
  IN_REVIEW: 'cyan.9',
  PUBLISHED: 'green.9',
  CLOSED: 'blue.9',
  ARCHIVED: 'gray.7',
};

// A project's status in words, and whether applications are paused.
export function ProjectStatusBadge({
  status,
  paused,
}: {
  status: ProjectStatus;
  paused?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge variant="outline" color={COLORS[status]}>
        {t(`region.status.${status}`)}
      </Badge>
      {paused && (
        <Badge variant="filled" color="orange.9">
          {t('region.paused')}
        </Badge>
      )}
    </Group>
  );
}
