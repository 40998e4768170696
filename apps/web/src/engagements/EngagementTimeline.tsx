import { Text, Timeline, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EngagementStatus } from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { timelineOf, type TimelineState } from './next-steps';

const COLOUR: Record<TimelineState, string> = {
  done: 'indigo',
  current: 'indigo',
  upcoming: 'gray',
  ended: 'red',
};

// The road so far and ahead, each step with the day it was reached.
export function EngagementTimeline({
  status,
  createdAt,
  history,
}: {
  status: EngagementStatus;
  createdAt: string;
  history: ReadonlyArray<{ toStatus: EngagementStatus; createdAt: string }>;
}) {
  const { t, i18n } = useTranslation();
  const items = timelineOf(status, createdAt, history);
  const active = items.reduce((last, item, index) => (item.state === 'upcoming' ? last : index), 0);
  return (
    <Timeline active={active} bulletSize={18} lineWidth={2} role="list">
      {items.map((item) => (
        <Timeline.Item
          key={item.status}
          role="listitem"
          color={COLOUR[item.state]}
          aria-current={item.state === 'current' ? 'step' : undefined}
          title={
            <Text
              fw={item.state === 'current' ? 700 : 500}
              c={item.state === 'upcoming' ? 'gray.7' : undefined}
            >
              {t(`engagements.step.${item.status}`)}
              <VisuallyHidden>{` (${t(`engagements.timeline.${item.state}`)})`}</VisuallyHidden>
            </Text>
          }
        >
          {item.at && (
            <Text size="sm" c="gray.7">
              {formatDate(item.at, i18n.language)}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
