import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../auth/session-context';
import { MyOrganizationsQuery } from './workspace-documents';

// The header's way into the workspace, for people who work for at least one organisation.
export function WorkspaceNavLink() {
  const { current } = useSession();
  if (!current) return null;
  return <MembersOnlyLink />;
}

function MembersOnlyLink() {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: MyOrganizationsQuery });
  if (!data?.me.memberships.length) return null;
  return (
    <Anchor component={NavLink} to="/manage" c="dark">
      {t('workspace.nav')}
    </Anchor>
  );
}
