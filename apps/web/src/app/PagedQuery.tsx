import type { TypedDocumentNode } from '@urql/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useQuery, type RequestPolicy } from 'urql';
import { ErrorState, LoadingState } from './page-states';
import { PagedList } from './PagedList';

interface Connection<Node> {
  edges: ReadonlyArray<{ node: Node }>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

interface PageVariables {
  first?: number | null;
  after?: string | null;
}

interface Props<Data, Variables extends PageVariables, Node> {
  query: TypedDocumentNode<Data, Variables>;
  // The query's variables but its page: `first` and `after` are this component's.
  variables: Omit<Variables, 'first' | 'after'>;
  pageSize: number;
  // Lists that change under the reader ask the network each visit; a search may use the cache.
  requestPolicy?: RequestPolicy;
  connection: (data: Data) => Connection<Node>;
  // Shown when the connection has no row at all.
  empty: ReactNode;
  // Above a non-empty list: a count, a filter… given every row loaded so far.
  header?: (edges: Connection<Node>['edges']) => ReactNode;
  // Narrows the loaded rows on the page (a short list's status filter); `filteredEmpty` when none
  // is left.
  filter?: (node: Node) => boolean;
  filteredEmpty?: ReactNode;
  moreLabel: string;
  keyOf: (node: Node) => string;
  // A row, with the whole answer for what the query asks beside the connection.
  children: (node: Node, data: Data) => ReactNode;
  // Changed by the page after a change the cache cannot place in the list (a row created): the
  // list starts again from its first page, asked from the network.
  reloadToken?: number;
  // Told how many rows are loaded each time an answer arrives (a page shows a search only when
  // there is something to search).
  onRows?: (count: number) => void;
}

// A relay connection read a page at a time, with the loading, error and empty states every list
// shows the same way. "Show more" asks for the page after the last one and the cache appends it
// (relayPagination in client.ts); other variables start again from the first page.
export function PagedQuery<Data, Variables extends PageVariables, Node>({
  query,
  variables,
  pageSize,
  requestPolicy = 'cache-and-network',
  connection,
  empty,
  header,
  filter,
  filteredEmpty,
  moreLabel,
  keyOf,
  children,
  reloadToken = 0,
  onRows,
}: Props<Data, Variables, Node>) {
  const rest = JSON.stringify([variables, reloadToken]);
  const [page, setPage] = useState<{ rest: string; after: string | null }>({ rest, after: null });
  const after = page.rest === rest ? page.after : null;
  const [{ data, fetching, error }, reexecute] = useQuery<Data, Variables>({
    query,
    variables: { ...variables, first: pageSize, after } as Variables,
    requestPolicy,
  });
  const reloadedFor = useRef(reloadToken);
  useEffect(() => {
    if (reloadedFor.current === reloadToken) return;
    reloadedFor.current = reloadToken;
    reexecute({ requestPolicy: 'network-only' });
  }, [reloadToken, reexecute]);
  // Told once the answer is for these variables: while new ones are asked, urql keeps the last
  // variables' rows on screen, and their count would say nothing of the new list.
  const rows = data && !fetching ? connection(data).edges.length : undefined;
  useEffect(() => {
    if (rows !== undefined) onRows?.(rows);
  }, [rows, onRows]);
  if (error && !data)
    return (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  if (!data) return <LoadingState />;
  const { edges, pageInfo } = connection(data);
  if (edges.length === 0) return <>{empty}</>;
  const shown = filter ? edges.filter((edge) => filter(edge.node)) : edges;
  return (
    <>
      {header?.(edges)}
      {shown.length === 0 ? (
        filteredEmpty
      ) : (
        <PagedList
          edges={shown}
          pageInfo={pageInfo}
          fetching={fetching}
          onMore={(cursor) => setPage({ rest, after: cursor })}
          moreLabel={moreLabel}
          keyOf={keyOf}
        >
          {(node) => children(node, data)}
        </PagedList>
      )}
    </>
  );
}
