import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
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

// One page of the search's connection: rows named after the request that answered.
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

// A platform answering the search a page at a time, numbering its answers so the test sees which
// request each row came from, and the list rendered against it.
function pagedSearch(answered: (text: string | null) => Promise<void> = () => Promise.resolve()) {
  const requests: Array<{ after: string | null; text: string | null }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const { variables } = JSON.parse(init.body as string) as {
        variables: { after: string | null; filter: { text?: string | null } };
      };
      const text = variables.filter.text ?? null;
      requests.push({ after: variables.after, text });
      const label = `${text ?? 'all'}-${variables.after ? 'next' : 'first'}${requests.length}-`;
      await answered(text);
      return new Response(JSON.stringify(page(label, !variables.after)), {
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  const session = new Session({
    renew: () => Promise.reject(new Error('signed out')),
    end: () => Promise.resolve(),
  });
  const { client, dispose } = createGraphQLClient(session);
  const list = (text: string | null, reloadToken?: number, onRows?: (count: number) => void) => (
    <MantineProvider>
      <MemoryRouter>
        <SessionProvider session={session}>
          <Provider value={client}>
            <PagedQuery
              query={ProjectSearchQuery}
              variables={{ filter: { text }, sort: 'NEWEST' }}
              pageSize={2}
              connection={(data) => data.projects}
              empty={<p>none</p>}
              moreLabel="more"
              keyOf={(project) => project.id}
              reloadToken={reloadToken}
              onRows={onRows}
            >
              {(project) => <span>{project.title}</span>}
            </PagedQuery>
          </Provider>
        </SessionProvider>
      </MemoryRouter>
    </MantineProvider>
  );
  return { requests, list, dispose };
}

describe('a paged query', () => {
  it('asks for the page after the last row, and starts again from the first when its variables change', async () => {
    const { requests, list, dispose } = pagedSearch();
    const { rerender } = render(list(null));
    await screen.findByText('all-first1-1');
    fireEvent.click(screen.getByRole('button', { name: 'more' }));
    // The cache appends the next page below the first.
    await screen.findByText('all-next2-1');
    expect(screen.getByText('all-first1-2')).toBeInTheDocument();
    expect(requests).toEqual([
      { after: null, text: null },
      { after: 'all-first1-2', text: null },
    ]);
    rerender(list('米'));
    await screen.findByText('米-first3-1');
    expect(requests[2]).toEqual({ after: null, text: '米' });
    expect(screen.queryByText('米-next4-1')).toBeNull();
    await waitFor(() => expect(requests).toHaveLength(3));
    dispose();
  }, 30_000);

  it('asks the network for the first page again when the page says the list changed', async () => {
    const { requests, list, dispose } = pagedSearch();
    const { rerender } = render(list(null, 0));
    await screen.findByText('all-first1-1');
    fireEvent.click(screen.getByRole('button', { name: 'more' }));
    await screen.findByText('all-next2-1');
    // A row was created: the cache cannot know where it goes, the network does.
    rerender(list(null, 1));
    await waitFor(() => expect(requests[2]).toEqual({ after: null, text: null }));
    await screen.findByText('all-first3-1');
    expect(screen.queryByText('all-first1-1')).toBeNull();
    dispose();
  }, 30_000);

  it("tells its rows only for its own variables, not the last variables' rows while it asks", async () => {
    let release!: () => void;
    const later = new Promise<void>((resolve) => (release = resolve));
    const { list, dispose } = pagedSearch((text) => (text === '米' ? later : Promise.resolve()));
    const whole = vi.fn();
    const { rerender } = render(list(null, 0, whole));
    await screen.findByText('all-first1-1');
    expect(whole).toHaveBeenLastCalledWith(2);
    // A page that counts rows per search hands a new callback with the new variables.
    const searched = vi.fn();
    rerender(list('米', 0, searched));
    // While the search is on its way, the list still holds the whole list's rows.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(searched).not.toHaveBeenCalled();
    release();
    await screen.findByText('米-first2-1');
    await waitFor(() => expect(searched).toHaveBeenCalledWith(2));
    dispose();
  }, 30_000);
});
