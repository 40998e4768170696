import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { ConversationPanel } from '../conversations/ConversationPanel';
import { CheckIns } from '../engagements/CheckIns';
import { EngagementTimeline } from '../engagements/EngagementTimeline';
import { FeedbackSection } from '../engagements/FeedbackSection';
import { Milestones } from '../engagements/Milestones';
import { StatusBadge } from '../engagements/StatusBadge';
import type {
  EngagementAction,
  EngagementNoteVisibility,
  EngagementRole,
  EngagementStatus,
  StaffEngagementQuery as StaffEngagementData,
  TransitionEngagementInput,
} from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { DateTimeInput } from '../i18n/DateTimeInput';
import { DayField } from '../i18n/DayField';
import { dayProblem, dayProblemMessage, isDay } from '../i18n/day';
import { zoneName } from '../i18n/event-time';
import { formatDate, formatDateTime, formatPeriod } from '../i18n/format';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import { answerTiming } from './answer-timing';
import {
  AddEngagementNoteMutation,
  EngagementNotesQuery,
  StaffEngagementContactsQuery,
  StaffEngagementQuery,
  StaffTransitionMutation,
} from './people-documents';
import { AnswerTiming } from './AnswerTiming';
import { FormError } from '../app/FormError';

type Engagement = StaffEngagementData['engagement'];

const UNDER_WAY: readonly EngagementStatus[] = ['ACTIVE', 'COMPLETED'];
const CONTACTS_SHARED: readonly EngagementStatus[] = ['APPROVED', 'ACTIVE', 'COMPLETED'];
// Steps that end the engagement: asked for a reason, and shown after the way forward.
const ENDING: readonly EngagementAction[] = ['DECLINE', 'CANCEL', 'WITHDRAW'];

// Which side of the engagement the workspace's organisation is on (platform admins only read).
function roleOf(kind: string): EngagementRole | null {
  if (kind === 'REGION') return 'REGION';
  if (kind === 'INTERMEDIARY') return 'INTERMEDIARY';
  return null;
}

// /manage/:orgId/engagements/:engagementId: one engagement as the region's staff and the
// supervising intermediary's staff deal with it. Who may take which step is the API's rule
// (Engagement.nextSteps); the page offers the steps open to the organisation's side.
export function StaffEngagementPage() {
  const { t, i18n } = useTranslation();
  const { engagementId = '' } = useParams();
  const { organization } = useWorkspace();
  const [{ data, error }, reexecute] = useQuery({
    query: StaffEngagementQuery,
    variables: { id: engagementId },
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  if (error && !data?.engagement) {
    const notFound = error.graphQLErrors.some((e) =>
      ['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN'].includes(String(e.extensions?.code)),
    );
    return notFound ? (
      <EmptyState title={t('staffEngagement.notFound')} />
    ) : (
      <ErrorState error={error} onRetry={refresh} />
    );
  }
  if (!data?.engagement) return <LoadingState />;
  const engagement = data.engagement;
  const role = roleOf(organization.kind);
  const { status } = engagement;
  return (
    <Stack component="article">
      <Anchor
        component={Link}
        to={`/manage/${organization.id}/projects/${engagement.project.id}/people`}
        size="sm"
      >
        ← {t('staffEngagement.back')}
      </Anchor>
      <Group gap="sm">
        <StatusBadge status={status} />
        <Text size="sm" c="gray.7">
          {t('staffEngagement.appliedOn', {
            date: formatDate(engagement.createdAt, i18n.language),
          })}
        </Text>
      </Group>
      <div>
        <Text size="sm" c="gray.7">
          {engagement.project.title}
        </Text>
        <Title order={1}>{engagement.applicant.displayName}</Title>
      </div>

      <NextSteps engagement={engagement} role={role} onChanged={refresh} />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack>
          <Participant engagement={engagement} />
          <Paper withBorder p="md" component="section" aria-labelledby="staff-motivation-title">
            <Title order={2} size="h4" id="staff-motivation-title" mb="xs">
              {t('staffEngagement.motivation')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{engagement.motivation || '—'}</Text>
          </Paper>
        </Stack>
        <Stack>
          <Paper withBorder p="md" component="section" aria-labelledby="staff-history-title">
            <Title order={2} size="h4" id="staff-history-title" mb="sm">
              {t('staffEngagement.history')}
            </Title>
            <EngagementTimeline
              status={status}
              createdAt={engagement.createdAt}
              history={data.engagementHistory}
            />
            <History history={data.engagementHistory} />
          </Paper>
          {status === 'INTERVIEW' && engagement.interview && (
            <Interview interview={engagement.interview} />
          )}
          {engagement.terms && <Terms terms={engagement.terms} />}
        </Stack>
      </SimpleGrid>

      <ConversationPanel engagementId={engagement.id} />

      {UNDER_WAY.includes(status) && (
        <>
          <CheckIns engagementId={engagement.id} canAdd={false} canApprove={role === 'REGION'} />
          {/* Both sides' staff set milestones and tick them off while it runs (the API's rule). */}
          <Milestones
            engagementId={engagement.id}
            canAdd={role !== null && status === 'ACTIVE'}
            canComplete={role !== null && status === 'ACTIVE'}
          />
        </>
      )}
      {status === 'COMPLETED' && (
        <FeedbackSection engagementId={engagement.id} side={role === 'REGION' ? 'REGION' : null} />
      )}
      {role && <Notes engagementId={engagement.id} role={role} />}
    </Stack>
  );
}

function NextSteps({
  engagement,
  role,
  onChanged,
}: {
  engagement: Engagement;
  role: EngagementRole | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<EngagementAction | null>(null);
  const [done, setDone] = useState<EngagementAction | null>(null);
  const mine = engagement.nextSteps.filter((s) => role && s.by.includes(role)).map((s) => s.action);
  // The way forward first, then the steps that end it.
  const ordered = [
    ...mine.filter((a) => !ENDING.includes(a)),
    ...mine.filter((a) => ENDING.includes(a)),
  ];
  const forward = engagement.nextSteps.find(
    (s) => !ENDING.includes(s.action) && s.action !== 'COMPLETE',
  );
  const waitingOn = forward && !(role && forward.by.includes(role)) ? forward.by[0] : null;
  const timing = answerTiming(engagement, new Date());
  const ended = ['DECLINED', 'WITHDRAWN', 'CANCELLED'].includes(engagement.status);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="staff-next-title" bg="indigo.0">
      <Stack gap="sm">
        <Title order={2} size="h4" id="staff-next-title">
          {t('staffEngagement.next')}
        </Title>
        {done && (
          <Alert color="green" role="status">
            {t(`staffEngagement.done.${done}`)}
          </Alert>
        )}
        {timing && <AnswerTiming timing={timing} />}
        {ended && engagement.statusReason && (
          <Text size="sm">
            {t('staffEngagement.statusReason', { reason: engagement.statusReason })}
          </Text>
        )}
        {waitingOn && <Text fw={700}>{t(`staffEngagement.waiting.${waitingOn}`)}</Text>}
        {ordered.length === 0 && !waitingOn && !ended && engagement.status !== 'COMPLETED' && (
          <Text>{t('staffEngagement.waitingOther')}</Text>
        )}
        {open ? (
          <StepForm
            engagement={engagement}
            action={open}
            onCancel={() => setOpen(null)}
            onDone={() => {
              setDone(open);
              setOpen(null);
              onChanged();
            }}
          />
        ) : (
          ordered.length > 0 && (
            <Group gap="sm">
              {ordered.map((action) => (
                <Button
                  key={action}
                  variant={ENDING.includes(action) ? 'outline' : 'filled'}
                  color={ENDING.includes(action) ? 'red.9' : undefined}
                  onClick={() => {
                    setDone(null);
                    setOpen(action);
                  }}
                >
                  {t(`staffEngagement.action.${action}`)}
                </Button>
              ))}
            </Group>
          )
        )}
      </Stack>
    </Paper>
  );
}

// Today in the browser's calendar, as YYYY-MM-DD.
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// A typed interview time is read in the browser's zone (new Date of a wall-clock string).
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

// What one step asks for before it is taken: a reason to end, slots for an interview, the terms
// to approve; the others only a confirmation.
function StepForm({
  engagement,
  action,
  onCancel,
  onDone,
}: {
  engagement: Engagement;
  action: EngagementAction;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [{ fetching }, transition] = useMutation(StaffTransitionMutation);
  const project = engagement.project;
  const [values, setValues] = useState({
    reason: '',
    slot: '',
    meetingUrl: '',
    notes: '',
    startDate: project.startDate > today() ? project.startDate : today(),
    endDate: project.endDate ?? '',
    hoursPerWeek: (project.hoursPerWeek ?? 4) as number | string,
    goals: '',
  });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const set = (key: keyof typeof values) => (value: string | number) =>
    setValues((v) => ({ ...v, [key]: value }));
  const submit = async () => {
    setErrors({});
    const input: TransitionEngagementInput = { engagementId: engagement.id, action };
    if (ENDING.includes(action)) {
      if (!values.reason.trim()) return setErrors({ reason: t('form.required') });
      input.reason = values.reason.trim();
    }
    if (action === 'PROPOSE_INTERVIEW') {
      if (!values.slot) return setErrors({ 'interview.slots': t('form.required') });
      input.interview = {
        slots: [new Date(values.slot).toISOString()],
        meetingUrl: values.meetingUrl.trim() || null,
        notes: values.notes.trim() || null,
      };
    }
    if (action === 'APPROVE') {
      const dayError = (value: string, min?: string) => {
        const problem = dayProblem(value, { min });
        return problem ? dayProblemMessage(problem, t, i18n.language) : undefined;
      };
      const termErrors = {
        'terms.startDate': values.startDate ? dayError(values.startDate) : t('form.required'),
        'terms.endDate': dayError(
          values.endDate,
          isDay(values.startDate) ? values.startDate : undefined,
        ),
        'terms.goals': values.goals.trim() ? undefined : t('form.required'),
      };
      if (Object.values(termErrors).some(Boolean)) return setErrors(termErrors);
      input.terms = {
        startDate: values.startDate,
        endDate: values.endDate || null,
        hoursPerWeek: Number(values.hoursPerWeek),
        goals: values.goals.trim(),
      };
    }
    const result = await transition({ input });
    if (!result.error) return onDone();
    const found = formErrorsOf(
      result.error,
      [
        'reason',
        'interview.slots',
        'interview.meetingUrl',
        'interview.notes',
        'terms.startDate',
        'terms.endDate',
        'terms.hoursPerWeek',
        'terms.goals',
      ],
      t,
    );
    setErrors({ ...found.fields, form: found.form });
  };
  return (
    <form
      noValidate
      aria-label={t(`staffEngagement.action.${action}`)}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <Text fw={700}>{t(`staffEngagement.action.${action}`)}</Text>
        <FormError message={errors.form} />
        {ENDING.includes(action) && (
          <Textarea
            label={t('staffEngagement.reason')}
            description={t('staffEngagement.reasonHint')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={values.reason}
            onChange={(e) => set('reason')(e.currentTarget.value)}
            error={errors.reason}
          />
        )}
        {action === 'PROPOSE_INTERVIEW' && (
          <>
            <DateTimeInput
              label={t('staffEngagement.slot')}
              required
              zoneNote={t('dates.browserZone', {
                zone: zoneName(new Date(), i18n.language, browserZone()),
              })}
              value={values.slot}
              onChange={set('slot')}
              error={errors['interview.slots']}
            />
            <TextInput
              type="url"
              label={t('staffEngagement.meetingUrl')}
              value={values.meetingUrl}
              onChange={(e) => set('meetingUrl')(e.currentTarget.value)}
              error={errors['interview.meetingUrl']}
            />
            <Textarea
              label={t('staffEngagement.interviewNotes')}
              autosize
              minRows={2}
              maxLength={2000}
              value={values.notes}
              onChange={(e) => set('notes')(e.currentTarget.value)}
              error={errors['interview.notes']}
            />
          </>
        )}
        {action === 'APPROVE' && (
          <>
            <Group grow align="flex-start" wrap="wrap">
              <DayField
                label={t('staffEngagement.startDate')}
                required
                value={values.startDate}
                onChange={set('startDate')}
                error={errors['terms.startDate']}
              />
              <DayField
                label={t('staffEngagement.endDate')}
                min={isDay(values.startDate) ? values.startDate : undefined}
                value={values.endDate}
                onChange={set('endDate')}
                error={errors['terms.endDate']}
              />
            </Group>
            <NumberInput
              label={t('staffEngagement.hoursPerWeek')}
              required
              min={1}
              max={80}
              maw={200}
              value={values.hoursPerWeek}
              onChange={set('hoursPerWeek')}
              error={errors['terms.hoursPerWeek']}
            />
            <Textarea
              label={t('staffEngagement.goals')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              value={values.goals}
              onChange={(e) => set('goals')(e.currentTarget.value)}
              error={errors['terms.goals']}
            />
          </>
        )}
        <Group gap="sm">
          <Button
            type="submit"
            loading={fetching}
            color={ENDING.includes(action) ? 'red.9' : undefined}
          >
            {t('staffEngagement.confirm')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('staffEngagement.cancelForm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Participant({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const shared = CONTACTS_SHARED.includes(engagement.status);
  // Contact details only once the engagement is approved: not even asked for before.
  const [{ data, error }] = useQuery({
    query: StaffEngagementContactsQuery,
    variables: { id: engagement.id },
    pause: !shared,
  });
  const contact = data?.engagementContacts.participant;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="staff-participant-title">
      <Title order={2} size="h4" id="staff-participant-title" mb="sm">
        {t('staffEngagement.participant')}
      </Title>
      <Stack component="dl" gap="xs" m={0}>
        <Fact label={t('staffEngagement.kind')}>{t(`kind.${engagement.applicant.kind}`)}</Fact>
        <Fact label={t('staffEngagement.contacts')}>
          {!shared && <Text size="sm">{t('staffEngagement.contactsLater')}</Text>}
          {shared && contact && (
            <span data-testid="participant-contacts">
              {t('staffEngagement.email')}:{' '}
              <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor>
              {contact.phone && (
                <>
                  <br />
                  {t('staffEngagement.phone')}: {contact.phone}
                </>
              )}
            </span>
          )}
          {shared && error && !data && (
            <Text size="sm" c="red.9" role="alert">
              {t('errors.generic')}
            </Text>
          )}
        </Fact>
      </Stack>
    </Paper>
  );
}

function History({ history }: { history: StaffEngagementData['engagementHistory'] }) {
  const { t, i18n } = useTranslation();
  if (history.length === 0) return null;
  return (
    <List size="sm" mt="sm" spacing={4} data-testid="history">
      {history.map((event) => (
        <List.Item key={`${event.createdAt}-${event.toStatus}`}>
          {formatDateTime(event.createdAt, i18n.language)} ·{' '}
          {t(`engagements.status.${event.toStatus}`)}
          {event.actorName && ` · ${t('staffEngagement.historyBy', { name: event.actorName })}`}
          {event.reason && ` · ${t('staffEngagement.statusReason', { reason: event.reason })}`}
        </List.Item>
      ))}
    </List>
  );
}

function Interview({ interview }: { interview: NonNullable<Engagement['interview']> }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="staff-interview-title">
      <Title order={2} size="h4" id="staff-interview-title" mb="sm">
        {t('staffEngagement.interview')}
      </Title>
      <List size="sm">
        {interview.slots.map((slot) => (
          <List.Item key={slot}>{formatDateTime(slot, i18n.language)}</List.Item>
        ))}
      </List>
      {interview.meetingUrl && (
        <Anchor href={interview.meetingUrl} target="_blank" rel="noreferrer" size="sm">
          {interview.meetingUrl}
        </Anchor>
      )}
      {interview.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {interview.notes}
        </Text>
      )}
    </Paper>
  );
}

function Terms({ terms }: { terms: NonNullable<Engagement['terms']> }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="staff-terms-title">
      <Title order={2} size="h4" id="staff-terms-title" mb="sm">
        {t('staffEngagement.terms')}
      </Title>
      <Stack component="dl" gap="xs" m={0}>
        <Fact label={t('staffEngagement.period')}>
          {formatPeriod(terms.startDate, terms.endDate, i18n.language)}
        </Fact>
        <Fact label={t('staffEngagement.hoursPerWeek')}>
          {t('staffEngagement.hours', { hours: terms.hoursPerWeek })}
        </Fact>
        <Fact label={t('staffEngagement.goals')}>{terms.goals}</Fact>
      </Stack>
    </Paper>
  );
}

function Notes({ engagementId, role }: { engagementId: string; role: EngagementRole }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({
    query: EngagementNotesQuery,
    variables: { id: engagementId },
    requestPolicy: 'cache-and-network',
  });
  const [{ fetching }, add] = useMutation(AddEngagementNoteMutation);
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<EngagementNoteVisibility>('REGION_SHARED');
  const [bodyError, setBodyError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const submit = async () => {
    setBodyError(undefined);
    setFormError(undefined);
    if (!body.trim()) return setBodyError(t('form.required'));
    const result = await add({ input: { engagementId, body: body.trim(), visibility } });
    if (result.error) {
      const found = formErrorsOf(result.error, ['body'], t);
      setBodyError(found.fields.body);
      return setFormError(found.form);
    }
    setBody('');
    reexecute({ requestPolicy: 'network-only' });
  };
  let list;
  if (error && !data)
    list = (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  else if (!data) list = <LoadingState />;
  else if (data.engagementNotes.length === 0)
    list = <Text c="gray.7">{t('staffEngagement.notes.empty')}</Text>;
  else
    list = (
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {data.engagementNotes.map((note) => (
          <Paper component="li" key={note.id} withBorder p="sm" data-testid="note">
            <Group gap="xs" mb={4}>
              <Badge color={note.visibility === 'INTERMEDIARY_PRIVATE' ? 'grape.9' : 'gray.7'}>
                {t(`staffEngagement.notes.visibility.${note.visibility}`)}
              </Badge>
              <Text size="sm" c="gray.7">
                {formatDateTime(note.createdAt, i18n.language)}
                {note.authorName && ` · ${note.authorName}`}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {note.body}
            </Text>
          </Paper>
        ))}
      </Stack>
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="staff-notes-title">
      <Stack>
        <Title order={2} size="h4" id="staff-notes-title">
          {t('staffEngagement.notes.title')}
        </Title>
        <Text size="sm">
          {t('staffEngagement.notes.intro')}
          {role === 'INTERMEDIARY' && ` ${t('staffEngagement.notes.introPrivate')}`}
        </Text>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="sm">
            <FormError message={formError} />
            <Textarea
              label={t('staffEngagement.notes.body')}
              autosize
              minRows={2}
              maxLength={4000}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={bodyError}
            />
            {role === 'INTERMEDIARY' && (
              <Radio.Group value={visibility} onChange={(v) => setVisibility(v)}>
                <Group gap="md">
                  <Radio
                    value="REGION_SHARED"
                    label={t('staffEngagement.notes.visibility.REGION_SHARED')}
                  />
                  <Radio value="INTERMEDIARY_PRIVATE" label={t('staffEngagement.notes.private')} />
                </Group>
              </Radio.Group>
            )}
            <Group>
              <Button type="submit" loading={fetching}>
                {t('staffEngagement.notes.add')}
              </Button>
            </Group>
          </Stack>
        </form>
        {list}
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
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}
