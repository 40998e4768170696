import { Button, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../auth/session-context';

// A signed-in person's own pages: a guest is asked to sign in, and comes back here afterwards.
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { current } = useSession();
  const { pathname, search } = useLocation();
  if (current) return children;
  return (
    <Stack align="center" py="xl">
      <Text>{t('app.signInFirst')}</Text>
      <Button component={Link} to="/sign-in" state={{ from: `${pathname}${search}` }}>
        {t('app.signIn')}
      </Button>
    </Stack>
  );
}
