import { MantineProvider } from '@mantine/core';
import { type ReactNode, useEffect, useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { Provider as GraphQLProvider } from 'urql';
import type { Session } from '../auth/session';
import { SessionProvider, useSession } from '../auth/session-context';
import { createGraphQLClient } from '../graphql/client';
import { DatesLocale } from '../i18n/DatesLocale';
import { createRouter } from './routes';
import { cssVariablesResolver, theme } from './theme';

export function App({ session }: { session: Session }) {
  const router = useMemo(createRouter, []);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <DatesLocale>
        <SessionProvider session={session}>
          <PersonalGraphQLClient>
            <RouterProvider router={router} />
          </PersonalGraphQLClient>
        </SessionProvider>
      </DatesLocale>
    </MantineProvider>
  );
}

// A fresh client (and cache, and socket) whenever the signed-in person changes.
function PersonalGraphQLClient({ children }: { children: ReactNode }) {
  const { session, current } = useSession();
  const userId = current?.user.id;
  const { client, dispose } = useMemo(() => createGraphQLClient(session), [session, userId]);
  useEffect(() => dispose, [dispose]);
  return <GraphQLProvider value={client}>{children}</GraphQLProvider>;
}
