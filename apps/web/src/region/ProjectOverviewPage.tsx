import '@mantine/dates/styles.css';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { type ReactNode, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { useMutationForm } from '../graphql/use-mutation-form';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type { RegionProjectQuery as RegionProjectData } from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { FormDayField } from '../i18n/FormDayField';
import { formatDateTime, formatMonth, formatPeriod } from '../i18n/format';
import { localName } from '../i18n/local-name';
import { placeName } from '../i18n/place-name';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import { ProjectStatusBadge } from './ProjectStatusBadge';
import { extendSchema, type ExtendValues, nextDay } from './project-form';
import { READABLE_ALERT } from './readable';
import {
  ArchiveProjectMutation,
  CloseProjectMutation,
  ExtendProjectMutation,
  RegionProjectQuery,
  SubmitProjectMutation,
} from './region-documents';
import { FormError } from '../app/FormError';

type Project = RegionProjectData['project'];
type HistoryEntry = RegionProjectData['projectHistory'][number];

// /manage/:orgId/projects/:projectId: everything about one project, what can be done with it
// now, and how it got here.
export function ProjectOverviewPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const { organization } = useWorkspace();
  const location = useLocation();
  const [{ data, error }, refetch] = useQuery({
    query: RegionProjectQuery,
    variables: { id: projectId },
    requestPolicy: 'cache-and-network',
  });
  const { flash, problem } = (location.state ?? {}) as { flash?: string; problem?: string };
  let content: ReactNode;
  if (error && !data) {
    const missing = error.graphQLErrors.some((e) =>
      ['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT'].includes(String(e.extensions?.code)),
    );
    content = missing ? (
      <EmptyState title={t('region.overview.notFound')} />
    ) : (
      <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  } else if (!data) content = <LoadingState />;
  else
    content = (
      <Overview
        project={data.project}
        history={data.projectHistory}
        flash={flash}
        problem={problem}
        reload={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  return (
    <Stack>
      <Anchor component={Link} to={`/manage/${organization.id}/projects`} size="sm">
        ← {t('region.overview.back')}
      </Anchor>
      {content}
    </Stack>
  );
}

function Overview({
  project,
  history,
  flash,
  problem,
  reload,
}: {
  project: Project;
  history: readonly HistoryEntry[];
  flash?: string;
  problem?: string;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState(flash);
  const sentBack =
    project.status === 'DRAFT' && history.some((e) => e.action === 'CHANGES_REQUESTED');
  return (
    <Stack component="article">
      <Group gap="sm" wrap="wrap">
        <Title order={2}>{project.title}</Title>
        <ProjectStatusBadge status={project.status} paused={project.pausedAt != null} />
      </Group>
      {message && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('region.overview.cancel')}
          onClose={() => setMessage(undefined)}
        >
          {message}
        </Alert>
      )}
      <FormError message={problem} />
      {project.pausedAt && (
        <Alert color="orange" styles={READABLE_ALERT} title={t('region.overview.pausedTitle')}>
          <Text size="sm">{t('region.overview.pausedBody')}</Text>
          <Text size="sm">{t('region.overview.pausedWhat')}</Text>
        </Alert>
      )}
      {project.reviewComment && (
        <Alert
          color={sentBack ? 'yellow' : 'blue'}
          styles={READABLE_ALERT}
          title={t('region.overview.latestComment')}
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {project.reviewComment}
          </Text>
        </Alert>
      )}
      <Actions project={project} sentBack={sentBack} onDone={setMessage} reload={reload} />
      <Facts project={project} />
      <History entries={history} />
    </Stack>
  );
}

// What the region can do in this status, with a sentence saying what happens next.
function Actions({
  project,
  sentBack,
  onDone,
  reload,
}: {
  project: Project;
  sentBack: boolean;
  onDone: (message: string) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const base = `/manage/${organization.id}/projects/${project.id}`;
  const [submitState, submit] = useMutation(SubmitProjectMutation);
  const [archiveState, archive] = useMutation(ArchiveProjectMutation);
  const [problem, setProblem] = useState<string>();
  const [dialog, setDialog] = useState<'extend' | 'close' | 'archive' | null>(null);
  const run = async (
    send: () => Promise<{ error?: CombinedError }>,
    done: string,
  ): Promise<boolean> => {
    setProblem(undefined);
    const result = await send();
    if (result.error) {
      setProblem(formErrorsOf(result.error, [], t).form);
      reload();
      return false;
    }
    onDone(done);
    reload();
    return true;
  };
  const status = project.status;
  const next = status === 'DRAFT' && sentBack ? 'DRAFT_SENT_BACK' : status;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="what-now">
      <Title order={3} size="h4" id="what-now" mb="xs">
        {t('region.overview.whatNow')}
      </Title>
      <Text size="sm" mb="sm">
        {t(`region.overview.next.${next}`)}
      </Text>
      <Group gap="sm">
        {status === 'DRAFT' && (
          <>
            <Button component={Link} to={`${base}/edit`} variant="default">
              {t('region.overview.edit')}
            </Button>
            <Button
              loading={submitState.fetching}
              onClick={() =>
                void run(() => submit({ id: project.id }), t('region.overview.submitted'))
              }
            >
              {t('region.overview.submit')}
            </Button>
          </>
        )}
        {status === 'PUBLISHED' && (
          <>
            <Button onClick={() => setDialog('extend')}>{t('region.overview.extend')}</Button>
            <Button variant="default" onClick={() => setDialog('close')}>
              {t('region.overview.close')}
            </Button>
          </>
        )}
        {(status === 'DRAFT' || status === 'CLOSED') && (
          <Button variant="outline" color="red.9" onClick={() => setDialog('archive')}>
            {t(status === 'DRAFT' ? 'region.overview.archiveDraft' : 'region.overview.archive')}
          </Button>
        )}
        {(status === 'PUBLISHED' || status === 'CLOSED') && (
          <>
            <Button variant="light" component={Link} to={`${base}/people`}>
              {t('region.overview.people')}
            </Button>
            <Button variant="light" component={Link} to={`${base}/activity-days`}>
              {t('activityDays.link')}
            </Button>
          </>
        )}
        {status === 'PUBLISHED' && (
          <Anchor component={Link} to={`/projects/${project.id}`} size="sm">
            {t('region.overview.publicPage')}
          </Anchor>
        )}
      </Group>
      {problem && (
        <Alert color="red" role="alert" mt="sm">
          {problem}
        </Alert>
      )}
      <Modal
        opened={dialog === 'extend'}
        onClose={() => setDialog(null)}
        closeButtonProps={{ 'aria-label': t('region.overview.cancel') }}
        title={t('region.overview.extendTitle')}
      >
        <ExtendForm
          project={project}
          onDone={() => {
            setDialog(null);
            onDone(t('region.overview.extended'));
            reload();
          }}
        />
      </Modal>
      <Modal
        opened={dialog === 'close'}
        onClose={() => setDialog(null)}
        closeButtonProps={{ 'aria-label': t('region.overview.cancel') }}
        title={t('region.overview.closeTitle')}
      >
        <CloseForm
          projectId={project.id}
          onDone={() => {
            setDialog(null);
            onDone(t('region.overview.closed'));
            reload();
          }}
        />
      </Modal>
      <Modal
        opened={dialog === 'archive'}
        onClose={() => setDialog(null)}
        closeButtonProps={{ 'aria-label': t('region.overview.cancel') }}
        title={t(status === 'DRAFT' ? 'region.overview.archiveDraft' : 'region.overview.archive')}
      >
        <Text size="sm">{t('region.overview.archiveConfirm')}</Text>
        <Group mt="md">
          <Button
            color="red.9"
            loading={archiveState.fetching}
            onClick={() => {
              setDialog(null);
              void run(() => archive({ id: project.id }), t('region.overview.archived'));
            }}
          >
            {t('region.overview.confirm')}
          </Button>
          <Button variant="default" onClick={() => setDialog(null)}>
            {t('region.overview.cancel')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}

// A later end date (or none), more places, or both; the API says what is wrong on its field.
function ExtendForm({ project, onDone }: { project: Project; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [, extend] = useMutation(ExtendProjectMutation);
  // A new end is after the current one; none keeps it.
  const after = project.endDate ? nextDay(project.endDate) : undefined;
  const schema = extendSchema(t, i18n.language, { after, capacity: project.capacity });
  const { form, formError, submitting, onSubmit } = useMutationForm<
    ExtendValues,
    { error?: CombinedError }
  >(
    schema,
    { endDate: '', ongoing: false, capacity: project.capacity },
    (values) =>
      extend({
        input: {
          projectId: project.id,
          ...(values.ongoing
            ? { endDate: null }
            : values.endDate
              ? { endDate: values.endDate }
              : {}),
          ...(values.capacity !== '' && values.capacity !== project.capacity
            ? { capacity: values.capacity }
            : {}),
        },
      }),
    () => onDone(),
  );
  const errors = form.formState.errors;
  const ongoing = form.watch('ongoing');
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm">{t('region.overview.extendHint')}</Text>
        {project.endDate && (
          <>
            {!ongoing && (
              <FormDayField
                control={form.control}
                name="endDate"
                label={t('region.overview.newEndDate')}
                hideOutsideDates
                min={after}
                defaultDate={after}
                clearable
                clearButtonProps={{ 'aria-label': t('region.overview.clearEndDate') }}
              />
            )}
            <Checkbox
              mt="sm"
              label={t('region.overview.makeOngoing')}
              {...form.register('ongoing')}
            />
          </>
        )}
        <Controller
          control={form.control}
          name="capacity"
          render={({ field }) => (
            <NumberInput
              label={t('region.overview.newCapacity')}
              min={project.capacity}
              max={1000}
              // Not clamped silently: a smaller number is explained, not replaced.
              clampBehavior="none"
              allowDecimal={false}
              suffix={` ${t('region.form.people', { count: Number(field.value) || 0 })}`}
              value={field.value}
              onChange={(value) => field.onChange(value === '' ? '' : Number(value))}
              onBlur={field.onBlur}
              error={errors.capacity?.message}
            />
          )}
        />
        <FormError message={formError} />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('region.overview.extend')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CloseForm({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [, close] = useMutation(CloseProjectMutation);
  const tooLong = t('profile.errors.tooLong', { max: '4,000' });
  const schema = z.object({ reason: z.string().max(4000, tooLong) });
  const { form, formError, submitting, onSubmit } = useMutationForm<
    { reason: string },
    { error?: CombinedError }
  >(
    schema,
    { reason: '' },
    (values) => close({ id: projectId, reason: values.reason.trim() || null }),
    () => onDone(),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Textarea
          label={t('region.overview.closeReason')}
          autosize
          minRows={3}
          error={form.formState.errors.reason?.message}
          {...form.register('reason')}
        />
        <FormError message={formError} />
        <Group>
          <Button type="submit" color="red.9" loading={submitting}>
            {t('region.overview.closeConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Facts({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const list = (items: string[]) => items.join(language === 'ja' ? '・' : ', ');
  const languageNames = new Intl.DisplayNames([language], { type: 'language' });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="facts">
      <Title order={3} size="h4" id="facts" mb="xs">
        {t('region.overview.facts')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
        <Fact label={t('project.theme')}>{localName(project.theme, language)}</Fact>
        <Fact label={t('project.mode')}>{t(`mode.${project.mode}`)}</Fact>
        <Fact label={t('project.period')}>
          {formatPeriod(project.startDate, project.endDate, language)}
        </Fact>
        <Fact label={t('project.hours')}>
          {project.hoursPerWeek
            ? t('projects.hoursPerWeek', { hours: project.hoursPerWeek })
            : t('projects.hoursUnknown')}
        </Fact>
        <Fact label={t('project.place')}>{placeName(project.place, language)}</Fact>
        {project.seasonMonths.length > 0 && (
          <Fact label={t('project.season')}>
            {list(project.seasonMonths.map((m) => formatMonth(m, language)))}
          </Fact>
        )}
        <Fact label={t('region.overview.teamSize')}>
          {t('project.people', { count: project.teamSize })}
        </Fact>
        <Fact label={t('project.capacity')}>
          {t('project.people', { count: project.capacity })}
        </Fact>
        <Fact label={t('project.eligible')}>
          {project.eligibleKinds.length
            ? list(project.eligibleKinds.map((k) => t(`kind.${k}`)))
            : t('project.everyone')}
        </Fact>
        <Fact label={t('region.overview.languages')}>
          {project.languages.length
            ? list(project.languages.map((code) => languageNames.of(code) ?? code))
            : t('region.overview.languagesNone')}
        </Fact>
        {project.program && <Fact label={t('project.program')}>{project.program.name}</Fact>}
      </SimpleGrid>
      <Title order={4} size="h5" mt="md" mb={4}>
        {t('project.skills')}
      </Title>
      {project.requiredSkills.length === 0 ? (
        <Text size="sm">{t('project.noSkills')}</Text>
      ) : (
        <List spacing={4} size="sm">
          {project.requiredSkills.map((s) => (
            <List.Item key={s.skillId}>
              {localName(s, language)}{' '}
              <Badge size="sm" variant={s.requirement === 'MUST' ? 'filled' : 'outline'}>
                {t(s.requirement === 'MUST' ? 'project.must' : 'project.nice')}
              </Badge>{' '}
              <Text span size="sm" c="gray.7">
                {t('project.level', { level: s.minLevel })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Title order={4} size="h5" mt="md" mb={4}>
        {t('project.description')}
      </Title>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {project.description}
      </Text>
      <Title order={4} size="h5" mt="md" mb={4}>
        {t('region.overview.attachments')}
      </Title>
      {project.attachments.length === 0 ? (
        <Text size="sm">{t('region.overview.noAttachments')}</Text>
      ) : (
        <List size="sm">
          {project.attachments.map((a) => (
            <List.Item key={a.url}>
              <Anchor href={a.url} target="_blank" rel="noopener noreferrer">
                {a.title}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="gray.7">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

// The audit trail as sentences, newest first: who did what, the comment, what changed.
function History({ entries }: { entries: readonly HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const newestFirst = [...entries].reverse();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history">
      <Title order={3} size="h4" id="history" mb="sm">
        {t('region.overview.history')}
      </Title>
      {newestFirst.length === 0 ? (
        <Text size="sm">{t('region.overview.historyEmpty')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={0}>
          {newestFirst.map((entry) => {
            const fields = entry.changedFields
              .map((f) => t(`region.overview.fields.${f}`, { defaultValue: '' }))
              .filter(Boolean);
            return (
              <Timeline.Item
                key={entry.id}
                title={t(`region.overview.action.${entry.action}`, {
                  who: entry.actorName ?? t('region.overview.someone'),
                })}
              >
                <Text size="xs" c="gray.7">
                  {formatDateTime(entry.createdAt, language)}
                </Text>
                {entry.comment && (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                    {language === 'ja' ? `「${entry.comment}」` : `“${entry.comment}”`}
                  </Text>
                )}
                {entry.action !== 'PAUSED' && entry.action !== 'UNPAUSED' && fields.length > 0 && (
                  <Text size="xs" c="gray.7" mt={2}>
                    {t('region.overview.changed', {
                      fields: fields.join(language === 'ja' ? '、' : ', '),
                    })}
                  </Text>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Paper>
  );
}
