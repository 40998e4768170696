import { Anchor, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { useSession } from '../auth/session-context';
import type { EngagementQuery as EngagementData, EngagementStatus } from '../gql/graphql';
import { formatDate, formatList, formatPeriod } from '../i18n/format';
import { ConversationPanel } from '../conversations/ConversationPanel';
import { EngagementActivityDays } from '../activity-days/EngagementActivityDays';
import { CheckIns } from './CheckIns';
import { EngagementContactsQuery, EngagementQuery } from './engagement-documents';
import { EngagementTimeline } from './EngagementTimeline';
import { FeedbackSection } from './FeedbackSection';
import { FollowUps } from './FollowUps';
import { Milestones } from './Milestones';
import { ENDED, outlookOf } from './next-steps';
import { RequireSignIn } from '../app/RequireSignIn';
import { StatusBadge } from './StatusBadge';
import { WithdrawButton } from './WithdrawButton';
import { FormError } from '../app/FormError';

type Engagement = NonNullable<EngagementData['engagement']>;
type History = EngagementData['engagementHistory'];

// Where check-ins and milestones belong: once the activity has started.
const UNDER_WAY: readonly EngagementStatus[] = ['ACTIVE', 'COMPLETED'];
// Activity days are open to sign up from acceptance until the engagement ends (as the API's
// SIGNS_UP_FOR_DAYS); a completed one still shows the days it came to.
const SIGNS_UP_FOR_DAYS: readonly EngagementStatus[] = ['ACCEPTED', 'APPROVED', 'ACTIVE'];

// One engagement (the page every e-mail about it links to): where it stands and what happens
// next, its timeline, terms and people, and the participant's check-ins, milestones, feedback
// and follow-ups.
export function EngagementPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={960} mx="auto">
      <Anchor component={Link} to="/engagements" size="sm">
        ← {t('engagements.page.back')}
      </Anchor>
      <RequireSignIn>
        <EngagementLoader />
      </RequireSignIn>
    </Stack>
  );
}

function EngagementLoader() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({
    query: EngagementQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  if (error && !data?.engagement) {
    const notFound = error.graphQLErrors.some(
      (e) => e.extensions?.code === 'NOT_FOUND' || e.extensions?.code === 'BAD_USER_INPUT',
    );
    return notFound ? (
      <EmptyState title={t('engagements.page.notFound')} />
    ) : (
      <ErrorState error={error} onRetry={refresh} />
    );
  }
  if (!data?.engagement) return <LoadingState />;
  return (
    <EngagementDetails
      engagement={data.engagement}
      history={data.engagementHistory}
      onChanged={refresh}
    />
  );
}

function EngagementDetails({
  engagement,
  history,
  onChanged,
}: {
  engagement: Engagement;
  history: History;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { current } = useSession();
  const isParticipant = current?.user.id === engagement.applicant.userId;
  const { status } = engagement;
  const outlook = outlookOf(engagement.nextSteps);
  const project = engagement.project;
  return (
    <Stack component="article">
      <Group gap="sm">
        <StatusBadge status={status} />
        <Text size="sm" c="gray.7">
          {t('engagements.list.appliedOn', { date: formatDate(engagement.createdAt, language) })}
        </Text>
      </Group>
      <Title order={1}>{project.title}</Title>
      <Anchor component={Link} to={`/projects/${project.id}`} size="sm">
        {t('engagements.page.project')}
      </Anchor>

      <Paper withBorder p="md" component="section" aria-labelledby="next-title" bg="indigo.0">
        <Stack gap="xs">
          <Title order={2} size="h4" id="next-title">
            {t('engagements.page.next')}
          </Title>
          <Text data-testid="next-step">{t(`engagements.next.${status}`)}</Text>
          {outlook.waitingOn && (
            <Text size="sm" fw={700}>
              {t(`engagements.waitingOn.${outlook.waitingOn}`)}
            </Text>
          )}
          {ENDED.includes(status) && engagement.statusReason && (
            <Text size="sm">
              {t('app.labelled', {
                label: t('engagements.page.reason'),
                value: engagement.statusReason,
              })}
            </Text>
          )}
          {isParticipant && outlook.canWithdraw && (
            <Group>
              <WithdrawButton engagementId={engagement.id} onDone={onChanged} />
            </Group>
          )}
        </Stack>
      </Paper>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Paper withBorder p="md" component="section" aria-labelledby="timeline-title">
          <Title order={2} size="h4" id="timeline-title" mb="sm">
            {t('engagements.page.timeline')}
          </Title>
          <EngagementTimeline status={status} createdAt={engagement.createdAt} history={history} />
        </Paper>
        <Stack>
          {status === 'INTERVIEW' && engagement.interview && (
            <InterviewPlan interview={engagement.interview} />
          )}
          {engagement.terms && (
            <Paper withBorder p="md" component="section" aria-labelledby="terms-title">
              <Title order={2} size="h4" id="terms-title" mb="sm">
                {t('engagements.page.terms')}
              </Title>
              <Stack component="dl" gap="xs" m={0}>
                <Fact label={t('engagements.page.period')}>
                  {formatPeriod(engagement.terms.startDate, engagement.terms.endDate, language)}
                </Fact>
                <Fact label={t('engagements.page.hours')}>
                  {t('engagements.page.hoursPerWeek', { hours: engagement.terms.hoursPerWeek })}
                </Fact>
                <Fact label={t('engagements.page.goals')}>{engagement.terms.goals}</Fact>
              </Stack>
            </Paper>
          )}
          <People key={status} engagement={engagement} />
        </Stack>
      </SimpleGrid>

      <ConversationPanel engagementId={engagement.id} />

      {(SIGNS_UP_FOR_DAYS.includes(status) || status === 'COMPLETED') && (
        <EngagementActivityDays
          engagementId={engagement.id}
          canSignUp={isParticipant && SIGNS_UP_FOR_DAYS.includes(status)}
        />
      )}
      {UNDER_WAY.includes(status) && (
        <>
          <CheckIns engagementId={engagement.id} canAdd={isParticipant && status === 'ACTIVE'} />
          <Milestones
            engagementId={engagement.id}
            canComplete={isParticipant && status === 'ACTIVE'}
          />
        </>
      )}
      {status === 'COMPLETED' && (
        <>
          <FeedbackSection engagementId={engagement.id} />
          {isParticipant && <FollowUps engagementId={engagement.id} />}
        </>
      )}

      <Paper withBorder p="md" component="section" aria-labelledby="motivation-title">
        <Title order={2} size="h4" id="motivation-title" mb="xs">
          {t('engagements.page.motivation')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{engagement.motivation || '—'}</Text>
      </Paper>
    </Stack>
  );
}

function InterviewPlan({ interview }: { interview: NonNullable<Engagement['interview']> }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="interview-title">
      <Title order={2} size="h4" id="interview-title" mb="sm">
        {t('engagements.page.interview')}
      </Title>
      <Stack component="dl" gap="xs" m={0}>
        <Fact label={t('engagements.page.slots')}>
          <List size="sm">
            {interview.slots.map((slot) => (
              <List.Item key={slot}>{format.format(new Date(slot))}</List.Item>
            ))}
          </List>
        </Fact>
        {interview.meetingUrl && (
          <Fact label={t('engagements.page.meetingUrl')}>
            <Anchor href={interview.meetingUrl} target="_blank" rel="noreferrer">
              {interview.meetingUrl}
            </Anchor>
          </Fact>
        )}
        {interview.notes && (
          <Fact label={t('engagements.page.interviewNotes')}>{interview.notes}</Fact>
        )}
      </Stack>
    </Paper>
  );
}

function People({ engagement }: { engagement: Engagement }) {
  const { t, i18n } = useTranslation();
  // The API shares contact details from approval on and refuses them before (CONFLICT): asked
  // again whenever the status changes (the page remounts this by status), nothing shown while
  // refused.
  const [{ data, error }] = useQuery({
    query: EngagementContactsQuery,
    variables: { id: engagement.id },
    requestPolicy: 'cache-and-network',
  });
  const notYet = error?.graphQLErrors.some((e) => e.extensions?.code === 'CONFLICT');
  const intermediaries = engagement.project.supervisingIntermediaries;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="people-title">
      <Title order={2} size="h4" id="people-title" mb="sm">
        {t('engagements.page.people')}
      </Title>
      <Stack component="dl" gap="xs" m={0}>
        <Fact label={t('engagements.page.region')}>{engagement.project.region.name}</Fact>
        {intermediaries.length > 0 && (
          <Fact label={t('engagements.page.intermediary')}>
            {formatList(
              intermediaries.map((o) => o.name),
              i18n.language,
            )}
          </Fact>
        )}
        {data && data.engagementContacts.region.length > 0 && (
          <Fact label={t('engagements.page.contacts')}>
            <List size="sm">
              {data.engagementContacts.region.map((person) => (
                <List.Item key={person.email}>
                  {person.name}{' '}
                  <Anchor href={`mailto:${person.email}`} size="sm">
                    {person.email}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Fact>
        )}
        <FormError message={error && !notYet && !data ? t('errors.generic') : null} />
      </Stack>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="gray.7" fw={700}>
        {label}
      </Text>
      <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}
