import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { EmptyState } from '../app/page-states';
import type { OrganizationMemberFieldsFragment as Member } from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { formatDate } from '../i18n/format';
import { RemoveMemberMutation } from './organization-documents';

// An organisation's members, owners first: names and roles for everyone who works there, e-mail
// addresses when the API gives them (to owners and platform admins). With `removal`, each member
// but the viewer can be taken off, after a confirmation.
export function MemberList({
  members,
  hint,
  currentUserId,
  removal,
}: {
  members: readonly Member[];
  hint?: string;
  currentUserId?: string;
  removal?: { organizationId: string; onRemoved: () => void };
}) {
  const { t, i18n } = useTranslation();
  const [, remove] = useMutation(RemoveMemberMutation);
  const [asked, setAsked] = useState<Member>();
  const [removing, setRemoving] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string }>();
  const confirm = async (member: Member) => {
    if (!removal) return;
    setRemoving(true);
    const result = await remove({
      input: { organizationId: removal.organizationId, userId: member.userId },
    });
    setRemoving(false);
    setAsked(undefined);
    if (result.error) {
      const { form } = formErrorsOf(result.error, [], t, {
        LAST_OWNER: { message: t('organization.members.lastOwner') },
      });
      setOutcome({ ok: false, message: form ?? t('errors.generic') });
      return;
    }
    setOutcome({
      ok: true,
      message: t('organization.members.removed', { name: member.displayName }),
    });
    removal.onRemoved();
  };
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('organization.members.title')}
      </Title>
      {hint && (
        <Text size="sm" c="gray.7">
          {hint}
        </Text>
      )}
      {outcome && (
        <Alert color={outcome.ok ? 'green' : 'red'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.message}
        </Alert>
      )}
      {members.length === 0 ? (
        <EmptyState
          title={t('organization.members.none')}
          hint={t('organization.members.noneHint')}
        />
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {members.map((m) => {
            const isMe = m.userId === currentUserId;
            return (
              <Card component="li" withBorder key={m.userId} padding="sm">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Group gap="xs">
                      <Text fw={700}>{m.displayName}</Text>
                      {isMe && (
                        <Badge size="sm" variant="light">
                          {t('organization.members.you')}
                        </Badge>
                      )}
                    </Group>
                    {m.email && (
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {m.email}
                      </Text>
                    )}
                    <Text size="sm" c="gray.7">
                      {t('organization.members.joined', {
                        date: formatDate(m.joinedAt, i18n.language),
                      })}
                    </Text>
                  </Stack>
                  <Group gap="xs">
                    <Badge variant="outline" color="gray">
                      {t(`workspace.role.${m.role}`)}
                    </Badge>
                    {removal && !isMe && (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('organization.members.removeLabel', { name: m.displayName })}
                        onClick={() => {
                          setOutcome(undefined);
                          setAsked(m);
                        }}
                      >
                        {t('organization.members.remove')}
                      </Button>
                    )}
                  </Group>
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
      <Modal
        opened={!!asked}
        onClose={() => setAsked(undefined)}
        closeButtonProps={{ 'aria-label': t('organization.members.cancel') }}
        title={t('organization.members.removeTitle')}
      >
        <Text size="sm">
          {t('organization.members.removeConfirm', { name: asked?.displayName ?? '' })}
        </Text>
        <Group mt="md">
          <Button color="red.9" loading={removing} onClick={() => asked && void confirm(asked)}>
            {t('organization.members.confirm')}
          </Button>
          <Button variant="default" onClick={() => setAsked(undefined)}>
            {t('organization.members.cancel')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
