import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type { ReviewProjectQuery as ReviewProjectData } from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { formatDateTime } from '../i18n/format';
import { ProjectQuery } from '../projects/project-documents';
import { ProjectDetails } from '../projects/ProjectPage';
import { useAccountTimeZone } from '../settings/use-account-time-zone';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import {
  CommentOnProjectMutation,
  PublishProjectMutation,
  RequestProjectChangesMutation,
  ReviewProjectQuery,
} from './review-documents';
import type { ReviewOutcome } from './ReviewQueuePage';
import { FormError } from '../app/FormError';

type Review = ReviewProjectData;

// /manage/:orgId/review/:projectId: the project as participants will see it, its review history,
// and the decision: publish, send back with a comment, or only comment.
export function ReviewProjectPage() {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const { projectId = '' } = useParams();
  const [review, reexecuteReview] = useQuery({
    query: ReviewProjectQuery,
    variables: { projectId },
    requestPolicy: 'cache-and-network',
  });
  const [details, reexecuteDetails] = useQuery({
    query: ProjectQuery,
    variables: { id: projectId },
  });
  const error = review.error ?? details.error;
  let content;
  if (error && !(review.data && details.data)) {
    const notFound = error.graphQLErrors.some((e) =>
      ['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN'].includes(String(e.extensions?.code)),
    );
    content = notFound ? (
      <EmptyState title={t('review.notFound')} />
    ) : (
      <ErrorState
        error={error}
        onRetry={() => {
          reexecuteReview({ requestPolicy: 'network-only' });
          reexecuteDetails({ requestPolicy: 'network-only' });
        }}
      />
    );
  } else if (!review.data || !details.data) content = <LoadingState />;
  else
    content = (
      <Stack gap="xl">
        <Decision review={review.data} />
        <History review={review.data} />
        <Paper withBorder p="md" component="section" aria-label={t('review.preview')}>
          <Text size="sm" c="gray.7" mb="sm">
            {t('review.preview')}
          </Text>
          <ProjectDetails project={details.data.project} preview />
        </Paper>
      </Stack>
    );
  return (
    <Stack>
      <Anchor component={Link} to={`/manage/${organization.id}/review`} size="sm">
        ← {t('review.back')}
      </Anchor>
      {content}
    </Stack>
  );
}

type Act = 'publish' | 'requestChanges' | 'comment';

function Decision({ review }: { review: Review }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { organization } = useWorkspace();
  const { project } = review;
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [commented, setCommented] = useState(false);
  const [publishing, publish] = useMutation(PublishProjectMutation);
  const [sending, requestChanges] = useMutation(RequestProjectChangesMutation);
  const [commenting, addComment] = useMutation(CommentOnProjectMutation);
  const busy = publishing.fetching || sending.fetching || commenting.fetching;
  const inReview = project.status === 'IN_REVIEW';

  async function act(what: Act) {
    const text = comment.trim();
    setFieldError(undefined);
    setFormError(undefined);
    setCommented(false);
    if (what !== 'publish' && !text) {
      setFieldError(
        t(what === 'requestChanges' ? 'review.commentRequired' : 'review.commentOnlyRequired'),
      );
      return;
    }
    const result =
      what === 'publish'
        ? await publish({ id: project.id, comment: text || null })
        : what === 'requestChanges'
          ? await requestChanges({ id: project.id, comment: text })
          : await addComment({ id: project.id, comment: text });
    if (result.error) {
      const errors = formErrorsOf(result.error, ['comment'] as const, t);
      setFieldError(errors.fields.comment);
      setFormError(errors.form);
      return;
    }
    if (what === 'comment') {
      setComment('');
      setCommented(true);
      return;
    }
    const outcome: ReviewOutcome = {
      done: what === 'publish' ? 'published' : 'sentBack',
      title: project.title,
    };
    await navigate(`/manage/${organization.id}/review`, { state: outcome });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="decision-title">
      <Group gap="xs" mb="xs">
        <Title order={2} size="h3" id="decision-title">
          {t('review.decide')}
        </Title>
        <Badge variant="light">{t(`review.status.${project.status}`)}</Badge>
      </Group>
      {inReview ? (
        <Text size="sm" mb="sm">
          {t('review.decideHint')}
        </Text>
      ) : (
        <Alert color="gray" mb="sm">
          {t('review.notInReview', { status: t(`review.status.${project.status}`) })}
        </Alert>
      )}
      <Stack gap="sm">
        <Textarea
          label={t('review.comment')}
          description={t('review.commentHint')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={fieldError}
          autosize
          minRows={3}
          maxLength={4000}
        />
        <FormError message={formError} />
        {commented && (
          <Alert color="green" role="status">
            {t('review.commented')}
          </Alert>
        )}
        <Group gap="sm">
          {inReview && (
            <Button
              onClick={() => void act('publish')}
              loading={publishing.fetching}
              disabled={busy}
            >
              {t('review.publish')}
            </Button>
          )}
          {(inReview || project.status === 'PUBLISHED') && (
            <Button
              variant="default"
              onClick={() => void act('requestChanges')}
              loading={sending.fetching}
              disabled={busy}
            >
              {t('review.requestChanges')}
            </Button>
          )}
          <Button
            variant="subtle"
            onClick={() => void act('comment')}
            loading={commenting.fetching}
            disabled={busy}
          >
            {t('review.commentOnly')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function History({ review }: { review: Review }) {
  const { t, i18n } = useTranslation();
  const timeZone = useAccountTimeZone();
  const entries = review.projectHistory;
  return (
    <section aria-labelledby="history-title">
      <Title order={2} size="h3" id="history-title" mb="sm">
        {t('review.history')}
      </Title>
      {entries.length === 0 ? (
        <Text>{t('review.noHistory')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={entries.length - 1}>
          {[...entries].reverse().map((entry) => (
            <Timeline.Item key={entry.id} title={t(`review.action.${entry.action}`)}>
              <Text size="sm" c="gray.7">
                {formatDateTime(entry.createdAt, i18n.language, timeZone)} ·{' '}
                {entry.actorName ?? t('review.system')}
              </Text>
              {entry.comment && (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                  {entry.comment}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </section>
  );
}
