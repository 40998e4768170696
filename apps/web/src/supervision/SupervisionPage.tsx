import {
  Anchor,
  Badge,
  Button,
  Card,
  Chip,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import { FollowUpForm } from '../engagements/FollowUps';
import type {
  DueFollowUpsQuery as DueFollowUps,
  EngagementHealth,
  OverdueApplicationsQuery as OverdueApplications,
  SupervisedEngagementRowFragment,
} from '../gql/graphql';
import { formatDate, formatNumber } from '../i18n/format';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import {
  DueFollowUpsQuery,
  OverdueApplicationsQuery,
  ProgramsQuery,
  SupervisedEngagementsQuery,
  SupervisionOverviewQuery,
} from './supervision-documents';

const PAGE_SIZE = 20;
// The overdue milestones are looked for among this many engagements per health.
const OVERVIEW_SIZE = 100;
const HEALTHS: EngagementHealth[] = ['STALE', 'NEEDS_ATTENTION', 'ON_TRACK'];
// Dark enough for text on white and for white text on them (contrast 4.5:1 or more).
const HEALTH_COLOR: Record<EngagementHealth, string> = {
  STALE: '#c92a2a',
  NEEDS_ATTENTION: '#9a3c00',
  ON_TRACK: '#087f5b',
};

type Filter = EngagementHealth | 'ALL';
const isHealth = (value: string | null): value is EngagementHealth =>
  HEALTHS.includes(value as EngagementHealth);

// /manage/:orgId/supervision: what needs attention among the engagements an intermediary
// supervises. The health filter is in the address, so a link or a reload keeps it.
export function SupervisionPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('health');
  const filter: Filter = isHealth(requested) ? requested : 'ALL';
  const choose = (value: Filter) => setParams(value === 'ALL' ? {} : { health: value });
  return (
    <Stack>
      <Title order={2}>{t('supervision.title')}</Title>
      <Text>{t('supervision.intro')}</Text>
      <Text size="sm" c="gray.7">
        {t('supervision.scopeNote')}
      </Text>
      <Overview filter={filter} onChoose={choose} />
      <Section title={t('supervision.list.title')} id="supervised-title">
        <Chip.Group value={filter} onChange={(value) => choose(value)}>
          <Group gap="xs" role="radiogroup" aria-label={t('supervision.health.label')}>
            {(['ALL', ...HEALTHS] as Filter[]).map((h) => (
              <Chip key={h} value={h} type="radio" variant="outline">
                {t(`supervision.health.${h}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <SupervisedList key={filter} health={filter === 'ALL' ? null : filter} />
      </Section>
      <OverdueApplicationsSection />
      <FollowUpsSection />
      <RhythmSection />
    </Stack>
  );
}

function Section({
  title,
  id,
  intro,
  children,
}: {
  title: string;
  id: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={3} id={id}>
          {title}
        </Title>
        {intro && <Text size="sm">{intro}</Text>}
        {children}
      </Stack>
    </Paper>
  );
}

// One tile per health (a tap filters the list), and the engagements with overdue milestones.
function Overview({ filter, onChoose }: { filter: Filter; onChoose: (h: Filter) => void }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({
    query: SupervisionOverviewQuery,
    variables: { first: OVERVIEW_SIZE },
    requestPolicy: 'cache-and-network',
  });
  if (error && !data)
    return (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  if (!data) return <LoadingState />;
  const countOf = (h: EngagementHealth) =>
    data.supervisedHealthCounts.find((c) => c.health === h)?.count ?? 0;
  // An ON_TRACK engagement has no overdue milestone (that makes it NEEDS_ATTENTION at least).
  const overdue = [...data.needsAttention.edges, ...data.stale.edges]
    .map((e) => e.node)
    .filter((row) => row.overdueMilestones > 0);
  return (
    <>
      <SimpleGrid
        cols={{ base: 1, xs: 3 }}
        component="ul"
        aria-label={t('supervision.tiles')}
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {HEALTHS.map((h) => {
          const count = t('supervision.count', {
            count: countOf(h),
            formatted: formatNumber(countOf(h), i18n.language),
          });
          return (
            <li key={h}>
              <UnstyledButton
                w="100%"
                h="100%"
                onClick={() => onChoose(filter === h ? 'ALL' : h)}
                aria-pressed={filter === h}
                data-testid={`health-tile-${h}`}
              >
                <Card
                  withBorder
                  h="100%"
                  bd={filter === h ? '2px solid var(--mantine-color-blue-7)' : undefined}
                >
                  <Text fw={700} c={HEALTH_COLOR[h]}>
                    {t(`supervision.health.${h}`)}
                  </Text>
                  <Text fz={28} fw={700}>
                    {count}
                  </Text>
                  <Text size="sm" c="gray.7">
                    {t(`supervision.healthHint.${h}`)}
                  </Text>
                </Card>
              </UnstyledButton>
            </li>
          );
        })}
      </SimpleGrid>
      <Section
        title={t('supervision.milestones.title')}
        id="milestones-title"
        intro={t('supervision.milestones.intro')}
      >
        {overdue.length === 0 ? (
          <Text c="gray.7">{t('supervision.milestones.empty')}</Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {overdue.map((row) => (
              <li key={row.engagement.id}>
                <SupervisedCard row={row} />
              </li>
            ))}
          </Stack>
        )}
      </Section>
    </>
  );
}

function SupervisedList({ health }: { health: EngagementHealth | null }) {
  const { t } = useTranslation();
  return (
    <PagedQuery
      query={SupervisedEngagementsQuery}
      variables={{ health }}
      pageSize={PAGE_SIZE}
      connection={(data) => data.supervisedEngagements}
      empty={
        <EmptyState title={t('supervision.list.empty')} hint={t('supervision.list.emptyHint')} />
      }
      moreLabel={t('supervision.list.more')}
      keyOf={(row) => row.engagement.id}
    >
      {(row) => <SupervisedCard row={row} />}
    </PagedQuery>
  );
}

function SupervisedCard({ row }: { row: SupervisedEngagementRowFragment }) {
  const { t, i18n } = useTranslation();
  const { organization } = useWorkspace();
  const { engagement } = row;
  const started = engagement.statusChangedAt ?? engagement.createdAt;
  return (
    <Card withBorder padding="sm" component="article" data-testid="supervised-engagement">
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Anchor
          component={Link}
          to={`/manage/${organization.id}/engagements/${engagement.id}`}
          fw={700}
          c="dark"
        >
          {engagement.project.title}
        </Anchor>
        <Badge color={HEALTH_COLOR[row.health]}>{t(`supervision.health.${row.health}`)}</Badge>
      </Group>
      <Text size="sm">
        {t('supervision.list.participant', { name: engagement.applicant.displayName })} ·{' '}
        {engagement.project.region.name}
      </Text>
      <Text size="sm" c="gray.7">
        {row.lastCheckInAt
          ? t('supervision.list.lastCheckIn', {
              date: formatDate(row.lastCheckInAt, i18n.language),
            })
          : t('supervision.list.noCheckIn', { date: formatDate(started, i18n.language) })}
      </Text>
      {row.overdueMilestones > 0 && (
        <Text size="sm" c={HEALTH_COLOR.NEEDS_ATTENTION} fw={700}>
          {t('supervision.list.overdueMilestones', { count: row.overdueMilestones })}
        </Text>
      )}
    </Card>
  );
}

function OverdueApplicationsSection() {
  const { t } = useTranslation();
  const body = (
    <PagedQuery
      query={OverdueApplicationsQuery}
      variables={{}}
      pageSize={PAGE_SIZE}
      connection={(data) => data.overdueApplications}
      empty={<Text c="gray.7">{t('supervision.overdue.empty')}</Text>}
      moreLabel={t('supervision.overdue.more')}
      keyOf={(application) => application.id}
    >
      {(application) => <OverdueApplicationCard application={application} />}
    </PagedQuery>
  );
  return (
    <Section
      title={t('supervision.overdue.title')}
      id="overdue-title"
      intro={t('supervision.overdue.intro')}
    >
      {body}
    </Section>
  );
}

type OverdueApplication = OverdueApplications['overdueApplications']['edges'][number]['node'];

function OverdueApplicationCard({ application }: { application: OverdueApplication }) {
  const { t, i18n } = useTranslation();
  const { organization } = useWorkspace();
  return (
    <Card withBorder padding="sm" component="article" data-testid="overdue-application">
      <Anchor
        component={Link}
        to={`/manage/${organization.id}/engagements/${application.id}`}
        fw={700}
        c="dark"
      >
        {application.project.title}
      </Anchor>
      <Text size="sm">
        {t('supervision.list.participant', { name: application.applicant.displayName })}
      </Text>
      <Text size="sm">
        {t('supervision.overdue.region', { name: application.project.region.name })}
      </Text>
      <Text size="sm" c="red.9">
        {t('supervision.overdue.waitingSince', {
          date: formatDate(application.createdAt, i18n.language),
        })}
      </Text>
    </Card>
  );
}

function FollowUpsSection() {
  const { t } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({
    query: DueFollowUpsQuery,
    requestPolicy: 'cache-and-network',
  });
  let body;
  if (error && !data)
    body = (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  else if (!data) body = <LoadingState />;
  else {
    // A follow-up just recorded stays in the cached list with its date: it is done.
    const due = data.dueFollowUps.filter((f) => !f.recordedAt);
    body =
      due.length === 0 ? (
        <Text c="gray.7">{t('supervision.followUps.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {due.map((f) => (
            <li key={f.id}>
              <FollowUpCard followUp={f} />
            </li>
          ))}
        </Stack>
      );
  }
  return (
    <Section
      title={t('supervision.followUps.title')}
      id="follow-ups-due-title"
      intro={t('supervision.followUps.intro')}
    >
      {body}
    </Section>
  );
}

function FollowUpCard({ followUp }: { followUp: DueFollowUps['dueFollowUps'][number] }) {
  const { t, i18n } = useTranslation();
  const { organization } = useWorkspace();
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder padding="sm" component="article" data-testid="due-follow-up">
      <Group justify="space-between" gap="xs">
        <Anchor
          component={Link}
          to={`/manage/${organization.id}/engagements/${followUp.engagementId}`}
          fw={700}
          c="dark"
        >
          {followUp.projectTitle}
        </Anchor>
        <Badge variant="light">
          {t('supervision.followUps.after', { months: followUp.dueMonths })}
        </Badge>
      </Group>
      <Text size="sm" c="gray.7">
        {t('supervision.followUps.dueSince', { date: formatDate(followUp.dueAt, i18n.language) })}
      </Text>
      {open ? (
        <>
          <FollowUpForm followUpId={followUp.id} onRecorded={() => setOpen(false)} />
          <Button variant="subtle" mt="xs" onClick={() => setOpen(false)}>
            {t('supervision.followUps.close')}
          </Button>
        </>
      ) : (
        <Group mt="xs">
          <Button variant="light" onClick={() => setOpen(true)}>
            {t('supervision.followUps.record')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

// Each program's check-in rhythm, as the health above applies it.
function RhythmSection() {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const [{ data, error }, reexecute] = useQuery({
    query: ProgramsQuery,
    variables: { organizationId: organization.id },
  });
  let body;
  if (error && !data)
    body = (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  else if (!data) body = <LoadingState />;
  else if (data.programs.length === 0)
    body = <Text c="gray.7">{t('supervision.rhythm.none')}</Text>;
  else
    body = (
      <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
        {data.programs.map((program) => (
          <Group component="li" key={program.id} justify="space-between" gap="xs">
            <Text>{program.name}</Text>
            <Text fw={700}>
              {program.staleAfterDays
                ? t('supervision.rhythm.days', { days: program.staleAfterDays })
                : t('supervision.rhythm.default')}
            </Text>
          </Group>
        ))}
      </Stack>
    );
  return (
    <Section
      title={t('supervision.rhythm.title')}
      id="rhythm-title"
      intro={t('supervision.rhythm.intro')}
    >
      {body}
      <Group>
        <Button component={Link} to={`/manage/${organization.id}/programs`} variant="default">
          {t('supervision.rhythm.manage')}
        </Button>
      </Group>
    </Section>
  );
}
