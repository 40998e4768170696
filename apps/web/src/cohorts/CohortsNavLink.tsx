import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../auth/session-context';
import { MyCohortsQuery } from './cohort-documents';

// The navigation's way to the participant's cohorts, once they are in one.
export function CohortsNavLink() {
  const { current } = useSession();
  return current ? <MemberLink /> : null;
}

function MemberLink() {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: MyCohortsQuery });
  if (!data?.myCohorts.length) return null;
  return (
    <Anchor component={NavLink} to="/cohorts" c="dark">
      {t('cohorts.mine.nav')}
    </Anchor>
  );
}
