import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { useSession } from '../auth/session-context';
import { ApplyPanel } from '../engagements/ApplyPanel';
import type { ProjectQuery as ProjectData } from '../gql/graphql';
import { formatList, formatMonth, formatPeriod } from '../i18n/format';
import { localName } from '../i18n/local-name';
import { placeName } from '../i18n/place-name';
import { InterestButton } from '../interests/InterestButton';
import { ShareButtons } from '../sharing/ShareButtons';
import { ProjectQuery } from './project-documents';
import { ProjectMap } from './ProjectMap';

type Project = ProjectData['project'];

export function ProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({ query: ProjectQuery, variables: { id } });
  let content: ReactNode;
  if (error && !data) {
    const notFound = error.graphQLErrors.some(
      (e) => e.extensions?.code === 'NOT_FOUND' || e.extensions?.code === 'BAD_USER_INPUT',
    );
    content = notFound ? (
      <EmptyState title={t('project.notFound')} />
    ) : (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  } else if (!data) content = <LoadingState />;
  else content = <ProjectDetails project={data.project} />;
  return (
    <Stack maw={960} mx="auto">
      <Anchor component={Link} to="/projects" size="sm">
        ← {t('project.back')}
      </Anchor>
      {content}
    </Stack>
  );
}

// Everything a participant sees of a project; `preview` leaves out what only a participant does
// there (interest, applying, sharing), for staff who check it before it is published.
export function ProjectDetails({
  project,
  preview = false,
}: {
  project: Project;
  preview?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { current } = useSession();
  // A project that is no longer published (closed, archived) is still read by those who took
  // part in it; it says so and offers nothing to do but read.
  const published = project.status === 'PUBLISHED';
  const acts = !preview && published;
  return (
    <Stack component="article">
      <Group gap="xs">
        <Badge variant="light">{localName(project.theme, language)}</Badge>
        <Badge variant="outline" color="gray.8">
          {t(`mode.${project.mode}`)}
        </Badge>
      </Group>
      <Title order={1}>{project.title}</Title>
      {!preview && !published && (
        <Alert color="gray" role="status" title={t(`project.ended.${project.status}`)}>
          {t('project.ended.hint')}
        </Alert>
      )}
      {acts && <InterestButton projectId={project.id} title={project.title} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
        <Fact label={t('project.period')}>
          {formatPeriod(project.startDate, project.endDate, language)}
        </Fact>
        <Fact label={t('project.hours')}>
          {project.hoursPerWeek
            ? t('projects.hoursPerWeek', { hours: project.hoursPerWeek })
            : t('projects.hoursUnknown')}
        </Fact>
        <Fact label={t('project.place')}>{placeName(project.place, language)}</Fact>
        <Fact label={t('project.region')}>
          {/* The region's own page: who they are, their other projects, people who came back. */}
          {preview ? (
            project.region.name
          ) : (
            <Anchor component={Link} to={`/regions/${project.region.id}`}>
              {project.region.name}
            </Anchor>
          )}
        </Fact>
        {project.supervisingIntermediaries.length > 0 && (
          <Fact label={t('project.intermediary')}>
            {formatList(
              project.supervisingIntermediaries.map((o) => o.name),
              language,
            )}
          </Fact>
        )}
        {project.program && <Fact label={t('project.program')}>{project.program.name}</Fact>}
        {project.seasonMonths.length > 0 && (
          <Fact label={t('project.season')}>
            {formatList(
              project.seasonMonths.map((m) => formatMonth(m, language)),
              language,
            )}
          </Fact>
        )}
        <Fact label={t('project.eligible')}>
          {project.eligibleKinds.length
            ? formatList(
                project.eligibleKinds.map((k) => t(`kind.${k}`)),
                language,
              )
            : t('project.everyone')}
        </Fact>
        <Fact label={t('project.capacity')}>
          {t('project.people', { count: project.capacity })}
        </Fact>
      </SimpleGrid>
      <ProjectMap
        point={{
          lat: project.place.lat,
          lng: project.place.lng,
          prefectureEn: project.place.prefecture.nameEn,
        }}
        caption={placeName(project.place, language)}
      />
      <Paper withBorder p="md" component="section" aria-labelledby="skills-title">
        <Title order={2} size="h4" id="skills-title" mb="xs">
          {t('project.skills')}
        </Title>
        {project.requiredSkills.length === 0 ? (
          <Text>{t('project.noSkills')}</Text>
        ) : (
          <List spacing={4}>
            {project.requiredSkills.map((s) => (
              <List.Item key={s.skillId}>
                {localName(s, language)}{' '}
                <Badge size="sm" variant={s.requirement === 'MUST' ? 'filled' : 'outline'}>
                  {t(s.requirement === 'MUST' ? 'project.must' : 'project.nice')}
                </Badge>{' '}
                <Text span size="sm" c="gray.7">
                  {t('project.level', { level: s.minLevel })}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
      <section aria-labelledby="description-title">
        <Title order={2} size="h4" id="description-title" mb="xs">
          {t('project.description')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{project.description}</Text>
      </section>
      {/* Once it is no longer published, only a participant's own engagement still shows here. */}
      {!preview && <ApplyPanel projectId={project.id} takesApplications={published} />}
      {acts && <ShareButtons projectId={project.id} title={project.title} />}
      {acts && !current && (
        <Group>
          <Button component={Link} to="/sign-in" state={{ from: `/projects/${project.id}` }}>
            {t('project.signInToApply')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="gray.7" fw={700}>
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}
