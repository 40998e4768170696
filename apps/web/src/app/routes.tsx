import { CouncilApplicationsPage } from '../council/CouncilApplicationsPage';
import { CouncilMemberPage } from '../council/CouncilMemberPage';
import { CouncilPage } from '../council/CouncilPage';
import { CouncilWorkspacePage } from '../council/CouncilWorkspacePage';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AccountDeletedPage, AccountSettingsPage } from '../account/AccountSettingsPage';
import { ActivityDaysPage } from '../activity-days/ActivityDaysPage';
import { DeliveriesPage } from '../admin/DeliveriesPage';
import { OrganizationPage } from '../admin/OrganizationPage';
import { OrganizationsPage } from '../admin/OrganizationsPage';
import { SkillsPage } from '../admin/SkillsPage';
import { ConfirmEmailPage, VerifyEmailPage } from '../account/LinkPages';
import { CohortPage } from '../cohorts/CohortPage';
import { CohortsPage } from '../cohorts/CohortsPage';
import { MyCohortsPage } from '../cohorts/MyCohortsPage';
import { RankingPage } from '../cohorts/RankingPage';
import { CompanyProgramsPage } from '../company/CompanyProgramsPage';
import { EmployeesPage } from '../company/EmployeesPage';
import { ImpactPage } from '../company/ImpactPage';
import { TeamsPage } from '../company/TeamsPage';
import { ForgotPasswordPage, ResetPasswordPage } from '../account/PasswordPages';
import { SignInPage } from '../account/SignInPage';
import { SignUpPage } from '../account/SignUpPage';
import { ConversationPage } from '../conversations/ConversationPage';
import { EngagementPage } from '../engagements/EngagementPage';
import { EventPage } from '../events/EventPage';
import { EditEventPage, NewEventPage } from '../events/EventFormPage';
import { EventsPage } from '../events/EventsPage';
import { ManageEventPage } from '../events/ManageEventPage';
import { ManageEventsPage } from '../events/ManageEventsPage';
import { MyEventsPage } from '../events/MyEventsPage';
import { InboxPage } from '../conversations/InboxPage';
import { MyEngagementsPage } from '../engagements/MyEngagementsPage';
import { RelationshipsPage } from '../engagements/RelationshipsPage';
import { ConsentPage } from '../guardians/ConsentPage';
import { InterestsPage } from '../interests/InterestsPage';
import { AdminMentorsPage } from '../mentoring/AdminMentorsPage';
import { CouncilMentoringPage } from '../mentoring/CouncilMentoringPage';
import { MentorDeskPage } from '../mentoring/MentorDeskPage';
import { OrganizationMentoringPage } from '../mentoring/OrganizationMentoringPage';
import { NotificationsPage } from '../notifications/NotificationsPage';
import { OrganizationHomePage } from '../organization/OrganizationHomePage';
import { ProjectPeoplePage } from '../people/ProjectPeoplePage';
import { StaffEngagementPage } from '../people/StaffEngagementPage';
import { ProjectPage } from '../projects/ProjectPage';
import { ProjectSearchPage } from '../projects/ProjectSearchPage';
import { NotificationPreferencesPage } from '../settings/NotificationPreferencesPage';
import { ProfilePage } from '../profile/ProfilePage';
import { EditProjectPage, NewProjectPage } from '../region/ProjectFormPage';
import { ProjectOverviewPage } from '../region/ProjectOverviewPage';
import { RegionProjectsPage } from '../region/RegionProjectsPage';
import { RegionProfileEditPage } from '../region-profile/RegionProfileEditPage';
import { RegionPublicPage } from '../region-profile/RegionPublicPage';
import { RecommendationsPage } from '../recommendations/RecommendationsPage';
import { ReviewProjectPage } from '../review/ReviewProjectPage';
import { ReviewQueuePage } from '../review/ReviewQueuePage';
import { ScoutOffersPage } from '../scouting/ScoutOffersPage';
import { SettingsPage } from '../settings/SettingsPage';
import { ProgramsPage } from '../supervision/ProgramsPage';
import { SupervisionPage } from '../supervision/SupervisionPage';
import { WorkspaceHome, WorkspaceLayout, WorkspaceOverview } from '../workspace/WorkspaceLayout';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { LoadingState } from './page-states';

// Reports draw charts with ECharts: loaded with the page, not with the app.
const ReportsPage = lazy(() => import('../reports/ReportsPage'));
const ProgramReportPage = lazy(() => import('../reports/ProgramReportPage'));

export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      children: [
        { index: true, element: <Navigate to="/projects" replace /> },
        { path: 'projects', element: <ProjectSearchPage /> },
        { path: 'projects/:id', element: <ProjectPage /> },
        { path: 'regions/:id', element: <RegionPublicPage /> },
        { path: 'events', element: <EventsPage /> },
        { path: 'events/mine', element: <MyEventsPage /> },
        { path: 'events/:eventId', element: <EventPage /> },
        { path: 'council', element: <CouncilPage /> },
        { path: 'council/:orgId', element: <CouncilMemberPage /> },
        { path: 'engagements', element: <MyEngagementsPage /> },
        { path: 'engagements/:id', element: <EngagementPage /> },
        { path: 'scout-offers', element: <ScoutOffersPage /> },
        // E-mails about an offer link to it by id; the list shows every offer.
        { path: 'scout-offers/:id', element: <ScoutOffersPage /> },
        { path: 'relationships', element: <RelationshipsPage /> },
        { path: 'cohorts', element: <MyCohortsPage /> },
        { path: 'cohorts/:id', element: <RankingPage /> },
        { path: 'messages', element: <InboxPage /> },
        { path: 'messages/:id', element: <ConversationPage /> },
        { path: 'interests', element: <InterestsPage /> },
        { path: 'council/mentoring', element: <CouncilMentoringPage /> },
        { path: 'mentoring', element: <MentorDeskPage /> },
        { path: 'profile', element: <ProfilePage /> },
        { path: 'recommendations', element: <RecommendationsPage /> },
        { path: 'sign-in', element: <SignInPage /> },
        { path: 'sign-up', element: <SignUpPage /> },
        { path: 'verify-email', element: <VerifyEmailPage /> },
        // A guardian's consent link (e-mailed; no sign-in).
        { path: 'consent/:token', element: <ConsentPage /> },
        { path: 'confirm-email', element: <ConfirmEmailPage /> },
        { path: 'forgot-password', element: <ForgotPasswordPage /> },
        { path: 'reset-password', element: <ResetPasswordPage /> },
        { path: 'settings/account', element: <AccountSettingsPage /> },
        { path: 'account-deleted', element: <AccountDeletedPage /> },
        { path: 'notifications', element: <NotificationsPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: 'settings/notifications', element: <NotificationPreferencesPage /> },
        { path: 'manage', element: <WorkspaceHome /> },
        {
          // Each organisation's workspace; areas add their pages as children (see
          // workspace/workspace-sections.ts).
          path: 'manage/:orgId',
          element: <WorkspaceLayout />,
          children: [
            { index: true, element: <WorkspaceOverview /> },
            { path: 'organization', element: <OrganizationHomePage /> },
            { path: 'projects/:projectId/people', element: <ProjectPeoplePage /> },
            { path: 'projects/:projectId/activity-days', element: <ActivityDaysPage /> },
            { path: 'engagements/:engagementId', element: <StaffEngagementPage /> },
            { path: 'projects', element: <RegionProjectsPage /> },
            { path: 'projects/new', element: <NewProjectPage /> },
            { path: 'projects/:projectId', element: <ProjectOverviewPage /> },
            { path: 'projects/:projectId/edit', element: <EditProjectPage /> },
            { path: 'profile', element: <RegionProfileEditPage /> },
            { path: 'review', element: <ReviewQueuePage /> },
            { path: 'review/:projectId', element: <ReviewProjectPage /> },
            {
              path: 'reports',
              element: (
                <Suspense fallback={<LoadingState />}>
                  <ReportsPage />
                </Suspense>
              ),
            },
            { path: 'supervision', element: <SupervisionPage /> },
            { path: 'programs', element: <ProgramsPage /> },
            {
              path: 'programs/:programId/report',
              element: (
                <Suspense fallback={<LoadingState />}>
                  <ProgramReportPage />
                </Suspense>
              ),
            },
            { path: 'events', element: <ManageEventsPage /> },
            { path: 'events/new', element: <NewEventPage /> },
            { path: 'events/:eventId', element: <ManageEventPage /> },
            { path: 'events/:eventId/edit', element: <EditEventPage /> },
            { path: 'cohorts', element: <CohortsPage /> },
            { path: 'cohorts/:cohortId', element: <CohortPage /> },
            { path: 'company/employees', element: <EmployeesPage /> },
            { path: 'company/programs', element: <CompanyProgramsPage /> },
            { path: 'company/teams', element: <TeamsPage /> },
            { path: 'company/impact', element: <ImpactPage /> },
            { path: 'admin/organizations', element: <OrganizationsPage /> },
            { path: 'admin/organizations/:organizationId', element: <OrganizationPage /> },
            { path: 'admin/skills', element: <SkillsPage /> },
            { path: 'admin/deliveries', element: <DeliveriesPage /> },
            { path: 'admin/council', element: <CouncilApplicationsPage /> },
            { path: 'council', element: <CouncilWorkspacePage /> },
            { path: 'admin/mentors', element: <AdminMentorsPage /> },
            { path: 'mentoring', element: <OrganizationMentoringPage /> },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
