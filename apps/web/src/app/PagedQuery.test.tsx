import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { Provider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../auth/session';
import { SessionProvider } from '../auth/session-context';
import { createGraphQLClient } from '../graphql/client';
import { initI18n } from '../i18n/i18n';
import { ProjectSearchQuery } from '../projects/project-documents';
import { PagedQuery } from './PagedQuery';

initI18n('ja');

// One page of the search's connection: rows named after the request's page, so the test sees
// which page answered.
function page(label: string, hasNextPage: boolean) {
  return {
    data: {
      projects: {
        __typename: 'ProjectConnection',
        edges: [1, 2].map((n) => ({
          __typename: 'ProjectEdge',
          cursor: `${label}${n}`,
          node: {
            __typename: 'Project',
            id: `${label}-${n}`,
            title: `${label}${n}`,
            mode: 'ONSITE',
            startDate: null,
            endDate: null,
            hoursPerWeek: 4,
            interestCount: 0,
            interestedByMe: false,
            theme: { __typename: 'Theme', code: 'work', name: '仕事', nameEn: 'Work' },
            place: {
              __typename: 'Place',
              prefecture: {
                __typename: 'Prefecture',
                code: '01',
                name: '北海道',
                nameEn: 'Hokkaido',
              },
              municipality: null,
            },
            region: { __typename: 'Region', id: 'r', name: '地域' },
          },
        })),
        pageInfo: { __typename: 'PageInfo', endCursor: `${label}2`, hasNextPage },
      },
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('a paged query', () => {
  it('asks for the page after the last row, and starts again from the first when its variables change', async () => {
    const requests: Array<{ after: string | null; text: string | null }> = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => {
        const { variables } = JSON.parse(init.body as string) as {
          variables: { after: string | null; filter: { text?: string | null } };
        };
        const text = variables.filter.text ?? null;
        requests.push({ after: variables.after, text });
        const label = `${text ?? 'all'}-${variables.after ? 'next' : 'first'}-`;
        return Promise.resolve(
          new Response(JSON.stringify(page(label, !variables.after)), {
            headers: { 'content-type': 'application/json' },
          }),
        );
      }),
    );
    const session = new Session({
      renew: () => Promise.reject(new Error('signed out')),
      end: () => Promise.resolve(),
    });
    const { client, dispose } = createGraphQLClient(session);
    const wrap = (children: ReactNode) => (
      <MantineProvider>
        <MemoryRouter>
          <SessionProvider session={session}>
            <Provider value={client}>{children}</Provider>
          </SessionProvider>
        </MemoryRouter>
      </MantineProvider>
    );
    const list = (text: string | null) =>
      wrap(
        <PagedQuery
          query={ProjectSearchQuery}
          variables={{ filter: { text }, sort: 'NEWEST' }}
          pageSize={2}
          connection={(data) => data.projects}
          empty={<p>none</p>}
          moreLabel="more"
          keyOf={(project) => project.id}
        >
          {(project) => <span>{project.title}</span>}
        </PagedQuery>,
      );
    const { rerender } = render(list(null));
    await screen.findByText('all-first-1');
    fireEvent.click(screen.getByRole('button', { name: 'more' }));
    // The cache appends the next page below the first.
    await screen.findByText('all-next-1');
    expect(screen.getByText('all-first-2')).toBeInTheDocument();
    expect(requests).toEqual([
      { after: null, text: null },
      { after: 'all-first-2', text: null },
    ]);
    rerender(list('米'));
    await screen.findByText('米-first-1');
    expect(requests[2]).toEqual({ after: null, text: '米' });
    expect(screen.queryByText('米-next-1')).toBeNull();
    await waitFor(() => expect(requests).toHaveLength(3));
    dispose();
  }, 30_000);
});
