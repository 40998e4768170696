import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../auth/session-context';

// The header's way to the 興味あり list, for people signed in.
export function InterestsNavLink() {
  const { t } = useTranslation();
  const { current } = useSession();
  if (!current) return null;
  return (
    <Anchor component={NavLink} to="/interests" c="dark">
      {t('interests.nav')}
    </Anchor>
  );
}
