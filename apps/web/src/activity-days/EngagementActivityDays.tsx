import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { ErrorState, LoadingState } from '../app/page-states';
import type { EngagementActivityDaysQuery as Data } from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { formatNumber } from '../i18n/format';
import {
  CancelActivityDaySignupMutation,
  EngagementActivityDaysQuery,
  SignUpForActivityDayMutation,
} from './activity-day-documents';
import { DayFacts } from './DayFacts';
import { FormError } from '../app/FormError';

type Day = Data['engagementActivityDays'][number];

// The activity days on a participant's engagement page: upcoming days with the places left, to
// sign up for or cancel (the participant, while canSignUp), and past days with the hours
// credited. Nothing shows while the project has no days.
export function EngagementActivityDays({
  engagementId,
  canSignUp,
}: {
  engagementId: string;
  canSignUp: boolean;
}) {
  const { t } = useTranslation();
  const [now] = useState(() => Date.now());
  const [flash, setFlash] = useState<string>();
  const [{ data, error }, reexecute] = useQuery({
    query: EngagementActivityDaysQuery,
    variables: { engagementId },
    requestPolicy: 'cache-and-network',
  });
  let list;
  if (error && !data)
    list = (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  else if (!data) list = <LoadingState />;
  else if (data.engagementActivityDays.length === 0) return null;
  else {
    const days = data.engagementActivityDays;
    const upcoming = days.filter((d) => new Date(d.endsAt).getTime() > now);
    const past = days.filter((d) => new Date(d.endsAt).getTime() <= now).reverse();
    list = (
      <Stack gap="sm">
        {flash && (
          <Alert
            color="green"
            role="status"
            withCloseButton
            closeButtonLabel={t('activityDays.dismiss')}
            onClose={() => setFlash(undefined)}
          >
            {flash}
          </Alert>
        )}
        {upcoming.length > 0 && (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {upcoming.map((d) => (
              <MyDay
                key={d.id}
                day={d}
                now={now}
                heading={3}
                canSignUp={canSignUp}
                onDone={setFlash}
              />
            ))}
          </Stack>
        )}
        {past.length > 0 && (
          <>
            <Title order={3} size="h5">
              {t('activityDays.past')}
            </Title>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {past.map((d) => (
                <MyDay
                  key={d.id}
                  day={d}
                  now={now}
                  heading={4}
                  canSignUp={false}
                  onDone={setFlash}
                />
              ))}
            </Stack>
          </>
        )}
      </Stack>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="activity-days-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="activity-days-title">
          {t('activityDays.mine.title')}
        </Title>
        <Text size="sm">{t('activityDays.mine.intro')}</Text>
        <Text size="sm" c="gray.7">
          {t('activityDays.closedRule')}
        </Text>
        {list}
      </Stack>
    </Paper>
  );
}

function MyDay({
  day,
  now,
  heading,
  canSignUp,
  onDone,
}: {
  day: Day;
  now: number;
  heading: 3 | 4;
  canSignUp: boolean;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [signUpState, signUp] = useMutation(SignUpForActivityDayMutation);
  const [cancelState, cancel] = useMutation(CancelActivityDaySignupMutation);
  const [problem, setProblem] = useState<string>();
  const mine = day.mySignup?.status === 'SIGNED_UP' ? day.mySignup : null;
  const over = new Date(day.endsAt).getTime() <= now;
  const open = day.status === 'PUBLISHED' && new Date(day.signupClosesAt).getTime() > now;
  const overrides = {
    DAY_FULL: { message: t('activityDays.mine.fullNow') },
    WRONG_STATUS: { message: t('activityDays.mine.closedNow') },
  };
  const run = (action: () => Promise<{ error?: CombinedError }>, done: string) => {
    setProblem(undefined);
    void action().then((result) => {
      if (result.error) setProblem(formErrorsOf(result.error, [], t, overrides).form);
      else onDone(done);
    });
  };
  let state;
  if (day.status === 'CANCELLED') {
    state = <Badge color="red.9">{t('activityDays.mine.dayCancelled')}</Badge>;
  } else if (over && mine) {
    state =
      mine.attended === true ? (
        <Badge color="teal.9">
          {t('activityDays.mine.attended', {
            hours: formatNumber(mine.creditedHours ?? day.hours, language),
          })}
        </Badge>
      ) : mine.attended === false ? (
        <Badge color="gray.7">{t('activityDays.mine.absent')}</Badge>
      ) : (
        <Badge color="gray.7">{t('activityDays.mine.waiting')}</Badge>
      );
  } else {
    state = (
      <Group gap="xs">
        {mine && <Badge color="teal.9">{t('activityDays.mine.signedUp')}</Badge>}
        <Badge color={day.placesLeft > 0 ? 'indigo.9' : 'gray.7'}>
          {day.placesLeft > 0
            ? t('activityDays.placesLeft', { count: day.placesLeft })
            : t('activityDays.full')}
        </Badge>
        {!open && !over && <Badge color="gray.7">{t('activityDays.mine.closed')}</Badge>}
      </Group>
    );
  }
  return (
    <Paper component="li" withBorder p="sm" data-testid="my-activity-day">
      <Stack gap="xs">
        <DayFacts day={day} language={language} heading={heading} />
        {state}
        <FormError message={problem} />
        {canSignUp && open && !over && (
          <Group>
            {mine ? (
              <Button
                variant="default"
                size="sm"
                loading={cancelState.fetching}
                onClick={() =>
                  run(() => cancel({ id: day.id }), t('activityDays.mine.cancelledDone'))
                }
              >
                {t('activityDays.mine.cancel')}
              </Button>
            ) : (
              day.placesLeft > 0 && (
                <Button
                  size="sm"
                  loading={signUpState.fetching}
                  onClick={() => run(() => signUp({ id: day.id }), t('activityDays.mine.done'))}
                >
                  {t('activityDays.mine.signUp')}
                </Button>
              )
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
