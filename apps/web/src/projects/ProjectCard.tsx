import { Badge, Card, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProjectSearchQuery } from '../gql/graphql';
import { localName } from '../i18n/local-name';
import { InterestButton } from '../interests/InterestButton';
import { ProjectSummary } from './ProjectSummary';

type Found = ProjectSearchQuery['projects']['edges'][number]['node'];

export function ProjectCard({ project }: { project: Found }) {
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
      <ProjectSummary project={project} />
      <InterestButton projectId={project.id} title={project.title} compact />
    </Card>
  );
}
