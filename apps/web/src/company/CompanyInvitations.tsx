import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { formErrorsOf } from '../graphql/form-errors';
import { formatDate } from '../i18n/format';
import { AcceptCompanyInvitationMutation, MyCompanyInvitationsQuery } from './company-documents';

// A company's invitations to the signed-in person, each with what accepting means and a button:
// accepting is their consent to be its employee. Shows nothing without one.
export function CompanyInvitations({ onAccepted }: { onAccepted: () => void }) {
  const { t, i18n } = useTranslation();
  const [{ data }, refetch] = useQuery({
    query: MyCompanyInvitationsQuery,
    requestPolicy: 'cache-and-network',
  });
  const [{ fetching }, accept] = useMutation(AcceptCompanyInvitationMutation);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const invitations = data?.myCompanyInvitations ?? [];
  if (invitations.length === 0 && !outcome) return null;
  return (
    <Card withBorder component="section" aria-labelledby="company-invitations">
      <Stack gap="sm">
        <Title order={2} size="h4" id="company-invitations">
          {t('company.invitations.title')}
        </Title>
        {outcome && (
          <Alert color={outcome.ok ? 'green' : 'red'} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.text}
          </Alert>
        )}
        {invitations.map((invitation) => {
          const company = invitation.company.name;
          return (
            <Stack key={invitation.id} gap="xs" data-testid="company-invitation">
              <Text>
                {t('company.invitations.body', {
                  company,
                  date: formatDate(invitation.createdAt, i18n.language),
                })}
              </Text>
              <Text size="sm" c="gray.7">
                {t('company.invitations.consent', { company })}
              </Text>
              <Button
                w="fit-content"
                loading={fetching}
                onClick={() =>
                  void accept({ input: { invitationId: invitation.id } }).then((result) => {
                    if (result.error) {
                      setOutcome({
                        ok: false,
                        text: formErrorsOf(result.error, [], t).form ?? t('errors.generic'),
                      });
                      return;
                    }
                    setOutcome({ ok: true, text: t('company.invitations.accepted', { company }) });
                    refetch({ requestPolicy: 'network-only' });
                    onAccepted();
                  })
                }
              >
                {t('company.invitations.accept')}
              </Button>
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
