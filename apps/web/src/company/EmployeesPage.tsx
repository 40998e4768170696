import { Alert, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { z } from 'zod';
import { EmptyState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import { formErrorsOf } from '../graphql/form-errors';
import { useMutationForm } from '../graphql/use-mutation-form';
import { formatDate, formatNumber } from '../i18n/format';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import {
  CompanyEmployeesQuery,
  CompanyInvitationsQuery,
  InviteCompanyEmployeeMutation,
  RemoveCompanyEmployeeMutation,
  WithdrawCompanyInvitationMutation,
} from './company-documents';
import { OwnerOnly } from './OwnerOnly';
import { FormError } from '../app/FormError';

const PAGE_SIZE = 20;

interface Employee {
  userId: string;
  displayName: string;
}

// /manage/:orgId/company/employees: who is enrolled, the invitations awaiting an answer, and a
// form to invite someone by e-mail.
export function EmployeesPage() {
  const { t } = useTranslation();
  return (
    <OwnerOnly title={t('company.employees.title')}>
      <Employees />
    </OwnerOnly>
  );
}

function Employees() {
  const { t, i18n } = useTranslation();
  const { organization } = useWorkspace();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  // Whether the company has anyone to search among, as its whole list last said: the search is
  // shown only then, or while it holds a query (so that it can be emptied).
  const [anyone, setAnyone] = useState(false);
  const onRows = useCallback(
    (count: number) => {
      if (query === '') setAnyone(count > 0);
    },
    [query],
  );
  // Bumped after an invitation, a removal or a withdrawal: both lists start again from the top.
  const [reloadToken, setReloadToken] = useState(0);
  const reload = () => setReloadToken((n) => n + 1);
  const [removing, setRemoving] = useState<Employee>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [, withdraw] = useMutation(WithdrawCompanyInvitationMutation);
  const lang = i18n.language;

  return (
    <Stack>
      <Text>{t('company.employees.intro')}</Text>
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      <Stack component="section" aria-labelledby="employees-title" gap="xs">
        <Title order={3} size="h4" id="employees-title">
          {t('company.employees.listTitle')}
        </Title>
        {(anyone || search !== '') && (
          <TextInput
            type="search"
            label={t('company.employees.search')}
            description={t('company.employees.listOrder')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            maxLength={100}
            maw={420}
          />
        )}
        <div data-testid="employees">
          <PagedQuery
            query={CompanyEmployeesQuery}
            variables={{ companyOrganizationId: organization.id, search: query || null }}
            pageSize={PAGE_SIZE}
            connection={(data) => data.companyEmployees}
            empty={
              query ? (
                <Text c="gray.7">{t('company.employees.searchNone', { text: query })}</Text>
              ) : (
                <EmptyState
                  title={t('company.employees.empty')}
                  hint={t('company.employees.emptyHint')}
                />
              )
            }
            moreLabel={t('company.employees.more')}
            keyOf={(e) => e.userId}
            reloadToken={reloadToken}
            onRows={onRows}
          >
            {(e) => (
              <ItemCard
                title={e.displayName}
                action={
                  <Button
                    size="compact-sm"
                    variant="outline"
                    color="red.9"
                    aria-label={`${t('company.employees.remove')}: ${e.displayName}`}
                    onClick={() => setRemoving(e)}
                  >
                    {t('company.employees.remove')}
                  </Button>
                }
              >
                <Text size="sm">
                  {t('company.employees.engagementCounts', {
                    count: e.engagementCount,
                    total: formatNumber(e.engagementCount, lang),
                    active: formatNumber(e.activeEngagementCount, lang),
                  })}
                </Text>
                <Text size="sm" c="gray.7">
                  {t(`kind.${e.kind}`)} · {t('company.employees.enrolledAt')}{' '}
                  {formatDate(e.enrolledAt, lang)}
                </Text>
              </ItemCard>
            )}
          </PagedQuery>
        </div>
      </Stack>
      <Stack component="section" aria-labelledby="pending-title" gap="xs">
        <Title order={3} size="h4" id="pending-title">
          {t('company.employees.pendingTitle')}
        </Title>
        <PagedQuery
          query={CompanyInvitationsQuery}
          variables={{ companyOrganizationId: organization.id }}
          pageSize={PAGE_SIZE}
          connection={(data) => data.companyInvitations}
          empty={<Text c="gray.7">{t('company.employees.pendingEmpty')}</Text>}
          moreLabel={t('company.employees.pendingMore')}
          keyOf={(invitation) => invitation.id}
          reloadToken={reloadToken}
        >
          {(invitation) => (
            <ItemCard
              title={invitation.email}
              action={
                <Button
                  size="compact-sm"
                  variant="outline"
                  color="red.9"
                  aria-label={`${t('company.employees.withdraw')}: ${invitation.email}`}
                  onClick={() =>
                    void withdraw({ input: { invitationId: invitation.id } }).then((r) => {
                      if (r.error)
                        setMessage({
                          ok: false,
                          text: formErrorsOf(r.error, [], t).form ?? t('errors.generic'),
                        });
                      else reload();
                    })
                  }
                >
                  {t('company.employees.withdraw')}
                </Button>
              }
            >
              <Text size="sm" c="gray.7">
                {t('company.employees.invitedOn', {
                  date: formatDate(invitation.createdAt, lang),
                })}
              </Text>
            </ItemCard>
          )}
        </PagedQuery>
      </Stack>
      <InviteForm onInvited={reload} />
      <RemoveModal
        employee={removing}
        onClose={() => setRemoving(undefined)}
        onDone={(text, ok) => {
          setRemoving(undefined);
          setMessage({ ok, text });
          reload();
        }}
      />
    </Stack>
  );
}

// A listed person or invitation: its name, a few lines about it, and what can be done to it.
function ItemCard({
  title,
  action,
  children,
}: {
  title: string;
  action: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card component="article" withBorder padding="sm" aria-label={title}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          <Text fw={700}>{title}</Text>
          {children}
        </div>
        {action}
      </Group>
    </Card>
  );
}

function RemoveModal({
  employee,
  onClose,
  onDone,
}: {
  employee?: Employee;
  onClose: () => void;
  onDone: (message: string, ok: boolean) => void;
}) {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const [{ fetching }, remove] = useMutation(RemoveCompanyEmployeeMutation);
  return (
    <Modal opened={!!employee} onClose={onClose} title={t('company.employees.remove')} centered>
      {employee && (
        <Stack>
          <Text>{t('company.employees.removeConfirm', { name: employee.displayName })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('company.employees.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={fetching}
              onClick={() =>
                void remove({
                  input: { companyOrganizationId: organization.id, userId: employee.userId },
                }).then((r) =>
                  r.error
                    ? onDone(formErrorsOf(r.error, [], t).form ?? t('errors.generic'), false)
                    : onDone(t('company.employees.removed', { name: employee.displayName }), true),
                )
              }
            >
              {t('company.employees.removeConfirmButton')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const [, invite] = useMutation(InviteCompanyEmployeeMutation);
  const [sent, setSent] = useState<string>();
  const schema = useMemo(
    () => z.object({ email: z.string().trim().email(t('company.employees.invite.emailInvalid')) }),
    [t],
  );
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { email: '' },
    ({ email }) => {
      setSent(undefined);
      return invite({ input: { companyOrganizationId: organization.id, email } });
    },
    ({ email }) => {
      form.reset();
      setSent(email);
      onInvited();
    },
  );
  return (
    <Card withBorder component="section" aria-labelledby="invite-title">
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="sm">
          <Title order={3} size="h4" id="invite-title">
            {t('company.employees.invite.title')}
          </Title>
          <FormError message={formError} />
          {sent && (
            <Alert color="green" role="status">
              {t('company.employees.invite.sent', { email: sent })}
            </Alert>
          )}
          <TextInput
            type="email"
            label={t('company.employees.invite.email')}
            description={t('company.employees.invite.emailHint')}
            required
            autoComplete="off"
            error={form.formState.errors.email?.message}
            {...form.register('email')}
          />
          <Button type="submit" loading={submitting} w="fit-content">
            {t('company.employees.invite.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
