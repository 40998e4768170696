import { Anchor, Box, Button, Card, Chip, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import type { EngagementSummaryFragment } from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { MyEngagementsQuery } from './engagement-documents';
import { isStatusGroup, outlookOf, STATUS_GROUPS, type StatusGroup } from './next-steps';
import { RequireSignIn } from '../app/RequireSignIn';
import { StatusBadge } from './StatusBadge';
import { GuardianConsentStatus } from '../guardians/GuardianConsentStatus';

const PAGE_SIZE = 20;
const GROUPS: StatusGroup[] = ['all', 'selection', 'preparing', 'active', 'completed', 'ended'];

// The participant's applications and engagements, newest first, filtered by where they stand
// (the filter is in the address, so a link or a reload keeps it).
export function MyEngagementsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const group: StatusGroup = isStatusGroup(requested) ? requested : 'all';
  return (
    <Stack maw={960} mx="auto">
      <Title order={1}>{t('engagements.list.title')}</Title>
      <RequireSignIn>
        <Chip.Group
          value={group}
          onChange={(value) => setParams(value === 'all' ? {} : { status: value })}
        >
          <Group gap="xs" role="radiogroup" aria-label={t('engagements.groups.label')}>
            {GROUPS.map((g) => (
              <Chip key={g} value={g} type="radio" variant="outline">
                {t(`engagements.groups.${g}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <EngagementList group={group} />
      </RequireSignIn>
    </Stack>
  );
}

function EngagementList({ group }: { group: StatusGroup }) {
  const { t } = useTranslation();
  return (
    <PagedQuery
      query={MyEngagementsQuery}
      variables={{ status: group === 'all' ? null : STATUS_GROUPS[group] }}
      pageSize={PAGE_SIZE}
      connection={(data) => data.myEngagements}
      empty={
        <Stack align="center">
          <EmptyState title={t('engagements.list.empty')} hint={t('engagements.list.emptyHint')} />
          <Button component={Link} to="/projects" variant="light">
            {t('engagements.list.findProjects')}
          </Button>
        </Stack>
      }
      moreLabel={t('engagements.list.more')}
      keyOf={(engagement) => engagement.id}
    >
      {(engagement) => <EngagementCard engagement={engagement} />}
    </PagedQuery>
  );
}

function EngagementCard({ engagement }: { engagement: EngagementSummaryFragment }) {
  const { t, i18n } = useTranslation();
  const outlook = outlookOf(engagement.nextSteps);
  return (
    <Card withBorder padding="md" component="article">
      <Group gap="xs" mb="xs">
        <StatusBadge status={engagement.status} />
      </Group>
      <Anchor component={Link} to={`/engagements/${engagement.id}`} fw={700} fz="lg" c="dark">
        <h2 style={{ font: 'inherit', margin: 0 }}>{engagement.project.title}</h2>
      </Anchor>
      <Text size="sm" mt={4}>
        {engagement.project.region.name}
      </Text>
      <Text size="sm" c="gray.7">
        {t('engagements.list.appliedOn', {
          date: formatDate(engagement.createdAt, i18n.language),
        })}
        {outlook.waitingOn && ` · ${t(`engagements.waitingOn.${outlook.waitingOn}`)}`}
      </Text>
      {engagement.guardianConsent && (
        <Box mt="xs">
          <GuardianConsentStatus consent={engagement.guardianConsent} viewer="participant" />
        </Box>
      )}
    </Card>
  );
}
