import { Alert, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../workspace/WorkspaceLayout';

// The company pages are its owners' (the API says so too): an enrolled employee, also a member,
// reads a sentence instead of a refusal.
export function OwnerOnly({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { role } = useWorkspace();
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      {role === 'OWNER' ? children : <Alert color="blue">{t('company.ownersOnly')}</Alert>}
    </Stack>
  );
}
