import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type { CouncilMembershipFieldsFragment, CouncilTag } from '../gql/graphql';
import { useMutationForm } from '../graphql/use-mutation-form';
import { formatDate, formatPercent } from '../i18n/format';
import { localName } from '../i18n/local-name';
import { MunicipalityPicker } from '../profile/MunicipalityPicker';
import { ThemesQuery } from '../projects/project-documents';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import {
  ApplyForCouncilMembershipMutation,
  CouncilPartnerSuggestionsQuery,
  OwnCouncilMembershipQuery,
  UpdateCouncilProfileMutation,
  WithdrawCouncilMembershipMutation,
} from './council-documents';
import { COUNCIL_TAGS } from './council-tags';
import { CouncilMemberCard } from './CouncilMemberCard';
import { FormError } from '../app/FormError';

type Membership = CouncilMembershipFieldsFragment;

// /manage/:orgId/council: the organisation's membership: apply, its status, its profile, and
// (once a member) the partners suggested to it.
export function CouncilWorkspacePage() {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  // A saved profile changes the suggestions: they are asked for again.
  const [profileVersion, setProfileVersion] = useState(0);
  const [{ data, error }, refetch] = useQuery({
    query: OwnCouncilMembershipQuery,
    variables: { organizationId: organization.id },
    requestPolicy: 'cache-and-network',
  });
  let content;
  if (error && !data)
    content = (
      <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  else if (!data) content = <LoadingState />;
  else {
    const membership = data.councilMembership ?? null;
    const open = membership?.status === 'PENDING' || membership?.status === 'APPROVED';
    content = (
      <Stack gap="xl">
        <StatusSection membership={membership} />
        {open ? (
          <ProfileForm membership={membership} onSaved={() => setProfileVersion((v) => v + 1)} />
        ) : (
          <ApplyForm
            organizationId={organization.id}
            previous={membership}
            // A first application makes the membership the page asked for: ask again.
            onApplied={() => refetch({ requestPolicy: 'network-only' })}
          />
        )}
        {membership?.status === 'APPROVED' && (
          <Partners key={profileVersion} organizationId={organization.id} />
        )}
      </Stack>
    );
  }
  return (
    <Stack>
      <Title order={2}>{t('council.workspace.title')}</Title>
      <Text>{t('council.intro')}</Text>
      {content}
    </Stack>
  );
}

function StatusSection({ membership }: { membership: Membership | null }) {
  const { t, i18n } = useTranslation();
  const [{ fetching, error }, withdraw] = useMutation(WithdrawCouncilMembershipMutation);
  const status = membership?.status ?? 'NONE';
  const date = membership
    ? formatDate(
        (membership.status === 'PENDING' ? membership.appliedAt : membership.decidedAt) ??
          membership.appliedAt,
        i18n.language,
      )
    : '';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="council-status">
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={3} id="council-status">
            {t('council.workspace.status')}
          </Title>
          {membership && (
            <Badge
              variant={membership.status === 'APPROVED' ? 'light' : 'outline'}
              color={membership.status === 'APPROVED' ? undefined : 'gray.8'}
              tt="none"
            >
              {t(`council.workspace.statuses.${membership.status}`)}
            </Badge>
          )}
        </Group>
        <Text>{t(`council.workspace.statusHint.${status}`, { date })}</Text>
        {membership?.status === 'REJECTED' && membership.decisionReason && (
          <Alert color="yellow">
            {t('council.workspace.reason', { reason: membership.decisionReason })}
          </Alert>
        )}
        <FormError message={error && (error.graphQLErrors[0]?.message ?? t('errors.generic'))} />
        {membership && (membership.status === 'PENDING' || membership.status === 'APPROVED') && (
          <Group>
            {membership.status === 'APPROVED' && (
              <Anchor component={Link} to={`/council/${membership.organization.id}`}>
                {t('council.workspace.publicPage')}
              </Anchor>
            )}
            <Button
              variant="default"
              loading={fetching}
              onClick={() => void withdraw({ organizationId: membership.organization.id })}
            >
              {membership.status === 'PENDING'
                ? t('council.workspace.withdrawPending')
                : t('council.workspace.withdraw')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function ApplyForm({
  organizationId,
  previous,
  onApplied,
}: {
  organizationId: string;
  previous: Membership | null;
  onApplied: () => void;
}) {
  const { t } = useTranslation();
  const [, apply] = useMutation(ApplyForCouncilMembershipMutation);
  const schema = z.object({
    introductionJa: z.string().trim().min(1, t('form.required')).max(2000),
    introductionEn: z.string().max(2000),
    website: z.string().max(500),
  });
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    {
      introductionJa: previous?.introductionJa ?? '',
      introductionEn: previous?.introductionEn ?? '',
      website: previous?.website ?? '',
    },
    (values) =>
      apply({
        organizationId,
        input: {
          introductionJa: values.introductionJa,
          introductionEn: values.introductionEn || null,
          website: values.website || null,
        },
      }),
    () => onApplied(),
  );
  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} noValidate>
      <Stack>
        <Title order={3}>{t('council.workspace.apply')}</Title>
        <Text size="sm">{t('council.workspace.applyIntro')}</Text>
        <Textarea
          label={t('council.workspace.introductionJa')}
          autosize
          minRows={4}
          maxLength={2000}
          required
          {...form.register('introductionJa')}
          error={form.formState.errors.introductionJa?.message}
        />
        <Textarea
          label={t('council.workspace.introductionEn')}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.register('introductionEn')}
          error={form.formState.errors.introductionEn?.message}
        />
        <TextInput
          label={t('council.workspace.website')}
          type="url"
          maxLength={500}
          {...form.register('website')}
          error={form.formState.errors.website?.message}
        />
        <FormError message={formError} />
        <Button type="submit" loading={submitting} style={{ alignSelf: 'flex-start' }}>
          {t('council.workspace.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}

function ProfileForm({ membership, onSaved }: { membership: Membership; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [, update] = useMutation(UpdateCouncilProfileMutation);
  const [{ data: themes }] = useQuery({ query: ThemesQuery });
  const [saved, setSaved] = useState(false);
  const schema = z.object({
    introductionJa: z.string().trim().min(1, t('form.required')).max(2000),
    introductionEn: z.string().max(2000),
    prefectureCode: z.string().nullable(),
    municipalityCode: z.string().nullable(),
    themeCodes: z.array(z.string()),
    offerTags: z.array(z.string()).max(8),
    offerText: z.string().max(1000),
    seekTags: z.array(z.string()).max(8),
    seekText: z.string().max(1000),
    website: z.string().max(500),
  });
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    {
      introductionJa: membership.introductionJa,
      introductionEn: membership.introductionEn ?? '',
      prefectureCode: membership.prefecture?.code ?? null,
      municipalityCode: membership.municipality?.code ?? null,
      themeCodes: membership.themeCodes,
      offerTags: membership.offerTags,
      offerText: membership.offerText ?? '',
      seekTags: membership.seekTags,
      seekText: membership.seekText ?? '',
      website: membership.website ?? '',
    },
    (values) => {
      setSaved(false);
      return update({
        organizationId: membership.organization.id,
        input: {
          introductionJa: values.introductionJa,
          introductionEn: values.introductionEn || null,
          municipalityCode: values.municipalityCode || null,
          themeCodes: values.themeCodes,
          offerTags: values.offerTags as CouncilTag[],
          offerText: values.offerText || null,
          seekTags: values.seekTags as CouncilTag[],
          seekText: values.seekText || null,
          website: values.website || null,
        },
      });
    },
    () => {
      setSaved(true);
      onSaved();
    },
  );
  const tags = COUNCIL_TAGS.map((tag) => ({ value: tag, label: t(`council.tags.${tag}`) }));
  const errors = form.formState.errors;
  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} noValidate>
      <Stack>
        <Title order={3}>{t('council.workspace.profile')}</Title>
        <Text size="sm">{t('council.workspace.profileIntro')}</Text>
        <Textarea
          label={t('council.workspace.introductionJa')}
          autosize
          minRows={4}
          maxLength={2000}
          required
          {...form.register('introductionJa')}
          error={errors.introductionJa?.message}
        />
        <Textarea
          label={t('council.workspace.introductionEn')}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.register('introductionEn')}
          error={errors.introductionEn?.message}
        />
        <TagsAndDetails
          label={t('council.offers')}
          detailsLabel={t('council.workspace.offerText')}
          options={tags}
          value={form.watch('offerTags')}
          onChange={(v) => form.setValue('offerTags', v)}
          error={errors.offerTags?.message}
          details={form.register('offerText')}
          detailsError={errors.offerText?.message}
        />
        <TagsAndDetails
          label={t('council.seeks')}
          detailsLabel={t('council.workspace.seekText')}
          options={tags}
          value={form.watch('seekTags')}
          onChange={(v) => form.setValue('seekTags', v)}
          error={errors.seekTags?.message}
          details={form.register('seekText')}
          detailsError={errors.seekText?.message}
        />
        <Choices
          label={t('council.workspace.themes')}
          options={(themes?.themes ?? []).map((theme) => ({
            value: theme.code,
            label: localName(theme, i18n.language),
          }))}
          value={form.watch('themeCodes')}
          onChange={(v) => form.setValue('themeCodes', v)}
          error={errors.themeCodes?.message}
        />
        <MunicipalityPicker
          prefectureLabel={t('council.workspace.prefecture')}
          prefectureCode={form.watch('prefectureCode')}
          municipalityCode={form.watch('municipalityCode')}
          onChange={({ prefectureCode, municipalityCode }) => {
            form.setValue('prefectureCode', prefectureCode, { shouldDirty: true });
            form.setValue('municipalityCode', municipalityCode, { shouldDirty: true });
          }}
          error={errors.municipalityCode?.message}
        />
        <TextInput
          label={t('council.workspace.website')}
          type="url"
          maxLength={500}
          {...form.register('website')}
          error={errors.website?.message}
        />
        <FormError message={formError} />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('council.workspace.save')}
          </Button>
          {saved && (
            <Text role="status" c="teal.9">
              {t('council.workspace.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

// A fixed, short list: ticks that work alike by touch, mouse and keyboard, as in the project
// form (a dropdown multi-select is a poor fit on a phone).
function Choices({
  label,
  options,
  value,
  onChange,
  error,
}: {
  label: string;
  options: Array<{ value: string; label: string }>;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}) {
  return (
    <Checkbox.Group label={label} value={value} onChange={onChange} error={error}>
      <Group mt="xs" gap="sm">
        {options.map((option) => (
          <Checkbox key={option.value} value={option.value} label={option.label} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

// What a member offers or seeks: tags to be found by, and its own words beside them.
function TagsAndDetails({
  details,
  detailsLabel,
  detailsError,
  ...tags
}: Parameters<typeof Choices>[0] & {
  details: UseFormRegisterReturn;
  detailsLabel: string;
  detailsError?: string;
}) {
  return (
    <Stack gap="xs">
      <Choices {...tags} />
      <Textarea
        label={detailsLabel}
        autosize
        minRows={2}
        maxLength={1000}
        {...details}
        error={detailsError}
      />
    </Stack>
  );
}

// The reasons worth reading: offers and seeks are said above in words, and a factor that adds
// nothing ("no shared themes") is no reason to suggest a partner.
function reasons<F extends { factor: string; value: number }>(factors: readonly F[]): F[] {
  return factors.filter((f) => f.factor !== 'theyOffer' && f.factor !== 'youOffer' && f.value > 0);
}

function Partners({ organizationId }: { organizationId: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, refetch] = useQuery({
    query: CouncilPartnerSuggestionsQuery,
    variables: { organizationId },
    requestPolicy: 'cache-and-network',
  });
  const names = (tags: readonly string[]) =>
    tags.map((tag) => t(`council.tags.${tag}`)).join(i18n.language === 'ja' ? '、' : ', ');
  let content;
  if (error && !data)
    content = (
      <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  else if (!data) content = <LoadingState />;
  else if (data.councilPartnerSuggestions.length === 0)
    content = (
      <EmptyState
        title={t('council.workspace.partnersEmpty')}
        hint={t('council.workspace.partnersEmptyHint')}
      />
    );
  else
    content = (
      <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
        {data.councilPartnerSuggestions.map((s) => (
          <li key={s.member.organization.id}>
            <CouncilMemberCard member={s.member}>
              <Text fw={600} size="sm">
                {t('council.workspace.match', {
                  percent: formatPercent(s.score, i18n.language),
                })}
              </Text>
              {s.theyOffer.length > 0 && (
                <Text size="sm">
                  {t('council.workspace.theyOffer', { tags: names(s.theyOffer) })}
                </Text>
              )}
              {s.youOffer.length > 0 && (
                <Text size="sm">
                  {t('council.workspace.youOffer', { tags: names(s.youOffer) })}
                </Text>
              )}
              {reasons(s.factors).length > 0 && (
                <>
                  <Text size="sm" fw={600}>
                    {t('council.workspace.why')}
                  </Text>
                  <Stack component="ul" gap={2} m={0} pl="md">
                    {reasons(s.factors).map((f) => (
                      <Text component="li" size="sm" key={f.factor}>
                        {i18n.language === 'en' ? f.reason.en : f.reason.ja}
                      </Text>
                    ))}
                  </Stack>
                </>
              )}
            </CouncilMemberCard>
          </li>
        ))}
      </Stack>
    );
  return (
    <Stack component="section" aria-labelledby="council-partners">
      <Title order={3} id="council-partners">
        {t('council.workspace.partners')}
      </Title>
      <Text size="sm">{t('council.workspace.partnersIntro')}</Text>
      {content}
    </Stack>
  );
}
