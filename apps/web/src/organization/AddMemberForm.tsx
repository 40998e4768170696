import { Alert, Button, Card, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { z } from 'zod';
import type { MembershipRole } from '../gql/graphql';
import { useMutationForm } from '../graphql/use-mutation-form';
import { AddMemberMutation } from './organization-documents';
import { FormError } from '../app/FormError';

const ROLES: readonly MembershipRole[] = ['OWNER', 'STAFF'];

interface MemberValues {
  email: string;
  role: MembershipRole;
}

// Adds someone with an account to an organisation by their e-mail address, with a role: for its
// owners (their own page) and platform admins (the admin pages).
export function AddMemberForm({
  organizationId,
  onAdded,
}: {
  organizationId: string;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const [, add] = useMutation(AddMemberMutation);
  const [added, setAdded] = useState(false);
  const schema = useMemo(
    () =>
      z.object({
        email: z.string().trim().min(1, t('form.required')).max(320),
        role: z.enum(['OWNER', 'STAFF']),
      }),
    [t],
  );
  const { form, formError, submitting, onSubmit } = useMutationForm<
    MemberValues,
    Awaited<ReturnType<typeof add>>
  >(
    schema,
    { email: '', role: 'STAFF' },
    (input) => {
      setAdded(false);
      return add({ input: { organizationId, ...input } });
    },
    () => {
      form.reset();
      setAdded(true);
      onAdded();
    },
    {
      ALREADY_EXISTS: { field: 'email', message: t('organization.addMember.alreadyMember') },
      // The only input refusal an e-mail address gets here: no account has it.
      BAD_USER_INPUT: { field: 'email', message: t('organization.addMember.noAccount') },
    },
  );
  const { errors } = form.formState;
  return (
    <Card withBorder>
      <form noValidate onSubmit={onSubmit} aria-labelledby="add-member-title">
        <Stack gap="sm">
          <Title order={3} size="h4" id="add-member-title">
            {t('organization.addMember.title')}
          </Title>
          <FormError message={formError} />
          {added && (
            <Alert color="green" role="status">
              {t('organization.addMember.added')}
            </Alert>
          )}
          <TextInput
            type="email"
            label={t('organization.addMember.email')}
            description={t('organization.addMember.emailHint')}
            required
            autoComplete="off"
            error={errors.email?.message}
            {...form.register('email')}
          />
          <Controller
            control={form.control}
            name="role"
            render={({ field }) => (
              <Select
                label={t('organization.addMember.role')}
                description={t('organization.addMember.roleHint')}
                data={ROLES.map((r) => ({ value: r, label: t(`workspace.role.${r}`) }))}
                value={field.value}
                onChange={(value) => field.onChange(value ?? 'STAFF')}
                allowDeselect={false}
                maw={320}
              />
            )}
          />
          <Group>
            <Button type="submit" loading={submitting}>
              {t('organization.addMember.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
