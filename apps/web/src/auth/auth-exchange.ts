import { type CombinedError, type Exchange, makeOperation, type Operation } from '@urql/core';
import { filter, makeSubject, map, merge, pipe } from 'wonka';
import type { Session } from './session';

// Every operation carries the session's access token. One the API refuses as UNAUTHENTICATED
// (the token expired while the tab slept, or was revoked) is held back, the session renewed
// once, and the operation sent again: with the new token, or with none if the session ended,
// which public queries still answer.
export function authExchange(session: Session): Exchange {
  return ({ forward }) =>
    (operations$) => {
      // Retries go straight back into this exchange's stream: the client would not dispatch
      // again an operation whose first result it never saw.
      const retries = makeSubject<Operation>();
      return pipe(
        forward(
          pipe(
            merge([operations$, retries.source]),
            map((operation) => withToken(operation, session)),
          ),
        ),
        filter((result) => {
          const { operation } = result;
          if (!isUnauthenticated(result.error) || operation.context.authRetried) return true;
          void session.renew().then(() => {
            retries.next(
              makeOperation(operation.kind, operation, { ...operation.context, authRetried: true }),
            );
          });
          return false;
        }),
      );
    };
}

function withToken(operation: Operation, session: Session): Operation {
  if (operation.kind === 'teardown') return operation;
  const given = operation.context.fetchOptions;
  const options = typeof given === 'function' ? given() : (given ?? {});
  // A retried operation still carries the refused token: it is replaced, or dropped.
  const headers = { ...(options.headers as Record<string, string> | undefined) };
  delete headers.authorization;
  const token = session.current?.accessToken;
  if (token) headers.authorization = `Bearer ${token}`;
  return makeOperation(operation.kind, operation, {
    ...operation.context,
    fetchOptions: { ...options, headers },
  });
}

export function isUnauthenticated(error: CombinedError | undefined): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}
