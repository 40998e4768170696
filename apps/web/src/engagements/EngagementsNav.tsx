import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../auth/session-context';

// The participant's own places in the main navigation, once signed in.
export function EngagementsNav() {
  const { t } = useTranslation();
  const { current } = useSession();
  if (!current) return null;
  return (
    <>
      <Anchor component={NavLink} to="/engagements" c="dark">
        {t('engagements.nav.mine')}
      </Anchor>
      <Anchor component={NavLink} to="/scout-offers" c="dark">
        {t('scouting.nav')}
      </Anchor>
      <Anchor component={NavLink} to="/relationships" c="dark">
        {t('engagements.nav.relationships')}
      </Anchor>
    </>
  );
}
