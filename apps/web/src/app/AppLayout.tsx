import { Anchor, AppShell, Burger, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { EmailVerificationBanner } from '../account/EmailVerification';
import { useSession } from '../auth/session-context';
import { CohortsNavLink } from '../cohorts/CohortsNavLink';
import { MentoringNavLink } from '../mentoring/MentoringNavLink';
import { MessagesNavLink } from '../conversations/MessagesNavLink';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { NotificationBell } from '../notifications/NotificationBell';
import { WorkspaceNavLink } from '../workspace/WorkspaceNavLink';

// Header with the name, navigation, language, the bell and the account. Below 88em they move
// into a menu opened by the burger: a participant's eight pages do not fit one line before that.
export function AppLayout() {
  const { t } = useTranslation();
  const [menuOpen, toggleMenu] = useHeaderMenu();
  const { current } = useSession();
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{
        width: 280,
        breakpoint: 'xl',
        collapsed: { mobile: !menuOpen, desktop: !menuOpen },
      }}
      padding="md"
    >
      <AppShell.Header>
        <a href="#main" className="skip-link">
          {t('app.skipToContent')}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Anchor component={Link} to="/" fw={800} fz="xl" underline="never">
              {t('app.name')}
            </Anchor>
            <Group visibleFrom="xl" component="nav" aria-label={t('app.menu')}>
              <MainNav />
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {current && <NotificationBell />}
            <Group visibleFrom="xl" gap="sm" wrap="nowrap">
              <LanguageSwitch />
              <AccountActions />
            </Group>
            <Burger
              opened={menuOpen}
              onClick={toggleMenu}
              hiddenFrom="xl"
              size="sm"
              aria-label={t('app.menu')}
              aria-expanded={menuOpen}
            />
          </Group>
        </Group>
      </AppShell.Header>
      {/* Rendered only while open: a closed one would still take keyboard focus off-screen. */}
      {menuOpen && (
        <AppShell.Navbar p="md" aria-label={t('app.menu')}>
          <Stack>
            <MainNav />
            <LanguageSwitch />
            <AccountActions />
          </Stack>
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main">
        <EmailVerificationBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

// Going somewhere (a link, the bell, signing out) closes the menu; changing the language does
// not. Where the menu was opened is read from the address bar, not from the rendered route: the
// router renders a navigation as a transition, so on a loaded phone the redirect after signing
// in lands seconds after the address changed, and must not close a menu opened meanwhile (its
// links vanished under the person's finger).
export function useHeaderMenu(): [open: boolean, toggle: () => void] {
  const { pathname } = useLocation();
  const [openedAt, setOpenedAt] = useState<string>();
  useEffect(() => {
    setOpenedAt((at) => (at === pathname ? at : undefined));
  }, [pathname]);
  const toggle = useCallback(
    () => setOpenedAt((at) => (at === undefined ? window.location.pathname : undefined)),
    [],
  );
  return [openedAt !== undefined, toggle];
}

// A signed-in participant's own pages, in the navigation's order (messages, with their unread
// count, follow).
const OWN_PAGES: readonly { to: string; labelKey: string }[] = [
  { to: '/engagements', labelKey: 'engagements.nav.mine' },
  { to: '/events/mine', labelKey: 'events.myNav' },
  { to: '/scout-offers', labelKey: 'scouting.nav' },
  { to: '/relationships', labelKey: 'engagements.nav.relationships' },
  { to: '/interests', labelKey: 'interests.nav' },
  { to: '/recommendations', labelKey: 'recommendations.nav' },
  { to: '/profile', labelKey: 'profile.nav' },
];

function MainNav() {
  const { t } = useTranslation();
  const { current } = useSession();
  return (
    <>
      <Anchor component={NavLink} to="/projects" c="dark">
        {t('app.nav.projects')}
      </Anchor>
      <Anchor component={NavLink} to="/events" end c="dark">
        {t('events.nav')}
      </Anchor>
      <Anchor component={NavLink} to="/council" c="dark">
        {t('app.nav.council')}
      </Anchor>
      {current &&
        OWN_PAGES.map(({ to, labelKey }) => (
          <Anchor key={to} component={NavLink} to={to} c="dark">
            {t(labelKey)}
          </Anchor>
        ))}
      <CohortsNavLink />
      <MentoringNavLink />
      <MessagesNavLink />
      <WorkspaceNavLink />
    </>
  );
}

function AccountActions() {
  const { t } = useTranslation();
  const { session, current } = useSession();
  const navigate = useNavigate();
  if (!current) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Button component={Link} to="/sign-in" variant="default" size="xs">
          {t('app.signIn')}
        </Button>
        <Button component={Link} to="/sign-up" size="xs">
          {t('app.signUp')}
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" data-testid="signed-in-as">
        {t('app.signedInAs', { name: current.user.displayName })}
      </Text>
      <Anchor component={Link} to="/settings/account" size="sm">
        {t('accountSettings.menuLink')}
      </Anchor>
      <Button component={Link} to="/settings" variant="default" size="xs">
        {t('settings.nav')}
      </Button>
      <Button
        variant="default"
        size="xs"
        onClick={() => void session.signOut().then(() => navigate('/'))}
      >
        {t('app.signOut')}
      </Button>
    </Group>
  );
}
