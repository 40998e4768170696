import { Anchor, Badge, Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProjectSearchQuery } from '../gql/graphql';
import { formatPeriod } from '../i18n/format';
import { localName } from '../i18n/local-name';
import { placeName } from '../i18n/place-name';
import { InterestButton } from '../interests/InterestButton';

type ProjectSummary = ProjectSearchQuery['projects']['edges'][number]['node'];

export function ProjectCard({ project }: { project: ProjectSummary }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Card withBorder padding="md" component="article">
      <Group gap="xs" mb="xs">
        <Badge variant="light">{localName(project.theme, language)}</Badge>
        <Badge variant="outline" color="gray.8">
          {t(`mode.${project.mode}`)}
        </Badge>
      </Group>
      <Anchor component={Link} to={`/projects/${project.id}`} fw={700} fz="lg" c="dark">
        <h2 style={{ font: 'inherit', margin: 0 }}>{project.title}</h2>
      </Anchor>
      <Text size="sm" mt={4}>
        {placeName(project.place, language)} · {project.region.name}
      </Text>
      {/* The hours stay whole: on a phone they go to the next line rather than split. */}
      <Text size="sm" c="gray.7">
        {formatPeriod(project.startDate, project.endDate, language)} ·{' '}
        <span className="keep-together">
          {project.hoursPerWeek
            ? t('projects.hoursPerWeek', { hours: project.hoursPerWeek })
            : t('projects.hoursUnknown')}
        </span>
      </Text>
      <InterestButton projectId={project.id} title={project.title} compact />
    </Card>
  );
}
