import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { ErrorState, LoadingState } from '../app/page-states';
import { useSession } from '../auth/session-context';
import type { CouncilProfileFieldsFragment } from '../gql/graphql';
import { useMutationForm } from '../graphql/use-mutation-form';
import { formatDate } from '../i18n/format';
import { MyOrganizationsQuery } from '../workspace/workspace-documents';
import { ContactCouncilMemberMutation, CouncilMemberQuery } from './council-documents';
import { memberPlace, TagList } from './CouncilMemberCard';

// /council/:orgId: a member's profile, and a contact form for signed-in staff of members.
export function CouncilMemberPage() {
  const { t, i18n } = useTranslation();
  const { orgId = '' } = useParams();
  const [{ data, error }, refetch] = useQuery({
    query: CouncilMemberQuery,
    variables: { organizationId: orgId },
  });
  const back = (
    <Anchor component={Link} to="/council" size="sm">
      ← {t('council.back')}
    </Anchor>
  );
  if (error && !data) {
    const missing = error.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND');
    return (
      <Stack maw={860} mx="auto">
        {back}
        {missing ? (
          <Alert color="gray">{t('council.notFound')}</Alert>
        ) : (
          <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        )}
      </Stack>
    );
  }
  if (!data) return <LoadingState />;
  const member = data.councilMember;
  const english = i18n.language === 'en' && member.introductionEn;
  return (
    <Stack maw={860} mx="auto">
      {back}
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Title order={1} size="h2">
          {member.organization.name}
        </Title>
        <Badge variant="outline" color="gray.8" tt="none" size="lg">
          {t(`council.kinds.${member.organization.kind}`)}
        </Badge>
      </Group>
      <Text c="gray.7">
        {[
          memberPlace(member, i18n.language) ?? t('council.noPlace'),
          t('council.memberSince', { date: formatDate(member.memberSince, i18n.language) }),
        ].join(' · ')}
      </Text>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('council.about')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>
            {english ? member.introductionEn : member.introductionJa}
          </Text>
          {member.website && (
            <Text size="sm">
              {t('council.website')}:{' '}
              <Anchor href={member.website} target="_blank" rel="noopener noreferrer">
                {member.website}
              </Anchor>
            </Text>
          )}
        </Stack>
      </Paper>
      <Offers member={member} />
      <ContactSection member={member} />
    </Stack>
  );
}

function Offers({ member }: { member: CouncilProfileFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <TagList label={t('council.offers')} tags={member.offerTags} />
        {member.offerText && <Text style={{ whiteSpace: 'pre-wrap' }}>{member.offerText}</Text>}
        <TagList label={t('council.seeks')} tags={member.seekTags} />
        {member.seekText && <Text style={{ whiteSpace: 'pre-wrap' }}>{member.seekText}</Text>}
      </Stack>
    </Paper>
  );
}

function ContactSection({ member }: { member: CouncilProfileFieldsFragment }) {
  const { t } = useTranslation();
  const { current } = useSession();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="council-contact">
      <Stack>
        <Title order={2} size="h3" id="council-contact">
          {t('council.contact.title')}
        </Title>
        <Text size="sm">{t('council.contact.intro')}</Text>
        {current ? (
          <ContactForm toOrganizationId={member.organization.id} />
        ) : (
          <Text>
            <Anchor component={Link} to="/sign-in">
              {t('council.contact.signIn')}
            </Anchor>
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

// Written on behalf of one of the writer's organisations; the API says whether it is a member.
function ContactForm({ toOrganizationId }: { toOrganizationId: string }) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: MyOrganizationsQuery });
  if (error && !data) return <ErrorState error={error} />;
  if (!data) return <LoadingState />;
  const mine = (data.me?.memberships ?? [])
    .map((m) => m.organization)
    .filter((o) => o.kind !== 'PLATFORM' && o.id !== toOrganizationId);
  if (mine.length === 0) return <Text>{t('council.contact.noOrganization')}</Text>;
  return <ContactFields organizations={mine} toOrganizationId={toOrganizationId} />;
}

function ContactFields({
  organizations,
  toOrganizationId,
}: {
  organizations: ReadonlyArray<{ id: string; name: string }>;
  toOrganizationId: string;
}) {
  const { t } = useTranslation();
  const [, contact] = useMutation(ContactCouncilMemberMutation);
  const [sent, setSent] = useState(false);
  const schema = z.object({
    fromOrganizationId: z.string().min(1),
    message: z.string().trim().min(1, t('form.required')).max(1000),
  });
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { fromOrganizationId: organizations[0].id, message: '' },
    (values) => {
      setSent(false);
      return contact({ input: { ...values, toOrganizationId } });
    },
    () => {
      setSent(true);
      form.reset({ fromOrganizationId: form.getValues('fromOrganizationId'), message: '' });
    },
    {
      NOT_A_COUNCIL_MEMBER: {
        field: 'fromOrganizationId',
        message: t('council.contact.notMember'),
      },
      TOO_MANY_REQUESTS: { message: t('council.contact.tooMany') },
    },
  );
  const from = form.watch('fromOrganizationId');
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Select
          label={t('council.contact.from')}
          data={organizations.map((o) => ({ value: o.id, label: o.name }))}
          value={from}
          onChange={(v) => v && form.setValue('fromOrganizationId', v)}
          allowDeselect={false}
          error={form.formState.errors.fromOrganizationId?.message}
        />
        <Textarea
          label={t('council.contact.message')}
          autosize
          minRows={4}
          maxLength={1000}
          required
          {...form.register('message')}
          error={form.formState.errors.message?.message}
        />
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {t('council.contact.send')}
          </Button>
          {sent && (
            <Text role="status" c="teal.9">
              {t('council.contact.sent')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
