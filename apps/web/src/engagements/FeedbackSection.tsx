import { Button, Group, Paper, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorState, LoadingState } from '../app/page-states';
import type { EngagementFeedbackQuery, FeedbackSide } from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { FeedbackQuery, GiveFeedbackMutation } from './engagement-documents';
import { FormError } from '../app/FormError';

// The API's limit (GiveEngagementFeedbackInput.comment).
const COMMENT_MAX = 4000;

type Feedback = EngagementFeedbackQuery['engagementFeedback'][number];

// After completion each side rates the other once: the participant (the default) or the region's
// staff (side REGION) see their form, then both feedbacks; others (side null) only read them.
export function FeedbackSection({
  engagementId,
  side = 'PARTICIPANT',
}: {
  engagementId: string;
  side?: FeedbackSide | null;
}) {
  const { t } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({
    query: FeedbackQuery,
    variables: { id: engagementId },
    requestPolicy: 'cache-and-network',
  });
  let body;
  if (error && !data)
    body = (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  else if (!data) body = <LoadingState />;
  else {
    const bySide = (s: FeedbackSide) => data.engagementFeedback.find((f) => f.side === s);
    const mine = side && bySide(side);
    const title = (s: FeedbackSide) =>
      s === side
        ? t('engagements.feedback.yours')
        : t(
            s === 'REGION'
              ? 'engagements.feedback.fromRegion'
              : 'engagements.feedback.fromParticipant',
          );
    // Yours (or your form) first, then the other side's.
    const order: FeedbackSide[] =
      side === 'REGION' ? ['REGION', 'PARTICIPANT'] : ['PARTICIPANT', 'REGION'];
    body = (
      <Stack>
        {side && !mine && (
          <FeedbackForm
            engagementId={engagementId}
            side={side}
            onGiven={() => reexecute({ requestPolicy: 'network-only' })}
          />
        )}
        {order.map((s) => {
          const feedback = bySide(s);
          return feedback && <GivenFeedback key={s} title={title(s)} feedback={feedback} />;
        })}
        {!side && data.engagementFeedback.length === 0 && (
          <Text c="gray.7">{t('engagements.feedback.none')}</Text>
        )}
      </Stack>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feedback-title">
      <Title order={2} size="h4" id="feedback-title" mb="sm">
        {t('engagements.feedback.title')}
      </Title>
      {body}
    </Paper>
  );
}

function GivenFeedback({ title, feedback }: { title: string; feedback: Feedback }) {
  const { t } = useTranslation();
  const label = t('engagements.feedback.stars', { rating: feedback.rating });
  return (
    <Stack gap={4} data-testid={`feedback-${feedback.side}`}>
      <Text fw={700} size="sm">
        {title}
      </Text>
      <Group gap="xs">
        <Rating value={feedback.rating} readOnly aria-hidden />
        <Text size="sm">{label}</Text>
      </Group>
      {feedback.comment && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {feedback.comment}
        </Text>
      )}
    </Stack>
  );
}

function FeedbackForm({
  engagementId,
  side,
  onGiven,
}: {
  engagementId: string;
  side: FeedbackSide;
  onGiven: () => void;
}) {
  const { t } = useTranslation();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [ratingError, setRatingError] = useState<string>();
  const [commentError, setCommentError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [{ fetching }, give] = useMutation(GiveFeedbackMutation);
  const submit = async () => {
    setRatingError(undefined);
    setCommentError(undefined);
    setFormError(undefined);
    if (rating < 1) return setRatingError(t('engagements.feedback.pickRating'));
    const result = await give({
      input: { engagementId, rating, comment: comment.trim() || null },
    });
    if (!result.error) return onGiven();
    const errors = formErrorsOf(result.error, ['rating', 'comment'], t);
    setRatingError(errors.fields.rating);
    setCommentError(errors.fields.comment);
    setFormError(errors.form);
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          {t(side === 'REGION' ? 'engagements.feedback.introRegion' : 'engagements.feedback.intro')}
        </Text>
        <FormError message={formError} />
        <Stack gap={4} role="group" aria-labelledby="feedback-rating">
          <Text size="sm" fw={500} id="feedback-rating">
            {t('engagements.feedback.rating')}
          </Text>
          <Rating
            value={rating}
            onChange={setRating}
            getSymbolLabel={(value) => t('engagements.feedback.stars', { rating: value })}
          />
          {ratingError && (
            <Text size="sm" c="red.9" role="alert">
              {ratingError}
            </Text>
          )}
        </Stack>
        <Textarea
          label={t('engagements.feedback.comment')}
          autosize
          minRows={3}
          maxLength={COMMENT_MAX}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          error={commentError}
        />
        <Group>
          <Button type="submit" loading={fetching}>
            {t('engagements.feedback.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
