import { Button, Center, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props<Node> {
  edges: ReadonlyArray<{ node: Node }>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  // Whether the next page is on its way (the button shows it).
  fetching: boolean;
  // Asks for the page after this cursor; the cache appends it (relayPagination in client.ts).
  onMore: (cursor: string | null) => void;
  moreLabel: string;
  keyOf: (node: Node) => string;
  children: (node: Node) => ReactNode;
}

// A connection's rows as a list of cards, and "show more" while there is a next page.
export function PagedList<Node>({
  edges,
  pageInfo,
  fetching,
  onMore,
  moreLabel,
  keyOf,
  children,
}: Props<Node>) {
  return (
    <Stack>
      <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
        {edges.map(({ node }) => (
          <li key={keyOf(node)}>{children(node)}</li>
        ))}
      </Stack>
      {pageInfo.hasNextPage && (
        <Center>
          <Button
            variant="light"
            loading={fetching}
            onClick={() => onMore(pageInfo.endCursor ?? null)}
          >
            {moreLabel}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
