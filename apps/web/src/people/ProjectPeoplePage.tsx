import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  NumberInput,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import { StatusBadge } from '../engagements/StatusBadge';
import { GuardianConsentStatus } from '../guardians/GuardianConsentStatus';
import type {
  CandidateCardFragment,
  RecommendedCandidatesQuery as CandidatesData,
  StaffEngagementRowFragment,
  StaffScoutOfferFragment,
} from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { formatDate } from '../i18n/format';
import { localName } from '../i18n/local-name';
import { answerTiming } from './answer-timing';
import { AnswerTiming } from './AnswerTiming';
import {
  PeopleProjectQuery,
  ProjectEngagementsQuery,
  ProjectInterestsQuery,
  ProjectScoutOffersQuery,
  RecommendedCandidatesQuery,
  SendScoutOfferMutation,
} from './people-documents';
import { FormError } from '../app/FormError';

const PAGE_SIZE = 20;
const TABS = ['applications', 'candidates', 'offers', 'interest'] as const;
type Tab = (typeof TABS)[number];

// The API's limits (SendScoutOfferInput).
const MESSAGE_MAX = 4000;

// /manage/:orgId/projects/:projectId/people: the people around one project, for its region and
// the intermediaries supervising it. Each tab asks for its own list when opened.
export function ProjectPeoplePage() {
  const { t } = useTranslation();
  const { orgId = '', projectId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab');
  const tab: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : 'applications';
  const [{ data, error }, reexecute] = useQuery({
    query: PeopleProjectQuery,
    variables: { projectId },
    requestPolicy: 'cache-and-network',
  });
  if (error && !data?.project) {
    const notFound = error.graphQLErrors.some((e) =>
      ['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN'].includes(String(e.extensions?.code)),
    );
    return notFound ? (
      <EmptyState title={t('people.notFound')} />
    ) : (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  }
  if (!data?.project) return <LoadingState />;
  const project = data.project;
  return (
    <Stack>
      <Anchor component={Link} to={`/manage/${orgId}/projects/${projectId}`} size="sm">
        ← {t('people.backToProject')}
      </Anchor>
      <div>
        <Text size="sm" c="gray.7">
          {project.title}
        </Text>
        <Title order={1}>{t('people.title')}</Title>
      </div>
      {project.pausedAt && (
        <Alert color="orange" role="status" data-testid="paused">
          <Stack gap={4}>
            <Text fw={700}>{t('people.paused')}</Text>
            {project.pauseReason && (
              <Text size="sm">{t('people.pausedReason', { reason: project.pauseReason })}</Text>
            )}
            <Text size="sm">{t('people.pausedHint')}</Text>
          </Stack>
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => setSearch(value ? { tab: value } : {})}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`people.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="applications" pt="md">
          <Applications projectId={projectId} orgId={orgId} />
        </Tabs.Panel>
        <Tabs.Panel value="candidates" pt="md">
          <Candidates projectId={projectId} />
        </Tabs.Panel>
        <Tabs.Panel value="offers" pt="md">
          <ScoutOffers projectId={projectId} orgId={orgId} />
        </Tabs.Panel>
        <Tabs.Panel value="interest" pt="md">
          <Interests projectId={projectId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Applications({ projectId, orgId }: { projectId: string; orgId: string }) {
  const { t } = useTranslation();
  return (
    <PagedQuery
      query={ProjectEngagementsQuery}
      variables={{ projectId }}
      pageSize={PAGE_SIZE}
      connection={(data) => data.projectEngagements}
      empty={
        <EmptyState
          title={t('people.applications.empty')}
          hint={t('people.applications.emptyHint')}
        />
      }
      moreLabel={t('people.applications.more')}
      keyOf={(e) => e.id}
    >
      {(engagement) => <ApplicationCard engagement={engagement} orgId={orgId} />}
    </PagedQuery>
  );
}

function ApplicationCard({
  engagement,
  orgId,
}: {
  engagement: StaffEngagementRowFragment;
  orgId: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const timing = answerTiming(engagement, new Date());
  return (
    <Card
      withBorder
      component="article"
      data-testid="application"
      aria-label={engagement.applicant.displayName}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">
            {engagement.applicant.displayName}
          </Title>
          <Group gap={4}>
            <Badge variant="outline" color="gray.8">
              {t(`kind.${engagement.applicant.kind}`)}
            </Badge>
            <StatusBadge status={engagement.status} />
          </Group>
        </Group>
        <Text size="sm" c="gray.7">
          {t('people.applications.applied', { date: formatDate(engagement.createdAt, language) })}
        </Text>
        {timing && <AnswerTiming timing={timing} />}
        {engagement.guardianConsent && (
          <GuardianConsentStatus consent={engagement.guardianConsent} viewer="staff" />
        )}
        <Text size="sm" fw={700}>
          {t('people.applications.motivation')}
        </Text>
        <Text size="sm" lineClamp={4} style={{ whiteSpace: 'pre-wrap' }}>
          {engagement.motivation}
        </Text>
        <Group>
          <Button
            component={Link}
            to={`/manage/${orgId}/engagements/${engagement.id}`}
            variant="light"
            size="sm"
          >
            {t('people.applications.open')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

type Candidate = CandidatesData['recommendedCandidates']['edges'][number]['node'];

function Candidates({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const [scouting, setScouting] = useState<CandidateCardFragment | null>(null);
  const [sent, setSent] = useState(false);
  const body = (
    <PagedQuery
      query={RecommendedCandidatesQuery}
      variables={{ projectId }}
      pageSize={PAGE_SIZE}
      connection={(data) => data.recommendedCandidates}
      empty={
        <EmptyState title={t('people.candidates.empty')} hint={t('people.candidates.emptyHint')} />
      }
      moreLabel={t('people.candidates.more')}
      keyOf={(c) => c.participant.userId}
    >
      {(candidate) => (
        <CandidateCard
          candidate={candidate}
          onScout={() => {
            setSent(false);
            setScouting(candidate.participant);
          }}
        />
      )}
    </PagedQuery>
  );
  return (
    <Stack>
      <Text size="sm">{t('people.candidates.intro')}</Text>
      {sent && (
        <Alert color="green" role="status">
          {t('people.scout.sent')}
        </Alert>
      )}
      {body}
      <ScoutOfferModal
        projectId={projectId}
        participant={scouting}
        onClose={() => setScouting(null)}
        onSent={() => {
          setScouting(null);
          setSent(true);
        }}
      />
    </Stack>
  );
}

function CandidateCard({ candidate, onScout }: { candidate: Candidate; onScout: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ja';
  // The API's own sentences per factor; the strongest reasons first.
  const reasons = [...candidate.factors]
    .filter((f) => f.value > 0)
    .sort((a, b) => b.value * b.weight - a.value * a.weight);
  return (
    <Card
      withBorder
      component="article"
      data-testid="candidate"
      aria-label={candidate.participant.displayName}
    >
      <Stack gap="xs">
        <Group gap="xs">
          <Badge color="indigo.7">{t('people.candidates.rank', { rank: candidate.rank })}</Badge>
        </Group>
        <ParticipantSummary participant={candidate.participant} />
        <Text size="sm" fw={700}>
          {t('people.candidates.reasons')}
        </Text>
        <List size="sm" data-testid="reasons">
          {reasons.map((f) => (
            <List.Item key={f.factor}>{f.reason[language]}</List.Item>
          ))}
        </List>
        <Group>
          <Button size="sm" onClick={onScout}>
            {t('people.candidates.scout')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

// Name, kind and what the participant shows of themselves: nothing more is asked for.
function ParticipantSummary({ participant }: { participant: CandidateCardFragment }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const skills = participant.skills.slice(0, 6).map((s) =>
    t('app.noted', {
      text: localName(s, language),
      note: t('people.card.level', { level: s.level }),
    }),
  );
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Title order={2} size="h4">
          {participant.displayName}
        </Title>
        <Badge variant="outline" color="gray.8">
          {t(`kind.${participant.kind}`)}
        </Badge>
        {participant.remoteOnly && (
          <Badge variant="outline" color="gray.8">
            {t('people.card.remoteOnly')}
          </Badge>
        )}
      </Group>
      {participant.bio && (
        <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
          {participant.bio}
        </Text>
      )}
      {skills.length > 0 && (
        <Text size="sm">
          <Text span fw={700} size="sm">
            {t('app.label', { label: t('people.card.skills') })}
          </Text>
          {skills.join(language === 'ja' ? '、' : ', ')}
        </Text>
      )}
      <Group gap="md">
        {participant.homeMunicipality && (
          <Text size="sm">
            <Text span fw={700} size="sm">
              {t('app.label', { label: t('people.card.home') })}
            </Text>
            {localName(participant.homeMunicipality, language)}
          </Text>
        )}
        {participant.availability.weeklyHours != null && (
          <Text size="sm">
            {t('people.card.hours', { hours: participant.availability.weeklyHours })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

function ScoutOfferModal({
  projectId,
  participant,
  onClose,
  onSent,
}: {
  projectId: string;
  participant: CandidateCardFragment | null;
  onClose: () => void;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [days, setDays] = useState<number | string>(14);
  const [errors, setErrors] = useState<{ message?: string; expiresInDays?: string; form?: string }>(
    {},
  );
  const [{ fetching }, send] = useMutation(SendScoutOfferMutation);
  const submit = async () => {
    if (!participant) return;
    setErrors({});
    if (!message.trim()) return setErrors({ message: t('form.required') });
    const result = await send({
      input: {
        projectId,
        participantId: participant.userId,
        message: message.trim(),
        expiresInDays: Number(days) || 14,
      },
    });
    if (result.error) {
      const found = formErrorsOf(result.error, ['message', 'expiresInDays'], t);
      return setErrors({ ...found.fields, form: found.form });
    }
    setMessage('');
    onSent();
  };
  return (
    <Modal
      opened={participant !== null}
      onClose={onClose}
      title={participant ? t('people.scout.title', { name: participant.displayName }) : ''}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <FormError message={errors.form} />
          <Textarea
            label={t('people.scout.message')}
            description={t('people.scout.messageHint')}
            required
            autosize
            minRows={4}
            maxLength={MESSAGE_MAX}
            value={message}
            onChange={(event) => setMessage(event.currentTarget.value)}
            error={errors.message}
            data-autofocus
          />
          <NumberInput
            label={t('people.scout.expires')}
            min={1}
            max={30}
            maw={200}
            value={days}
            onChange={setDays}
            error={errors.expiresInDays}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('people.scout.cancel')}
            </Button>
            <Button type="submit" loading={fetching}>
              {t('people.scout.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const OFFER_COLOURS: Record<StaffScoutOfferFragment['status'], string> = {
  PENDING: 'indigo.7',
  ACCEPTED: 'teal.9',
  DECLINED: 'red.9',
  EXPIRED: 'gray.7',
  WITHDRAWN: 'gray.7',
};

function ScoutOffers({ projectId, orgId }: { projectId: string; orgId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <PagedQuery
      query={ProjectScoutOffersQuery}
      variables={{ projectId }}
      pageSize={PAGE_SIZE}
      connection={(data) => data.projectScoutOffers}
      empty={<EmptyState title={t('people.offers.empty')} hint={t('people.offers.emptyHint')} />}
      moreLabel={t('people.offers.more')}
      keyOf={(o) => o.id}
    >
      {(offer) => (
        <Card
          withBorder
          component="article"
          data-testid="scout-offer"
          aria-label={offer.participant.displayName}
        >
          <Stack gap={4}>
            <Group justify="space-between" gap="xs">
              <Title order={2} size="h4">
                {offer.participant.displayName}
              </Title>
              <Badge color={OFFER_COLOURS[offer.status]} data-testid="offer-status">
                {t(`people.offers.status.${offer.status}`)}
              </Badge>
            </Group>
            <Text size="sm" c="gray.7">
              {t('people.offers.sentOn', { date: formatDate(offer.createdAt, language) })}
              {offer.sentByName && ` · ${t('people.offers.sentBy', { name: offer.sentByName })}`}
            </Text>
            {offer.status === 'PENDING' && (
              <Text size="sm">
                {t('people.offers.expires', { date: formatDate(offer.expiresAt, language) })}
              </Text>
            )}
            <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
              {offer.message}
            </Text>
            {offer.responseNote && (
              <Text size="sm">{t('people.offers.response', { note: offer.responseNote })}</Text>
            )}
            {offer.engagementId && (
              <Anchor
                component={Link}
                to={`/manage/${orgId}/engagements/${offer.engagementId}`}
                size="sm"
              >
                {t('people.offers.openEngagement')}
              </Anchor>
            )}
          </Stack>
        </Card>
      )}
    </PagedQuery>
  );
}

function Interests({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const body = (
    <PagedQuery
      query={ProjectInterestsQuery}
      variables={{ projectId }}
      pageSize={PAGE_SIZE}
      connection={(data) => data.projectInterests}
      empty={<EmptyState title={t('people.interest.empty')} />}
      moreLabel={t('people.interest.more')}
      keyOf={(i) => i.participant.userId}
    >
      {(interest) => (
        <Card withBorder component="article" data-testid="interested">
          <Stack gap={4}>
            <ParticipantSummary participant={interest.participant} />
            <Text size="sm" c="gray.7">
              {t('people.interest.markedOn', {
                date: formatDate(interest.markedAt, i18n.language),
              })}
            </Text>
          </Stack>
        </Card>
      )}
    </PagedQuery>
  );
  return (
    <Stack>
      <Text size="sm">{t('people.interest.intro')}</Text>
      {body}
    </Stack>
  );
}
