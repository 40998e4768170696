import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type { AdminSkillFieldsFragment, AdminSkillsQuery as SkillsData } from '../gql/graphql';
import { useMutationForm } from '../graphql/use-mutation-form';
import { formatList } from '../i18n/format';
import {
  AddSkillAliasesMutation,
  AdminSkillsQuery,
  CreateSkillMutation,
  UpdateSkillMutation,
} from './admin-documents';
import { FormError } from '../app/FormError';

type Category = SkillsData['skillCategories'][number];

// Aliases typed as one line: 、 and commas (full or half width) separate them.
export function splitAliases(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，]/)
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  ];
}

// /manage/:orgId/admin/skills: the taxonomy by category, searchable in either language; add a
// skill, rename one, give it aliases.
export function SkillsPage() {
  const { t, i18n } = useTranslation();
  const [categoryCode, setCategoryCode] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 300);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AdminSkillsQuery,
    variables: { categoryCode, query: query || null },
  });
  const categories = data?.skillCategories ?? [];
  const categoryName = (c: Category) => (i18n.language === 'en' ? c.nameEn : c.name);
  const categoryOptions = categories.map((c) => ({ value: c.code, label: categoryName(c) }));
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <Stack>
      <Title order={2}>{t('admin.skills.title')}</Title>
      <Text>{t('admin.skills.intro')}</Text>
      {data && <CreateSkillForm categories={categoryOptions} onCreated={refresh} />}
      <Group align="end" grow preventGrowOverflow={false} wrap="wrap">
        <Select
          label={t('admin.skills.category')}
          placeholder={t('admin.skills.allCategories')}
          clearable
          data={categoryOptions}
          value={categoryCode}
          onChange={setCategoryCode}
          miw={200}
        />
        <TextInput
          label={t('admin.skills.search')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          miw={200}
        />
      </Group>
      {!data && fetching ? (
        <LoadingState />
      ) : !data ? (
        <ErrorState error={error!} onRetry={() => reexecute()} />
      ) : data.skills.length === 0 ? (
        <EmptyState title={t('admin.skills.none')} hint={t('admin.skills.noneHint')} />
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {data.skills.map((skill) => (
            <li key={skill.id}>
              <SkillCard
                skill={skill}
                category={categories.find((c) => c.code === skill.category.code)}
                onChanged={refresh}
              />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function SkillCard({
  skill,
  category,
  onChanged,
}: {
  skill: AdminSkillFieldsFragment;
  category: Category | undefined;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const own = new Set([skill.name, skill.nameEn]);
  const aliases = skill.aliases.filter((a) => !own.has(a));
  const editorId = `skill-editor-${skill.id}`;
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0}>
          <Text fw={700}>
            {skill.name}
            <Text span c="gray.7" fw={400}>
              {' '}
              / {skill.nameEn}
            </Text>
          </Text>
          {category && (
            <Text size="sm" c="gray.7">
              {i18n.language === 'en' ? category.nameEn : category.name}
            </Text>
          )}
          {aliases.length > 0 && (
            <Text size="sm">
              {t('admin.skills.aliases', { aliases: formatList(aliases, i18n.language) })}
            </Text>
          )}
        </Stack>
        <Button
          variant="subtle"
          size="compact-sm"
          aria-expanded={editing}
          aria-controls={editorId}
          onClick={() => setEditing((e) => !e)}
        >
          {editing ? t('admin.skills.close') : t('admin.skills.edit')}
        </Button>
      </Group>
      <div id={editorId}>{editing && <SkillEditor skill={skill} onChanged={onChanged} />}</div>
    </Card>
  );
}

function SkillEditor({
  skill,
  onChanged,
}: {
  skill: AdminSkillFieldsFragment;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [, update] = useMutation(UpdateSkillMutation);
  const [, addAliases] = useMutation(AddSkillAliasesMutation);
  const [done, setDone] = useState<string>();
  const renameSchema = useMemo(
    () =>
      z.object({
        nameJa: z.string().trim().min(1, t('form.required')).max(100),
        nameEn: z.string().trim().min(1, t('form.required')).max(100),
      }),
    [t],
  );
  const rename = useMutationForm<
    { nameJa: string; nameEn: string },
    Awaited<ReturnType<typeof update>>
  >(
    renameSchema,
    { nameJa: skill.name, nameEn: skill.nameEn },
    (values) => {
      setDone(undefined);
      return update({ input: { id: skill.id, ...values } });
    },
    () => {
      setDone(t('admin.skills.renamed'));
      onChanged();
    },
  );
  const aliasSchema = useMemo(
    () =>
      z.object({
        aliases: z.string().refine((text) => splitAliases(text).length > 0, t('form.required')),
      }),
    [t],
  );
  const alias = useMutationForm<{ aliases: string }, Awaited<ReturnType<typeof addAliases>>>(
    aliasSchema,
    { aliases: '' },
    ({ aliases }) => {
      setDone(undefined);
      return addAliases({ input: { skillId: skill.id, aliases: splitAliases(aliases) } });
    },
    () => {
      alias.form.reset();
      setDone(t('admin.skills.aliasesAdded'));
      onChanged();
    },
  );
  return (
    <Stack gap="sm" mt="sm">
      <Title order={3} size="h5">
        {t('admin.skills.editTitle', { name: skill.name })}
      </Title>
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
      <form noValidate onSubmit={rename.onSubmit}>
        <Stack gap="xs">
          <FormError message={rename.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('admin.skills.nameJa')}
              required
              error={rename.form.formState.errors.nameJa?.message}
              {...rename.form.register('nameJa')}
            />
            <TextInput
              label={t('admin.skills.nameEn')}
              required
              error={rename.form.formState.errors.nameEn?.message}
              {...rename.form.register('nameEn')}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" variant="default" loading={rename.submitting}>
              {t('admin.skills.rename')}
            </Button>
          </Group>
        </Stack>
      </form>
      <form noValidate onSubmit={alias.onSubmit}>
        <Stack gap="xs">
          <FormError message={alias.formError} />
          <TextInput
            label={t('admin.skills.newAliases')}
            description={t('admin.skills.aliasListHint')}
            error={alias.form.formState.errors.aliases?.message}
            {...alias.form.register('aliases')}
          />
          <Group>
            <Button type="submit" variant="default" loading={alias.submitting}>
              {t('admin.skills.addAliases')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

interface CreateValues {
  categoryCode: string;
  nameJa: string;
  nameEn: string;
  code: string;
  aliases: string;
}

function CreateSkillForm({
  categories,
  onCreated,
}: {
  categories: { value: string; label: string }[];
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const [, create] = useMutation(CreateSkillMutation);
  const [created, setCreated] = useState<string>();
  const schema = useMemo(
    () =>
      z.object({
        categoryCode: z.string().min(1, t('form.required')),
        nameJa: z.string().trim().min(1, t('form.required')).max(100),
        nameEn: z.string().trim().min(1, t('form.required')).max(100),
        code: z
          .string()
          .trim()
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, t('admin.skills.codeHint'))
          .max(80),
        aliases: z.string(),
      }),
    [t],
  );
  const { form, formError, submitting, onSubmit } = useMutationForm<
    CreateValues,
    Awaited<ReturnType<typeof create>>
  >(
    schema,
    { categoryCode: '', nameJa: '', nameEn: '', code: '', aliases: '' },
    ({ aliases, ...input }) => {
      setCreated(undefined);
      return create({ input: { ...input, aliases: splitAliases(aliases) } });
    },
    ({ nameJa }) => {
      form.reset();
      setCreated(nameJa);
      onCreated();
    },
  );
  const { errors } = form.formState;
  return (
    <Card withBorder>
      <form noValidate onSubmit={onSubmit} aria-labelledby="create-skill-title">
        <Stack gap="sm">
          <Title order={3} size="h4" id="create-skill-title">
            {t('admin.skills.create')}
          </Title>
          <FormError message={formError} />
          {created && (
            <Alert color="green" role="status">
              {t('admin.skills.created', { name: created })}
            </Alert>
          )}
          <Controller
            control={form.control}
            name="categoryCode"
            render={({ field }) => (
              <Select
                label={t('admin.skills.category')}
                required
                data={categories}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                onBlur={field.onBlur}
                name={field.name}
                ref={field.ref}
                error={errors.categoryCode?.message}
              />
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('admin.skills.nameJa')}
              required
              maxLength={100}
              error={errors.nameJa?.message}
              {...form.register('nameJa')}
            />
            <TextInput
              label={t('admin.skills.nameEn')}
              required
              maxLength={100}
              error={errors.nameEn?.message}
              {...form.register('nameEn')}
            />
          </SimpleGrid>
          <TextInput
            label={t('admin.skills.code')}
            description={t('admin.skills.codeHint')}
            required
            maxLength={80}
            error={errors.code?.message}
            {...form.register('code')}
          />
          <TextInput
            label={t('admin.skills.aliasList')}
            description={t('admin.skills.aliasListHint')}
            error={errors.aliases?.message}
            {...form.register('aliases')}
          />
          <Group>
            <Button type="submit" loading={submitting}>
              {t('admin.skills.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
