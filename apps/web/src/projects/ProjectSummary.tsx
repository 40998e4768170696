import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPeriod } from '../i18n/format';
import { placeName } from '../i18n/place-name';

export interface SummarisedProject {
  id: string;
  title: string;
  startDate: string;
  endDate?: string | null;
  // Absent when the list does not ask for the hours (the marked projects).
  hoursPerWeek?: number | null;
  place: Parameters<typeof placeName>[0];
  region: { name: string };
}

// A project in a list (search, marked, recommended): its title as a link to the project, where,
// and when. The card around it adds what the list is about.
export function ProjectSummary({
  project,
  headingId,
}: {
  project: SummarisedProject;
  headingId?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const period = formatPeriod(project.startDate, project.endDate, language);
  return (
    <>
      <Anchor component={Link} to={`/projects/${project.id}`} fw={700} fz="lg" c="dark">
        <h2 id={headingId} style={{ font: 'inherit', margin: 0 }}>
          {project.title}
        </h2>
      </Anchor>
      <Text size="sm" mt={4}>
        {placeName(project.place, language)} · {project.region.name}
      </Text>
      {/* The hours stay whole: on a phone they go to the next line rather than split. */}
      <Text size="sm" c="gray.7">
        {'hoursPerWeek' in project ? (
          <>
            {period} ·{' '}
            <span className="keep-together">
              {project.hoursPerWeek
                ? t('projects.hoursPerWeek', { hours: project.hoursPerWeek })
                : t('projects.hoursUnknown')}
            </span>
          </>
        ) : (
          period
        )}
      </Text>
    </>
  );
}
