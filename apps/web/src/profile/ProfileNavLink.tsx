import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../auth/session-context';

// In the main navigation once signed in.
export function ProfileNavLink() {
  const { t } = useTranslation();
  const { current } = useSession();
  if (!current) return null;
  return (
    <Anchor component={NavLink} to="/profile" c="dark">
      {t('profile.nav')}
    </Anchor>
  );
}
