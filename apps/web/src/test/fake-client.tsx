import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { Client } from '@urql/core';
import { print, type DocumentNode } from 'graphql';
import type { ReactNode } from 'react';
import { Provider } from 'urql';
import { vi } from 'vitest';
import { fromValue } from 'wonka';

// A client that answers by operation name, recording the variables it was asked with.
export function fakeClient(answer: (name: string, variables: Record<string, unknown>) => object) {
  const asked: Array<{ name: string; variables: Record<string, unknown> }> = [];
  const nameOf = (query: DocumentNode) => /(query|mutation) (\w+)/.exec(print(query))?.[2] ?? '';
  const run = (request: { query: DocumentNode; variables?: Record<string, unknown> }) => {
    const name = nameOf(request.query);
    const variables = request.variables ?? {};
    asked.push({ name, variables });
    return { data: answer(name, variables) };
  };
  const client = {
    executeQuery: vi.fn((request: { query: DocumentNode; variables?: Record<string, unknown> }) =>
      fromValue(run(request)),
    ),
    query: vi.fn((query: DocumentNode, variables: Record<string, unknown>) => ({
      toPromise: () => Promise.resolve(run({ query, variables })),
    })),
  } as unknown as Client;
  return { client, asked };
}

export function renderWith(client: Client, ui: ReactNode) {
  return render(
    // env="test": no transitions or portals, so options appear at once and in the tree.
    <MantineProvider env="test">
      <Provider value={client}>{ui}</Provider>
    </MantineProvider>,
  );
}
