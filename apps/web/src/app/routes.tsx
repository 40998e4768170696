import { createBrowserRouter, Navigate } from 'react-router';
import { AccountDeletedPage, AccountSettingsPage } from '../account/AccountSettingsPage';
import { ConfirmEmailPage, VerifyEmailPage } from '../account/LinkPages';
import { ForgotPasswordPage, ResetPasswordPage } from '../account/PasswordPages';
import { SignInPage } from '../account/SignInPage';
import { SignUpPage } from '../account/SignUpPage';
import { EngagementPage } from '../engagements/EngagementPage';
import { MyEngagementsPage } from '../engagements/MyEngagementsPage';
import { RelationshipsPage } from '../engagements/RelationshipsPage';
import { InterestsPage } from '../interests/InterestsPage';
import { ProjectPage } from '../projects/ProjectPage';
import { ProjectSearchPage } from '../projects/ProjectSearchPage';
import { ScoutOffersPage } from '../scouting/ScoutOffersPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';

export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      children: [
        { index: true, element: <Navigate to="/projects" replace /> },
        { path: 'projects', element: <ProjectSearchPage /> },
        { path: 'projects/:id', element: <ProjectPage /> },
        { path: 'engagements', element: <MyEngagementsPage /> },
        { path: 'engagements/:id', element: <EngagementPage /> },
        { path: 'scout-offers', element: <ScoutOffersPage /> },
        { path: 'relationships', element: <RelationshipsPage /> },
        { path: 'interests', element: <InterestsPage /> },
        { path: 'sign-in', element: <SignInPage /> },
        { path: 'sign-up', element: <SignUpPage /> },
        { path: 'verify-email', element: <VerifyEmailPage /> },
        { path: 'confirm-email', element: <ConfirmEmailPage /> },
        { path: 'forgot-password', element: <ForgotPasswordPage /> },
        { path: 'reset-password', element: <ResetPasswordPage /> },
        { path: 'settings/account', element: <AccountSettingsPage /> },
        { path: 'account-deleted', element: <AccountDeletedPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
