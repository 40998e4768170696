import '@mantine/dates/styles.css';
import {
  Anchor,
  Button,
  Checkbox,
  Chip,
  CloseButton,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useRef } from 'react';
import { Controller, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useMutationForm } from '../graphql/use-mutation-form';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { formErrorsOf } from '../graphql/form-errors';
import type { RegionProjectFieldsFragment } from '../gql/graphql';
import { isDay } from '../i18n/day';
import { FormDayField } from '../i18n/FormDayField';
import { formatMonth } from '../i18n/format';
import { localName } from '../i18n/local-name';
import { LANGUAGES } from '../profile/profile-form';
import { SkillPicker } from '../profile/SkillPicker';
import { ThemesQuery } from '../projects/project-documents';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import {
  emptyProject,
  MODES,
  MONTHS,
  PARTICIPANT_KINDS,
  PROJECT_LIMITS,
  projectFormValuesOf,
  projectInputOf,
  projectSchema,
  type ProjectFormValues,
  type ProjectSkill,
} from './project-form';
import {
  CreateProjectMutation,
  RegionPlaceQuery,
  RegionProgramsQuery,
  RegionProjectQuery,
  SubmitProjectMutation,
  UpdateProjectMutation,
} from './region-documents';
import { FormError } from '../app/FormError';

// /manage/:orgId/projects/new
export function NewProjectPage() {
  const { organization } = useWorkspace();
  const [{ data, error }, refetch] = useQuery({
    query: RegionPlaceQuery,
    variables: { id: organization.id },
  });
  if (error && !data) return <ErrorState error={error} onRetry={() => refetch()} />;
  if (!data) return <LoadingState />;
  return <ProjectForm place={data.organization.municipality ?? null} />;
}

// /manage/:orgId/projects/:projectId/edit: drafts only (the API's rule).
export function EditProjectPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const [{ data, error }, refetch] = useQuery({
    query: RegionProjectQuery,
    variables: { id: projectId },
  });
  if (error && !data) {
    const missing = error.graphQLErrors.some((e) =>
      ['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT'].includes(String(e.extensions?.code)),
    );
    if (missing) return <EmptyState title={t('region.overview.notFound')} />;
    return <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  }
  if (!data) return <LoadingState />;
  if (data.project.status !== 'DRAFT') return <EmptyState title={t('region.form.notDraft')} />;
  return <ProjectForm project={data.project} place={data.project.place.municipality} />;
}

interface Place {
  name: string;
  nameEn: string;
}

function ProjectForm({
  project,
  place,
}: {
  project?: RegionProjectFieldsFragment;
  place: Place | null;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const navigate = useNavigate();
  const { organization } = useWorkspace();
  const base = `/manage/${organization.id}/projects`;
  const [{ data: themes }] = useQuery({ query: ThemesQuery });
  const [, create] = useMutation(CreateProjectMutation);
  const [, update] = useMutation(UpdateProjectMutation);
  const [, submit] = useMutation(SubmitProjectMutation);
  // Which of the two buttons sent the form.
  const andSubmit = useRef(false);
  const languageNames = useMemo(
    () => new Intl.DisplayNames([language], { type: 'language' }),
    [language],
  );

  const { form, formError, submitting, onSubmit } = useMutationForm<
    ProjectFormValues,
    { error?: import('@urql/core').CombinedError; id?: string }
  >(
    projectSchema(t, language),
    project ? projectFormValuesOf(project) : emptyProject(),
    async (values) => {
      const input = projectInputOf(values);
      if (project) {
        const result = await update({ input: { projectId: project.id, changes: input } });
        return { error: result.error, id: result.data?.updateProject.id };
      }
      const result = await create({
        input: {
          ...input,
          regionOrganizationId: organization.id,
        },
      });
      return { error: result.error, id: result.data?.createProject.id };
    },
    async (_values, outcome) => {
      const id = outcome.id!;
      let flash = t('region.form.saved');
      let problem: string | undefined;
      if (andSubmit.current) {
        const result = await submit({ id });
        // Saved but not sent: the overview says what stands in the way.
        if (result.error) problem = formErrorsOf(result.error, [], t).form;
        else flash = t('region.overview.submitted');
      }
      void navigate(`${base}/${id}`, { state: { flash, problem } });
    },
  );
  const errors = form.formState.errors;
  const attachments = useFieldArray({ control: form.control, name: 'attachments' });
  const ongoing = form.watch('ongoing');
  const startDate = form.watch('startDate');
  const send = (submitAfter: boolean) => () => {
    andSubmit.current = submitAfter;
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack maw={760}>
        <Anchor component={Link} to={project ? `${base}/${project.id}` : base} size="sm">
          ← {t('region.overview.back')}
        </Anchor>
        <Title order={2}>{t(project ? 'region.form.editTitle' : 'region.form.newTitle')}</Title>
        <Text size="sm">{t('region.form.intro')}</Text>

        <Fieldset legend={t('region.form.sections.basics')}>
          <Stack>
            <TextInput
              label={t('region.form.title')}
              description={t('region.form.titleHint')}
              withAsterisk
              error={errors.title?.message}
              {...form.register('title')}
            />
            <Textarea
              label={t('region.form.description')}
              description={t('region.form.descriptionHint')}
              withAsterisk
              autosize
              minRows={5}
              error={errors.description?.message}
              {...form.register('description')}
            />
            <NativeSelect
              label={t('region.form.theme')}
              withAsterisk
              data={[
                { value: '', label: t('region.form.themePlaceholder'), disabled: true },
                ...(themes?.themes ?? []).map((theme) => ({
                  value: theme.code,
                  label: localName(theme, language),
                })),
              ]}
              error={errors.themeCode?.message}
              {...form.register('themeCode')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('region.form.sections.skills')}>
          <Stack gap="xs">
            <Text size="sm" c="gray.7">
              {t('region.form.skillsHint')}
            </Text>
            <Controller
              control={form.control}
              name="requiredSkills"
              render={({ field }) => (
                <SkillPicker<ProjectSkill>
                  value={field.value}
                  onChange={field.onChange}
                  max={PROJECT_LIMITS.skills}
                  error={errors.requiredSkills?.message}
                  create={(skill) => ({ ...skill, requirement: 'MUST' })}
                  extra={(skill, change) => (
                    <SegmentedControl
                      size="xs"
                      aria-label={t('region.form.requirement', {
                        name: localName(skill, language),
                      })}
                      value={skill.requirement}
                      onChange={(requirement) =>
                        change({
                          ...skill,
                          requirement,
                        })
                      }
                      data={[
                        { value: 'MUST', label: t('region.form.must') },
                        { value: 'NICE', label: t('region.form.nice') },
                      ]}
                    />
                  )}
                />
              )}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('region.form.sections.when')}>
          <Stack>
            <Controller
              control={form.control}
              name="mode"
              render={({ field }) => (
                <Radio.Group
                  label={t('region.form.mode')}
                  withAsterisk
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.mode?.message}
                >
                  <Group mt="xs">
                    {MODES.map((mode) => (
                      <Radio key={mode} value={mode} label={t(`mode.${mode}`)} />
                    ))}
                  </Group>
                </Radio.Group>
              )}
            />
            <div>
              <Text size="sm" fw={500}>
                {t('region.form.place')}
              </Text>
              <Text>{place ? localName(place, language) : '—'}</Text>
              <Text size="xs" c="gray.7">
                {t('region.form.placeHint')}
              </Text>
            </div>
            {/* Two columns of the same width: a long complaint under one does not push the other
                onto its own line. */}
            <SimpleGrid cols={{ base: 1, xs: 2 }} maw={560}>
              <FormDayField
                control={form.control}
                name="startDate"
                label={t('region.form.startDate')}
                required
                hideOutsideDates
              />
              {!ongoing && (
                <FormDayField
                  control={form.control}
                  name="endDate"
                  label={t('region.form.endDate')}
                  required
                  hideOutsideDates
                  // The calendar opens on the start's month, the first it takes.
                  defaultDate={isDay(startDate) ? startDate : undefined}
                  min={startDate}
                />
              )}
            </SimpleGrid>
            <Checkbox label={t('region.form.ongoing')} {...form.register('ongoing')} />
            <Controller
              control={form.control}
              name="seasonMonths"
              render={({ field }) => (
                <Stack gap={4} role="group" aria-labelledby="season-label">
                  <Text size="sm" fw={500} id="season-label">
                    {t('region.form.seasonMonths')}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {t('region.form.seasonHint')}
                  </Text>
                  <Chip.Group
                    multiple
                    value={field.value.map(String)}
                    onChange={(months) => field.onChange(months.map(Number))}
                  >
                    <Group gap={6}>
                      {MONTHS.map((month) => (
                        <Chip key={month} value={String(month)} size="sm">
                          {formatMonth(month, language)}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                  {errors.seasonMonths?.message && (
                    <Text size="sm" c="red.8">
                      {errors.seasonMonths.message}
                    </Text>
                  )}
                </Stack>
              )}
            />
            <Controller
              control={form.control}
              name="hoursPerWeek"
              render={({ field }) => (
                <NumberInput
                  label={t('region.form.hoursPerWeek')}
                  description={t('region.form.hoursHint')}
                  min={PROJECT_LIMITS.hoursPerWeek[0]}
                  max={PROJECT_LIMITS.hoursPerWeek[1]}
                  allowDecimal={false}
                  suffix={` ${t('region.form.hours')}`}
                  maw={240}
                  value={field.value}
                  onChange={(value) => field.onChange(value === '' ? '' : Number(value))}
                  onBlur={field.onBlur}
                  error={errors.hoursPerWeek?.message}
                />
              )}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('region.form.sections.who')}>
          <Stack>
            <Group align="flex-start" wrap="wrap">
              {(['teamSize', 'capacity'] as const).map((name) => (
                <Controller
                  key={name}
                  control={form.control}
                  name={name}
                  render={({ field }) => (
                    <NumberInput
                      label={t(`region.form.${name}`)}
                      description={t(`region.form.${name}Hint`)}
                      withAsterisk
                      min={PROJECT_LIMITS[name][0]}
                      max={PROJECT_LIMITS[name][1]}
                      allowDecimal={false}
                      // "1 person", "2 people" (Japanese has one form: 人).
                      suffix={` ${t('region.form.people', { count: Number(field.value) || 0 })}`}
                      w={240}
                      value={field.value}
                      onChange={(value) => field.onChange(value === '' ? '' : Number(value))}
                      onBlur={field.onBlur}
                      error={errors[name]?.message}
                    />
                  )}
                />
              ))}
            </Group>
            <Controller
              control={form.control}
              name="eligibleKinds"
              render={({ field }) => (
                <Checkbox.Group
                  label={t('region.form.eligibleKinds')}
                  description={t('region.form.eligibleHint')}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.eligibleKinds?.message}
                >
                  <Group mt="xs">
                    {PARTICIPANT_KINDS.map((kind) => (
                      <Checkbox key={kind} value={kind} label={t(`kind.${kind}`)} />
                    ))}
                  </Group>
                </Checkbox.Group>
              )}
            />
            <Controller
              control={form.control}
              name="languages"
              render={({ field }) => (
                <MultiSelect
                  label={t('region.form.languages')}
                  data={LANGUAGES.map((code) => ({
                    value: code,
                    label: languageNames.of(code) ?? code,
                  }))}
                  value={field.value}
                  onChange={field.onChange}
                  maxValues={PROJECT_LIMITS.languages}
                  error={errors.languages?.message}
                />
              )}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('region.form.sections.program')}>
          <Controller
            control={form.control}
            name="programId"
            render={({ field }) => (
              <ProgramField
                current={project?.program ?? null}
                value={field.value}
                onChange={field.onChange}
                error={errors.programId ? t('region.form.programRefused') : undefined}
              />
            )}
          />
        </Fieldset>

        <Fieldset legend={t('region.form.sections.links')}>
          <Stack>
            {attachments.fields.map((attachment, index) => (
              <Group key={attachment.id} align="flex-start" gap="xs" wrap="wrap">
                <TextInput
                  label={t('region.form.attachmentTitle')}
                  miw={200}
                  style={{ flex: 1 }}
                  error={errors.attachments?.[index]?.title?.message}
                  {...form.register(`attachments.${index}.title`)}
                />
                <TextInput
                  label={t('region.form.attachmentUrl')}
                  type="url"
                  placeholder="https://"
                  miw={240}
                  style={{ flex: 2 }}
                  error={errors.attachments?.[index]?.url?.message}
                  {...form.register(`attachments.${index}.url`)}
                />
                <CloseButton
                  mt={{ base: 0, xs: 28 }}
                  aria-label={t('region.form.removeAttachment', { n: index + 1 })}
                  onClick={() => attachments.remove(index)}
                />
              </Group>
            ))}
            {(errors.attachments?.message ?? errors.attachments?.root?.message) && (
              <Text size="sm" c="red.8">
                {errors.attachments?.message ?? errors.attachments?.root?.message}
              </Text>
            )}
            <Group>
              <Button
                variant="default"
                size="xs"
                disabled={attachments.fields.length >= PROJECT_LIMITS.attachments}
                onClick={() => attachments.append({ title: '', url: '' })}
              >
                {t('region.form.addAttachment')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <FormError message={formError} />
        <Group>
          <Button type="submit" variant="default" loading={submitting} onClick={send(false)}>
            {t('region.form.saveDraft')}
          </Button>
          <Button type="submit" loading={submitting} onClick={send(true)}>
            {t('region.form.saveAndSubmit')}
          </Button>
          <Button variant="subtle" component={Link} to={project ? `${base}/${project.id}` : base}>
            {t('region.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// The programs of the intermediaries covering the region, by intermediary; the project's own
// stays listed even if its intermediary no longer covers the place, so an edit does not drop it.
// Whatever the API refuses shows in the form's words (`error`).
function ProgramField({
  current,
  value,
  onChange,
  error,
}: {
  current: { id: string; name: string } | null;
  value: string;
  onChange: (programId: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const [{ data, error: loadError }] = useQuery({
    query: RegionProgramsQuery,
    variables: { id: organization.id },
  });
  const hubs = data?.organization.coveringIntermediaries ?? [];
  const offered = hubs.flatMap((hub) => hub.programs);
  const missing = current && !offered.some((p) => p.id === current.id) ? [current] : [];
  const chosen = offered.find((p) => p.id === value);
  return (
    <Stack gap="xs">
      <Text size="sm">{t('region.form.programIntro')}</Text>
      {loadError && !data && (
        <Text size="sm" c="red.8">
          {t('region.form.programsUnavailable')}
        </Text>
      )}
      {data && offered.length === 0 && missing.length === 0 && (
        <Text size="sm" c="gray.7">
          {t('region.form.noPrograms')}
        </Text>
      )}
      <NativeSelect
        label={t('region.form.program')}
        disabled={!data && !current}
        data={[
          { value: '', label: t('region.form.noProgram') },
          ...missing.map((p) => ({ value: p.id, label: p.name })),
          ...hubs
            .filter((hub) => hub.programs.length > 0)
            .map((hub) => ({
              group: hub.name,
              items: hub.programs.map((p) => ({ value: p.id, label: p.name })),
            })),
        ]}
        error={error}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {chosen?.description && (
        <Text size="sm" c="gray.7" style={{ whiteSpace: 'pre-line' }}>
          {chosen.description}
        </Text>
      )}
    </Stack>
  );
}
