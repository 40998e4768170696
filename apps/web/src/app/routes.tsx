import { createBrowserRouter, Navigate } from 'react-router';
import { SignInPage } from '../account/SignInPage';
import { SignUpPage } from '../account/SignUpPage';
import { ConversationPage } from '../conversations/ConversationPage';
import { InboxPage } from '../conversations/InboxPage';
import { InterestsPage } from '../interests/InterestsPage';
import { ProjectPage } from '../projects/ProjectPage';
import { ProjectSearchPage } from '../projects/ProjectSearchPage';
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
        { path: 'messages', element: <InboxPage /> },
        { path: 'messages/:id', element: <ConversationPage /> },
        { path: 'interests', element: <InterestsPage /> },
        { path: 'sign-in', element: <SignInPage /> },
        { path: 'sign-up', element: <SignUpPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
