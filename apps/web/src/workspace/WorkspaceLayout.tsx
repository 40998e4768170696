import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  NavLink as MantineNavLink,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { RequireSignIn } from '../app/RequireSignIn';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type { MyOrganizationsQuery as MyOrganizations } from '../gql/graphql';
import { MyOrganizationsQuery } from './workspace-documents';
import { sectionsFor } from './workspace-sections';

export type WorkspaceMembership = MyOrganizations['me']['memberships'][number];

// What every workspace page gets from its frame: the organisation it works for, and the
// signed-in person's role in it.
export function useWorkspace(): WorkspaceMembership {
  return useOutletContext<WorkspaceMembership>();
}

function useMemberships() {
  return useQuery({ query: MyOrganizationsQuery });
}

// /manage: the organisations you work for; with only one, straight into its workspace.
export function WorkspaceHome() {
  const { t } = useTranslation();
  return (
    <RequireSignIn>
      <Stack maw={960} mx="auto">
        <Title order={1}>{t('workspace.title')}</Title>
        <Text>{t('workspace.intro')}</Text>
        <OrganizationList />
      </Stack>
    </RequireSignIn>
  );
}

function OrganizationList() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useMemberships();
  if (!data && fetching) return <LoadingState />;
  if (!data) return <ErrorState error={error!} onRetry={() => refetch()} />;
  const memberships = data.me.memberships;
  if (memberships.length === 0)
    return <EmptyState title={t('workspace.none')} hint={t('workspace.noneHint')} />;
  if (memberships.length === 1)
    return <Navigate to={`/manage/${memberships[0].organization.id}`} replace />;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {memberships.map(({ organization, role }) => (
        <Card key={organization.id} withBorder component={Link} to={`/manage/${organization.id}`}>
          <Text fw={700}>{organization.name}</Text>
          <Group gap="xs" mt="xs">
            <Badge variant="light">{t(`workspace.kind.${organization.kind}`)}</Badge>
            <Badge variant="outline" color="gray">
              {t(`workspace.role.${role}`)}
            </Badge>
          </Group>
        </Card>
      ))}
    </SimpleGrid>
  );
}

// /manage/:orgId/…: the organisation's name, its pages for its kind, and the page chosen.
export function WorkspaceLayout() {
  return (
    <RequireSignIn>
      <WorkspaceFrame />
    </RequireSignIn>
  );
}

function WorkspaceFrame() {
  const { t } = useTranslation();
  const { orgId } = useParams();
  const [{ data, fetching, error }, refetch] = useMemberships();
  if (!data && fetching) return <LoadingState />;
  if (!data) return <ErrorState error={error!} onRetry={() => refetch()} />;
  const membership = data.me.memberships.find((m) => m.organization.id === orgId);
  if (!membership) {
    return (
      <Stack align="center" py="xl">
        <Text>{t('workspace.notMember')}</Text>
        <Button component={Link} to="/manage" variant="default">
          {t('workspace.backToList')}
        </Button>
      </Stack>
    );
  }
  const { organization } = membership;
  return (
    <Stack maw={1200} mx="auto">
      <Group gap="sm" align="baseline">
        <Title order={1}>{organization.name}</Title>
        <Badge variant="light">{t(`workspace.kind.${organization.kind}`)}</Badge>
        {data.me.memberships.length > 1 && (
          <Anchor component={Link} to="/manage" size="sm">
            {t('workspace.backToList')}
          </Anchor>
        )}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <WorkspaceMenu membership={membership} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Outlet context={membership} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

// A column of links on a wide screen; on a phone compact buttons in rows, every label whole
// (a row scrolling sideways cut the labels and hid the pages past the edge).
function WorkspaceMenu({ membership }: { membership: WorkspaceMembership }) {
  const { t } = useTranslation();
  const { organization } = membership;
  const base = `/manage/${organization.id}`;
  const links = [
    { to: base, label: t('workspace.overview'), end: true },
    ...sectionsFor(organization.kind).map((section) => ({
      to: `${base}/${section.path}`,
      label: t(section.labelKey),
      end: false,
    })),
  ];
  return (
    <nav aria-label={t('workspace.pages', { name: organization.name })}>
      <Stack gap={2} visibleFrom="md">
        {links.map((link) => (
          <MantineNavLink
            key={link.to}
            component={NavLink}
            to={link.to}
            end={link.end}
            label={link.label}
            className="workspace-link"
          />
        ))}
      </Stack>
      <Group hiddenFrom="md" gap="xs">
        {links.map((link) => (
          <Button
            key={link.to}
            component={NavLink}
            to={link.to}
            end={link.end}
            size="xs"
            variant="default"
            className="workspace-tab"
          >
            {link.label}
          </Button>
        ))}
      </Group>
    </nav>
  );
}

// /manage/:orgId: what can be done here, one card per page.
export function WorkspaceOverview() {
  const { t } = useTranslation();
  const { organization, role } = useWorkspace();
  return (
    <Stack>
      <Text>{t('workspace.overviewIntro')}</Text>
      <Text size="sm" c="gray.7">
        {t('workspace.yourRole', { role: t(`workspace.role.${role}`) })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {sectionsFor(organization.kind).map((section) => (
          <Card
            key={section.path}
            withBorder
            component={Link}
            to={`/manage/${organization.id}/${section.path}`}
          >
            <Text fw={700}>{t(section.labelKey)}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
