import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Chip,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { ErrorState, LoadingState } from '../app/page-states';
import { RequireSignIn } from '../app/RequireSignIn';
import { formErrorsOf } from '../graphql/form-errors';
import { FormDayField } from '../i18n/FormDayField';
import { todayInJapan } from '../i18n/format';
import { localName } from '../i18n/local-name';
import { MunicipalityPicker } from './MunicipalityPicker';
import { CompanyInvitations } from '../company/CompanyInvitations';
import { MyProfileQuery, SaveProfileMutation } from './profile-documents';
import {
  DAYS,
  formValuesOf,
  GOALS,
  KINDS,
  LANGUAGES,
  LIMITS,
  needsGuardian,
  PROFILE_FIELDS,
  profileInputOf,
  profileSchema,
  type ProfileFormValues,
  VISIBILITIES,
} from './profile-form';
import { SkillPicker } from './SkillPicker';
import { FormError } from '../app/FormError';

export function ProfilePage() {
  const { t } = useTranslation();
  return (
    <Stack maw={760} mx="auto">
      <Title order={1}>{t('profile.title')}</Title>
      <RequireSignIn>
        <ProfileEditor />
      </RequireSignIn>
    </Stack>
  );
}

function ProfileEditor() {
  const { t } = useTranslation();
  const [{ data, error }, reload] = useQuery({ query: MyProfileQuery });
  // Once saved, the profile exists even if the cached query still says it does not.
  const [created, setCreated] = useState(false);
  const client = useClient();
  const [accepted, setAccepted] = useState(0);
  if (error && !data) return <ErrorState error={error} onRetry={() => reload()} />;
  // Only the first load shows the loader: a refetch keeps the form, and the edits in it, mounted.
  if (!data) return <LoadingState />;
  const companies = data.me.memberships
    .map((m) => m.organization)
    .filter((organization) => organization.kind === 'COMPANY');
  return (
    <>
      <Text>{t('profile.intro')}</Text>
      <CompanyInvitations
        onAccepted={() =>
          void client
            .query(MyProfileQuery, {}, { requestPolicy: 'network-only' })
            .toPromise()
            .then(() => setAccepted((n) => n + 1))
        }
      />
      {!data.myParticipantProfile && !created && (
        <Alert color="blue" role="status">
          {t('profile.newProfile')}
        </Alert>
      )}
      <ProfileForm
        // Accepting a company's invitation changes the profile under the form: start it afresh.
        key={accepted}
        initial={formValuesOf(data.myParticipantProfile)}
        themes={data.themes}
        companies={companies}
        onSaved={() => setCreated(true)}
      />
    </>
  );
}

function ProfileForm({
  initial,
  themes,
  companies,
  onSaved,
}: {
  initial: ProfileFormValues;
  themes: Array<{ code: string; name: string; nameEn: string }>;
  companies: Array<{ id: string; name: string }>;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const schema = useMemo(() => profileSchema(t, language), [t, language]);
  const form = useForm<ProfileFormValues>({
    resolver: zodResolver(schema),
    defaultValues: initial,
  });
  const periods = useFieldArray({ control: form.control, name: 'periods' });
  const [, save] = useMutation(SaveProfileMutation);
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const { errors, isSubmitting, isDirty } = form.formState;
  const kind = form.watch('kind');
  const dateOfBirth = form.watch('dateOfBirth');
  const languageNames = useMemo(
    () => new Intl.DisplayNames([language], { type: 'language' }),
    [language],
  );

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await save({ input: profileInputOf(values) });
    if (result.error || !result.data) {
      const mapped = result.error
        ? formErrorsOf(result.error, PROFILE_FIELDS, t, {
            GUARDIAN_EMAIL_IS_OWN: {
              field: 'guardianEmail',
              message: t('profile.errors.guardianEmailOwn'),
            },
          })
        : { fields: {}, form: t('errors.generic') };
      for (const [name, message] of Object.entries(mapped.fields)) {
        form.setError(name as keyof ProfileFormValues, { message }, { shouldFocus: true });
      }
      setFormError(mapped.form);
      return;
    }
    form.reset(formValuesOf(result.data.saveMyParticipantProfile));
    setSaved(true);
    onSaved();
  });

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <Stack gap="lg">
        <Fieldset legend={t('profile.sections.about')}>
          <Stack>
            <Controller
              control={form.control}
              name="kind"
              render={({ field }) => (
                <Radio.Group
                  label={t('profile.kind')}
                  required
                  value={field.value}
                  onChange={(value) => field.onChange(value)}
                  error={errors.kind?.message}
                >
                  <Stack gap="xs" mt="xs">
                    {KINDS.map((k) => (
                      <Radio key={k} value={k} label={t(`profile.kinds.${k}`)} />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
            />
            {kind === 'COMPANY_EMPLOYEE' &&
              (companies.length ? (
                <Controller
                  control={form.control}
                  name="companyOrganizationId"
                  render={({ field }) => (
                    <Select
                      label={t('profile.company')}
                      description={t('profile.companyHint')}
                      required
                      data={companies.map((c) => ({ value: c.id, label: c.name }))}
                      value={field.value}
                      onChange={field.onChange}
                      error={errors.companyOrganizationId?.message}
                    />
                  )}
                />
              ) : (
                <Alert color="yellow" role="alert">
                  {t('profile.noCompany')}
                </Alert>
              ))}
            <FormDayField
              control={form.control}
              name="dateOfBirth"
              label={t('profile.dateOfBirth')}
              description={t('profile.dateOfBirthHint')}
              required={kind === 'HIGH_SCHOOL_STUDENT'}
              max={todayInJapan()}
              maw={320}
            />
            {needsGuardian({ kind, dateOfBirth }) && (
              <>
                <TextInput
                  label={t('profile.guardianName')}
                  description={t('profile.guardianNameHint')}
                  required
                  autoComplete="off"
                  error={errors.guardianName?.message}
                  {...form.register('guardianName')}
                />
                <TextInput
                  type="email"
                  label={t('profile.guardianEmail')}
                  description={t('profile.guardianEmailHint')}
                  required
                  autoComplete="off"
                  error={errors.guardianEmail?.message}
                  {...form.register('guardianEmail')}
                />
                {kind === 'HIGH_SCHOOL_STUDENT' && (
                  <Checkbox
                    label={t('profile.guardianConsent')}
                    error={errors.guardianConsent?.message}
                    {...form.register('guardianConsent')}
                  />
                )}
              </>
            )}
            <Textarea
              label={t('profile.bio')}
              description={t('profile.bioHint', { max: LIMITS.bio })}
              autosize
              minRows={3}
              maxRows={10}
              error={errors.bio?.message}
              {...form.register('bio')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('profile.sections.skills')}>
          <Controller
            control={form.control}
            name="skills"
            render={({ field }) => (
              <SkillPicker
                value={field.value}
                onChange={field.onChange}
                max={LIMITS.skills}
                error={errors.skills?.message ?? errors.skills?.root?.message}
              />
            )}
          />
        </Fieldset>

        <Fieldset legend={t('profile.sections.interests')}>
          <Stack>
            <Controller
              control={form.control}
              name="themeCodes"
              render={({ field }) => (
                <Stack gap={6} role="group" aria-labelledby="profile-themes">
                  <Text id="profile-themes" size="sm" fw={500}>
                    {t('profile.themes')}
                  </Text>
                  <Chip.Group multiple value={field.value} onChange={field.onChange}>
                    <Group gap="xs">
                      {themes.map((theme) => (
                        <Chip key={theme.code} value={theme.code}>
                          {localName(theme, language)}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                  {errors.themeCodes?.message && (
                    <Text size="sm" c="red.8">
                      {errors.themeCodes.message}
                    </Text>
                  )}
                </Stack>
              )}
            />
            <Controller
              control={form.control}
              name="goals"
              render={({ field }) => (
                <Checkbox.Group
                  label={t('profile.goals')}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.goals?.message}
                >
                  <Stack gap="xs" mt="xs">
                    {GOALS.map((goal) => (
                      <Checkbox key={goal} value={goal} label={t(`profile.goalNames.${goal}`)} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('profile.sections.availability')}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Controller
                control={form.control}
                name="weeklyHours"
                render={({ field }) => (
                  <NumberInput
                    label={t('profile.weeklyHours')}
                    description={t('profile.weeklyHoursHint')}
                    min={LIMITS.weeklyHours[0]}
                    max={LIMITS.weeklyHours[1]}
                    allowDecimal={false}
                    suffix={` ${t('profile.hoursUnit')}`}
                    value={field.value}
                    onChange={(value) => field.onChange(value === '' ? '' : Number(value))}
                    onBlur={field.onBlur}
                    error={errors.weeklyHours?.message}
                  />
                )}
              />
              <Controller
                control={form.control}
                name="days"
                render={({ field }) => (
                  <Stack gap={4}>
                    <Text id="profile-days" size="sm" fw={500}>
                      {t('profile.days')}
                    </Text>
                    <SegmentedControl
                      aria-labelledby="profile-days"
                      value={field.value}
                      onChange={field.onChange}
                      data={DAYS.map((d) => ({ value: d, label: t(`profile.dayNames.${d}`) }))}
                    />
                  </Stack>
                )}
              />
            </SimpleGrid>
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('profile.periods')}
              </Text>
              <Text size="xs" c="gray.7">
                {t('profile.periodsHint')}
              </Text>
              {periods.fields.map((period, index) => (
                <Group key={period.id} align="flex-start" gap="xs" wrap="wrap">
                  {(['from', 'to'] as const).map((end) => (
                    <FormDayField
                      key={end}
                      control={form.control}
                      name={`periods.${index}.${end}`}
                      label={t(end === 'from' ? 'profile.periodFrom' : 'profile.periodTo')}
                      required={end === 'from'}
                      withHint={false}
                      min={
                        end === 'to' ? form.watch(`periods.${index}.from`) || undefined : undefined
                      }
                      miw={200}
                    />
                  ))}
                  <Button
                    variant="subtle"
                    color="red"
                    mt={{ base: 0, xs: 24 }}
                    onClick={() => periods.remove(index)}
                    aria-label={t('profile.periodRemove', { number: index + 1 })}
                  >
                    ×
                  </Button>
                </Group>
              ))}
              {errors.periods?.message && (
                <Text size="sm" c="red.8">
                  {errors.periods.message}
                </Text>
              )}
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  disabled={periods.fields.length >= LIMITS.periods}
                  onClick={() => periods.append({ from: '', to: '' })}
                >
                  {t('profile.periodAdd')}
                </Button>
              </Group>
            </Stack>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('profile.sections.place')}>
          <Stack>
            <Text size="sm" c="gray.7">
              {t('profile.placeHint')}
            </Text>
            <MunicipalityPicker
              prefectureCode={form.watch('prefectureCode')}
              municipalityCode={form.watch('homeMunicipalityCode')}
              onChange={({ prefectureCode, municipalityCode }) => {
                form.setValue('prefectureCode', prefectureCode, { shouldDirty: true });
                form.setValue('homeMunicipalityCode', municipalityCode, {
                  shouldDirty: true,
                  shouldValidate: form.formState.isSubmitted,
                });
              }}
              error={errors.homeMunicipalityCode?.message}
            />
            <Controller
              control={form.control}
              name="travelRangeKm"
              render={({ field }) => (
                <NumberInput
                  label={t('profile.travelRangeKm')}
                  description={t('profile.travelRangeHint')}
                  min={LIMITS.travelRangeKm[0]}
                  max={LIMITS.travelRangeKm[1]}
                  step={10}
                  allowDecimal={false}
                  thousandSeparator=","
                  suffix={` ${t('profile.km')}`}
                  maw={280}
                  value={field.value}
                  onChange={(value) => field.onChange(value === '' ? '' : Number(value))}
                  onBlur={field.onBlur}
                  error={errors.travelRangeKm?.message}
                />
              )}
            />
            <Switch label={t('profile.remoteOnly')} {...form.register('remoteOnly')} />
            <Controller
              control={form.control}
              name="languages"
              render={({ field }) => (
                <MultiSelect
                  label={t('profile.languages')}
                  data={LANGUAGES.map((code) => ({
                    value: code,
                    label: languageNames.of(code) ?? code,
                  }))}
                  value={field.value}
                  onChange={field.onChange}
                  maxValues={LIMITS.languages}
                  error={errors.languages?.message}
                />
              )}
            />
            <TextInput
              label={t('profile.phone')}
              description={t('profile.phoneHint')}
              type="tel"
              autoComplete="tel"
              maw={280}
              error={errors.phone?.message}
              {...form.register('phone')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('profile.sections.visibility')}>
          <Controller
            control={form.control}
            name="visibility"
            render={({ field }) => (
              <Radio.Group
                label={t('profile.visibility')}
                value={field.value}
                onChange={field.onChange}
                error={errors.visibility?.message}
              >
                <Stack gap="sm" mt="xs">
                  {VISIBILITIES.map((v) => (
                    <Radio
                      key={v}
                      value={v}
                      label={t(`profile.visibilities.${v}.label`)}
                      description={t(`profile.visibilities.${v}.detail`)}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          />
          <Text size="sm" mt="md" c="gray.8">
            {t('profile.visibilityAlways')}
          </Text>
        </Fieldset>

        <FormError message={formError} />
        {/* Saved until the next edit. */}
        {saved && !isDirty && (
          <Alert color="green" role="status">
            {t('profile.saved')}{' '}
            <Anchor component={Link} to="/recommendations">
              {t('profile.toRecommendations')}
            </Anchor>
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
