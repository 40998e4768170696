import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { isEmailNotVerified } from '../account/account-rules';
import { VerifyEmailFirst } from '../account/EmailVerification';
import { EmptyState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import { RequireSignIn } from '../app/RequireSignIn';
import type {
  ScoutOfferFieldsFragment,
  ScoutOfferResponse,
  ScoutOfferStatus,
} from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { formatDate, formatNumber } from '../i18n/format';
import { ConversationLink } from '../conversations/ConversationPanel';
import { MyScoutOffersQuery, RespondToScoutOfferMutation } from './scout-documents';
import { FormError } from '../app/FormError';

const PAGE_SIZE = 20;
// The API's limit (RespondToScoutOfferInput.note).
const NOTE_MAX = 2000;

const COLOURS: Record<ScoutOfferStatus, string> = {
  PENDING: 'indigo.7',
  ACCEPTED: 'teal.9',
  DECLINED: 'gray.7',
  EXPIRED: 'gray.7',
  WITHDRAWN: 'gray.7',
};

// Offers addressed to the participant, newest first; a pending one is accepted (which applies
// them) or declined, with an optional message.
export function ScoutOffersPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={960} mx="auto">
      <Title order={1}>{t('scouting.title')}</Title>
      <Text>{t('scouting.intro')}</Text>
      <RequireSignIn>
        <ScoutOfferList />
      </RequireSignIn>
    </Stack>
  );
}

function ScoutOfferList() {
  const { t } = useTranslation();
  return (
    <PagedQuery
      query={MyScoutOffersQuery}
      variables={{}}
      pageSize={PAGE_SIZE}
      connection={(data) => data.myScoutOffers}
      empty={<EmptyState title={t('scouting.empty')} hint={t('scouting.emptyHint')} />}
      moreLabel={t('scouting.more')}
      keyOf={(offer) => offer.id}
    >
      {(offer) => <ScoutOfferCard offer={offer} />}
    </PagedQuery>
  );
}

function ScoutOfferCard({ offer }: { offer: ScoutOfferFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const titleId = `scout-offer-${offer.id}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group gap="xs">
          <Badge color={COLOURS[offer.status]}>{t(`scouting.status.${offer.status}`)}</Badge>
        </Group>
        <Anchor component={Link} to={`/projects/${offer.project.id}`} fw={700} fz="lg" c="dark">
          <h2 id={titleId} style={{ font: 'inherit', margin: 0 }}>
            {offer.project.title}
          </h2>
        </Anchor>
        <Text size="sm">
          {t('scouting.from', { organization: offer.senderOrganization.name })}
          {offer.sentByName && ` · ${t('scouting.sentBy', { name: offer.sentByName })}`}
        </Text>
        <Text size="sm" c="gray.7">
          {t('scouting.receivedOn', { date: formatDate(offer.createdAt, language) })}
          {offer.status === 'PENDING' &&
            ` · ${t('scouting.expires', { date: formatDate(offer.expiresAt, language) })}`}
          {offer.respondedAt &&
            ` · ${t('scouting.respondedOn', { date: formatDate(offer.respondedAt, language) })}`}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{offer.message}</Text>
        {offer.responseNote && (
          <Text size="sm" c="gray.7" style={{ whiteSpace: 'pre-wrap' }}>
            {t('app.labelled', { label: t('scouting.yourNote'), value: offer.responseNote })}
          </Text>
        )}
        {offer.status === 'PENDING' && <AnswerForm offerId={offer.id} />}
        <Group>
          <ConversationLink conversation={offer.conversation} />
        </Group>
        {offer.engagementId && (
          <Group>
            <Button component={Link} to={`/engagements/${offer.engagementId}`} variant="light">
              {t('scouting.viewEngagement')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function AnswerForm({ offerId }: { offerId: string }) {
  const { t, i18n } = useTranslation();
  const max = formatNumber(NOTE_MAX, i18n.language);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [answering, setAnswering] = useState<ScoutOfferResponse>();
  const [mustVerify, setMustVerify] = useState(false);
  const [, respond] = useMutation(RespondToScoutOfferMutation);
  const answer = async (response: ScoutOfferResponse) => {
    setNoteError(undefined);
    setFormError(undefined);
    if (note.length > NOTE_MAX) return setNoteError(t('scouting.tooLong', { max }));
    setAnswering(response);
    const result = await respond({
      input: { offerId, response, note: note.trim() || null },
    });
    setAnswering(undefined);
    if (!result.error) return;
    if (isEmailNotVerified(result.error)) return setMustVerify(true);
    const errors = formErrorsOf(result.error, ['note'], t);
    setNoteError(errors.fields.note);
    setFormError(errors.form);
  };
  return (
    <Stack gap="sm">
      {mustVerify && <VerifyEmailFirst />}
      <FormError message={formError} />
      <Textarea
        label={t('scouting.note')}
        description={t('scouting.noteHint', { max })}
        autosize
        minRows={2}
        maxLength={NOTE_MAX}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        error={noteError}
      />
      <Group>
        <Button
          loading={answering === 'ACCEPT'}
          disabled={answering !== undefined}
          onClick={() => void answer('ACCEPT')}
        >
          {t('scouting.accept')}
        </Button>
        <Button
          variant="default"
          loading={answering === 'DECLINE'}
          disabled={answering !== undefined}
          onClick={() => void answer('DECLINE')}
        >
          {t('scouting.decline')}
        </Button>
      </Group>
    </Stack>
  );
}
