import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Provider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../auth/session-context';
import { Session } from '../auth/session';
import { createGraphQLClient } from '../graphql/client';
import { initI18n } from '../i18n/i18n';
import { searchFormOf } from './project-filter';
import { ProjectResults } from './ProjectResults';

initI18n('ja');

function project(n: number) {
  return {
    __typename: 'Project',
    id: `00000000-0000-4000-8000-00000000000${n}`,
    title: `プロジェクト${n}`,
    mode: 'ONSITE',
    startDate: '2027-04-01',
    endDate: '2027-09-30',
    hoursPerWeek: 4,
    interestCount: n,
    interestedByMe: n === 1,
    theme: { __typename: 'Theme', code: 'agriculture', name: '農業', nameEn: 'Agriculture' },
    place: {
      __typename: 'Place',
      prefecture: { __typename: 'Prefecture', code: '01', name: '北海道', nameEn: 'Hokkaido' },
      municipality: {
        __typename: 'Municipality',
        code: '01234',
        name: '美幌町',
        nameEn: 'Bihoro Town',
      },
    },
    region: { __typename: 'Region', id: `r${n}`, name: `地域${n}` },
  };
}

const searchAnswer = {
  data: {
    projects: {
      __typename: 'ProjectConnection',
      edges: [1, 2, 3].map((n) => ({
        __typename: 'ProjectEdge',
        cursor: `c${n}`,
        node: project(n),
      })),
      pageInfo: { __typename: 'PageInfo', endCursor: 'c3', hasNextPage: false },
    },
  },
};

afterEach(() => vi.unstubAllGlobals());

describe('the search results', () => {
  it("ask the API once, the cards' 興味あり state included", async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify(searchAnswer), {
          headers: { 'content-type': 'application/json' },
        }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const session = new Session({
      renew: () =>
        Promise.resolve({
          accessToken: 'token',
          expiresAt: Date.now() + 3_600_000,
          user: { id: 'u1', displayName: '参加者', locale: 'ja' },
        }),
      end: () => Promise.resolve(),
    });
    await session.start('refresh');
    const { client, dispose } = createGraphQLClient(session);
    render(
      <MantineProvider>
        <MemoryRouter>
          <SessionProvider session={session}>
            <Provider value={client}>
              <ProjectResults form={searchFormOf(new URLSearchParams())} />
            </Provider>
          </SessionProvider>
        </MemoryRouter>
      </MantineProvider>,
    );
    const marked = await screen.findByRole('button', { name: /プロジェクト1/ });
    expect(marked).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: /プロジェクト2/ })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    // Any request of a card would have gone out by now.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    dispose();
    await session.signOut();
  });
});
