import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EngagementStatus } from '../gql/graphql';

// Filled, in shades dark enough for white words at 4.5:1 or more (light badges fell short).
const COLOURS: Record<EngagementStatus, string> = {
  SUBMITTED: 'indigo.7',
  INTERVIEW: 'indigo.7',
  ACCEPTED: 'cyan.9',
  APPROVED: 'cyan.9',
  ACTIVE: 'teal.9',
  COMPLETED: 'gray.7',
  DECLINED: 'red.9',
  WITHDRAWN: 'gray.7',
  CANCELLED: 'red.9',
};

export function StatusBadge({ status }: { status: EngagementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} data-testid="engagement-status">
      {t(`engagements.status.${status}`)}
    </Badge>
  );
}
