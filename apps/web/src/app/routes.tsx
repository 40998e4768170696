import { createBrowserRouter, Navigate } from 'react-router';
import { SignInPage } from '../account/SignInPage';
import { SignUpPage } from '../account/SignUpPage';
import { InterestsPage } from '../interests/InterestsPage';
import { ProjectPage } from '../projects/ProjectPage';
import { ProjectSearchPage } from '../projects/ProjectSearchPage';
import { ProfilePage } from '../profile/ProfilePage';
import { RecommendationsPage } from '../recommendations/RecommendationsPage';
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
        { path: 'interests', element: <InterestsPage /> },
        { path: 'profile', element: <ProfilePage /> },
        { path: 'recommendations', element: <RecommendationsPage /> },
        { path: 'sign-in', element: <SignInPage /> },
        { path: 'sign-up', element: <SignUpPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
