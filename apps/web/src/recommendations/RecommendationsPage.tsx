import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorState, LoadingState } from '../app/page-states';
import { RequireSignIn } from '../app/RequireSignIn';
import { ProjectSummary } from '../projects/ProjectSummary';
import type { MyRecommendationsQuery as Result } from '../gql/graphql';
import { localName } from '../i18n/local-name';
import { explainRecommendation } from './explain';
import { MyRecommendationsQuery } from './recommendation-documents';

const SHOWN = 20;
const POLL_MS = 3000;
// After a profile change the worker re-scores within seconds; past this the list is what it is.
const COMPUTING_WINDOW_MS = 2 * 60_000;

type Recommendation = Result['recommendedProjects']['edges'][number]['node'];
type Profile = NonNullable<Result['myParticipantProfile']>;

export function RecommendationsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={860} mx="auto">
      <Title order={1}>{t('recommendations.title')}</Title>
      <RequireSignIn>
        <Recommendations />
      </RequireSignIn>
    </Stack>
  );
}

// Scores are computed by the worker after each change: a list older than the profile (or none
// yet, shortly after saving) is being recomputed, and the page asks again until it is fresh.
function isComputing(profile: Profile, list: Recommendation[], now: number): boolean {
  const updatedAt = Date.parse(profile.updatedAt);
  if (now - updatedAt > COMPUTING_WINDOW_MS) return false;
  if (list.length === 0) return true;
  return list.every((r) => Date.parse(r.computedAt) < updatedAt);
}

function Recommendations() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reload] = useQuery({
    query: MyRecommendationsQuery,
    variables: { first: SHOWN },
    requestPolicy: 'cache-and-network',
  });
  const [now, setNow] = useState(() => Date.now());
  const profile = data?.myParticipantProfile;
  const list = data?.recommendedProjects.edges.map((e) => e.node) ?? [];
  const computing = !!profile && isComputing(profile, list, now);
  useEffect(() => {
    if (!computing) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      reload({ requestPolicy: 'network-only' });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [computing, reload]);

  if (error && !data) return <ErrorState error={error} onRetry={() => reload()} />;
  if (!data) return fetching ? <LoadingState /> : null;

  return (
    <Stack>
      {!profile ? (
        <Paper withBorder p="lg">
          <Stack align="flex-start">
            <Title order={2} size="h3">
              {t('recommendations.noProfile')}
            </Title>
            <Text>{t('recommendations.noProfileHint')}</Text>
            <Button component={Link} to="/profile">
              {t('recommendations.fillProfile')}
            </Button>
          </Stack>
        </Paper>
      ) : (
        <>
          <Text>{t('recommendations.intro')}</Text>
          {computing && (
            <Alert color="blue" role="status" aria-live="polite">
              <Group gap="sm" wrap="nowrap">
                <Loader size="sm" aria-hidden />
                <Text size="sm">
                  {t(list.length ? 'recommendations.updating' : 'recommendations.computing')}
                </Text>
              </Group>
            </Alert>
          )}
          {list.length === 0 && !computing && (
            <Paper withBorder p="lg">
              <Stack align="flex-start">
                <Title order={2} size="h3">
                  {t('recommendations.empty')}
                </Title>
                <Text>{t('recommendations.emptyHint')}</Text>
                <Group>
                  <Button component={Link} to="/profile" variant="default">
                    {t('recommendations.editProfile')}
                  </Button>
                  <Button component={Link} to="/projects">
                    {t('recommendations.browse')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          )}
          {list.length > 0 && (
            <Stack component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
              {list.map((r) => (
                <li key={r.project.id}>
                  <RecommendationCard recommendation={r} profile={profile} />
                </li>
              ))}
            </Stack>
          )}
          {list.length > 0 && (
            <Anchor component={Link} to="/profile">
              {t('recommendations.editProfile')}
            </Anchor>
          )}
        </>
      )}
    </Stack>
  );
}

function RecommendationCard({
  recommendation,
  profile,
}: {
  recommendation: Recommendation;
  profile: Profile;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { project } = recommendation;
  const percent = Math.round(recommendation.score * 100);
  const reasons = explainRecommendation(recommendation.factors, project, profile, t, language);
  const why = reasons.filter((r) => r.tone !== 'weak');
  const consider = reasons.filter((r) => r.tone === 'weak');
  const headingId = `recommendation-${project.id}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="xs">
        <Group gap="xs">
          <Badge variant="filled" color="teal.9">
            {t('recommendations.rank', { rank: recommendation.rank })}
          </Badge>
          <Badge variant="light">{localName(project.theme, language)}</Badge>
          <Badge variant="outline" color="gray.8">
            {t(`mode.${project.mode}`)}
          </Badge>
        </Group>
        <Stack gap={2} miw={140}>
          <Text size="sm" fw={700}>
            {t('recommendations.match', { percent })}
          </Text>
          {/* The bar repeats the percentage above it for the eye only. */}
          <Progress value={percent} aria-hidden />
        </Stack>
      </Group>
      <ProjectSummary project={project} headingId={headingId} />
      {why.length > 0 && (
        <>
          <Text fw={700} size="sm" mt="sm" component="h3" m={0} pt="sm">
            {t('recommendations.why')}
          </Text>
          <List size="sm" spacing={4} data-testid="reasons">
            {why.map((r) => (
              <List.Item key={r.factor}>{r.text}</List.Item>
            ))}
          </List>
        </>
      )}
      {consider.length > 0 && (
        <>
          <Text fw={700} size="sm" component="h3" m={0} pt="sm">
            {t('recommendations.consider')}
          </Text>
          <List size="sm" spacing={4} c="gray.8">
            {consider.map((r) => (
              <List.Item key={r.factor}>{r.text}</List.Item>
            ))}
          </List>
        </>
      )}
      <Group justify="flex-end" mt="sm">
        <Button
          component={Link}
          to={`/projects/${project.id}`}
          variant="light"
          size="xs"
          aria-label={t('app.labelled', { label: t('recommendations.open'), value: project.title })}
        >
          {t('recommendations.open')}
        </Button>
      </Group>
    </Card>
  );
}
