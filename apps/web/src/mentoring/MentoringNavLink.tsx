import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../auth/session-context';
import { MyMentorDeskQuery } from './mentoring-documents';

// The header's way to a mentor's own page, shown once the person is a mentor.
export function MentoringNavLink() {
  const { current } = useSession();
  return current ? <MentorLink /> : null;
}

function MentorLink() {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: MyMentorDeskQuery });
  if (!data?.myMentorDesk) return null;
  return (
    <Anchor component={NavLink} to="/mentoring" c="dark">
      {t('mentoring.nav.mentor')}
    </Anchor>
  );
}
