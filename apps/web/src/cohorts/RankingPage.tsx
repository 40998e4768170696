import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { RequireSignIn } from '../app/RequireSignIn';
import { formErrorsOf } from '../graphql/form-errors';
import type { MyCohortQuery as MyCohortData } from '../gql/graphql';
import { placeName } from '../i18n/place-name';
import { MyCohortQuery, RankCohortProjectsMutation } from './cohort-documents';
import { moveItem } from './ranking-order';
import { FormError } from '../app/FormError';

type CohortProject = MyCohortData['cohort']['projects'][number];

// /cohorts/:id: the participant orders the cohort's projects they would join, best first, with
// buttons (no dragging), so it works by keyboard and on a phone.
export function RankingPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={760} mx="auto">
      <Anchor component={Link} to="/cohorts" size="sm">
        {t('cohorts.mine.title')}
      </Anchor>
      <RequireSignIn>
        <Ranking />
      </RequireSignIn>
    </Stack>
  );
}

function Ranking() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [{ data, error }, refetch] = useQuery({
    query: MyCohortQuery,
    variables: { id: id! },
    requestPolicy: 'cache-and-network',
  });
  if (!data && error) {
    const missing = error.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND');
    return missing ? (
      <EmptyState title={t('cohorts.notFound')} />
    ) : (
      <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  }
  if (!data) return <LoadingState />;
  return <RankingEditor key={data.cohort.id} cohort={data.cohort} />;
}

function RankingEditor({ cohort }: { cohort: MyCohortData['cohort'] }) {
  const { t } = useTranslation();
  const open = cohort.status === 'OPEN';
  const byId = new Map(cohort.projects.map((p) => [p.project.id, p]));
  const [chosen, setChosen] = useState<string[]>(() =>
    cohort.myRanking.map((r) => r.project.id).filter((pid) => byId.has(pid)),
  );
  const others = cohort.projects.filter((p) => !chosen.includes(p.project.id));
  // After a move the focus follows the moved project's button, so a keyboard user can keep
  // pressing it.
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    if (focus) document.getElementById(focus)?.focus();
  }, [focus, chosen]);
  const [{ fetching }, rank] = useMutation(RankCohortProjectsMutation);
  const [problem, setProblem] = useState<string>();
  const [saved, setSaved] = useState(false);
  const change = (next: string[], focusId: string | null) => {
    setChosen(next);
    setSaved(false);
    setFocus(focusId);
  };
  const onSave = async () => {
    setProblem(undefined);
    const result = await rank({ input: { cohortId: cohort.id, projectIds: chosen } });
    if (result.error) setProblem(formErrorsOf(result.error, [], t).form);
    else setSaved(true);
  };
  return (
    <Stack>
      <Title order={1} style={{ overflowWrap: 'anywhere' }}>
        {cohort.name}
      </Title>
      <Text size="sm" c="gray.7">
        {cohort.program.name}
      </Text>
      {open ? <Text>{t('cohorts.rank.intro')}</Text> : <Alert>{t('cohorts.rank.closed')}</Alert>}

      <section aria-labelledby="chosen-projects">
        <Title order={2} size="h4" id="chosen-projects" mb="xs">
          {t('cohorts.rank.chosen')}
        </Title>
        {chosen.length === 0 ? (
          <Text c="gray.7">{t('cohorts.rank.chosenEmpty')}</Text>
        ) : (
          <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {chosen.map((pid, index) => {
              const item = byId.get(pid)!;
              const title = item.project.title;
              return (
                <Card component="li" withBorder padding="sm" key={pid} data-testid="ranked-project">
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Badge variant="filled" w="fit-content">
                        {t('cohorts.rank.position', { rank: index + 1 })}
                      </Badge>
                      <ProjectLine item={item} />
                    </Stack>
                    {open && (
                      <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                        <ActionIcon
                          id={`up-${pid}`}
                          variant="default"
                          size="lg"
                          aria-label={t('cohorts.rank.up', { title })}
                          disabled={index === 0}
                          onClick={() => change(moveItem(chosen, index, -1), `up-${pid}`)}
                        >
                          <span aria-hidden>↑</span>
                        </ActionIcon>
                        <ActionIcon
                          id={`down-${pid}`}
                          variant="default"
                          size="lg"
                          aria-label={t('cohorts.rank.down', { title })}
                          disabled={index === chosen.length - 1}
                          onClick={() => change(moveItem(chosen, index, 1), `down-${pid}`)}
                        >
                          <span aria-hidden>↓</span>
                        </ActionIcon>
                        <ActionIcon
                          variant="default"
                          color="red"
                          size="lg"
                          aria-label={t('cohorts.rank.remove', { title })}
                          onClick={() =>
                            change(
                              chosen.filter((x) => x !== pid),
                              null,
                            )
                          }
                        >
                          <span aria-hidden>×</span>
                        </ActionIcon>
                      </Group>
                    )}
                  </Group>
                </Card>
              );
            })}
          </Stack>
        )}
      </section>

      <section aria-labelledby="other-projects">
        <Title order={2} size="h4" id="other-projects" mb="xs">
          {t('cohorts.rank.others')}
        </Title>
        {others.length === 0 ? (
          <Text c="gray.7">{t('cohorts.rank.othersEmpty')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {others.map((item) => (
              <Card component="li" withBorder padding="sm" key={item.project.id}>
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <ProjectLine item={item} />
                  {open && (
                    <Button
                      size="xs"
                      variant="light"
                      style={{ flexShrink: 0 }}
                      aria-label={`${t('cohorts.rank.add')}: ${item.project.title}`}
                      onClick={() => change([...chosen, item.project.id], null)}
                    >
                      {t('cohorts.rank.add')}
                    </Button>
                  )}
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </section>

      <FormError message={problem} />
      {open && (
        <Group>
          <Button onClick={() => void onSave()} loading={fetching}>
            {t('cohorts.rank.save')}
          </Button>
          <Text role="status" c="teal.9">
            {saved ? t('cohorts.rank.saved') : ''}
          </Text>
        </Group>
      )}
    </Stack>
  );
}

function ProjectLine({ item }: { item: CohortProject }) {
  const { t, i18n } = useTranslation();
  return (
    <div style={{ minWidth: 0 }}>
      <Anchor component={Link} to={`/projects/${item.project.id}`} fw={600} c="dark">
        {item.project.title}
      </Anchor>
      <Text size="sm" c="gray.7">
        {placeName(item.project.place, i18n.language)} · {item.project.region.name} ·{' '}
        {t('cohorts.rank.seats', { count: item.capacity })}
      </Text>
    </div>
  );
}
