import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { paramsOf, searchFormOf } from './project-filter';
import { ProjectFilters } from './ProjectFilters';
import { ProjectResults } from './ProjectResults';

export function ProjectSearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const form = searchFormOf(params);
  return (
    <Stack maw={960} mx="auto">
      <Title order={1}>{t('projects.title')}</Title>
      <ProjectFilters value={form} onSearch={(next) => setParams(paramsOf(next))} />
      {/* A new search starts again from its first page. */}
      <ProjectResults key={params.toString()} form={form} />
    </Stack>
  );
}
