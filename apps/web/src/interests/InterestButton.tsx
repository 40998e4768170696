import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../auth/session-context';
import { formatNumber } from '../i18n/format';
import {
  InterestStateQuery,
  MarkInterestMutation,
  UnmarkInterestMutation,
} from './interest-documents';

type Problem = 'signIn' | 'needsProfile' | 'notOpen' | 'failed';

function problemOf(error: CombinedError): Problem {
  const code = error.graphQLErrors[0]?.extensions?.code;
  if (code === 'FORBIDDEN') return 'needsProfile';
  if (code === 'BAD_USER_INPUT') return 'notOpen';
  if (code === 'UNAUTHENTICATED') return 'signIn';
  return 'failed';
}

// The 興味あり toggle. On a project's page it shows how many are interested; on a card
// (`compact`) only the toggle, named after the project. Guests are asked to sign in.
export function InterestButton({
  projectId,
  title,
  compact = false,
}: {
  projectId: string;
  title: string;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { current } = useSession();
  const { pathname } = useLocation();
  // Cards of a guest ask nothing: there is nothing of theirs to show.
  const [{ data }] = useQuery({
    query: InterestStateQuery,
    variables: { id: projectId },
    pause: compact && !current,
  });
  const [marking, mark] = useMutation(MarkInterestMutation);
  const [unmarking, unmark] = useMutation(UnmarkInterestMutation);
  const [problem, setProblem] = useState<Problem>();
  const state = data?.project;
  const pressed = !!current && !!state?.interestedByMe;

  const toggle = async () => {
    setProblem(undefined);
    if (!current) return setProblem('signIn');
    const result = pressed ? await unmark({ projectId }) : await mark({ projectId });
    if (result.error) setProblem(problemOf(result.error));
  };

  return (
    <Stack gap={4} align="flex-start">
      <Group gap="sm" wrap="nowrap">
        <Button
          size={compact ? 'xs' : 'sm'}
          variant={pressed ? 'filled' : 'outline'}
          aria-pressed={pressed}
          aria-label={compact ? t('interests.cardLabel', { title }) : undefined}
          loading={marking.fetching || unmarking.fetching}
          leftSection={<span aria-hidden>{pressed ? '♥' : '♡'}</span>}
          onClick={() => void toggle()}
        >
          {t('interests.mark')}
        </Button>
        {!compact && state && (
          <Text size="sm" c="gray.7" data-testid="interest-count">
            {t('interests.count', {
              count: state.interestCount,
              formatted: formatNumber(state.interestCount, i18n.language),
            })}
          </Text>
        )}
      </Group>
      {problem && (
        <Text size="sm" c="red.9" role="alert">
          {problem === 'signIn' ? (
            <Anchor component={Link} to="/sign-in" state={{ from: pathname }} size="sm">
              {t('interests.signInFirst')}
            </Anchor>
          ) : (
            t(`interests.${problem}`)
          )}
        </Text>
      )}
    </Stack>
  );
}
