import type { CombinedError } from '@urql/core';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { linkProblemOf, type LinkProblem } from './account-rules';

export type LinkState =
  | { status: 'working' }
  | { status: 'done' }
  | { status: 'failed'; problem: LinkProblem; error?: CombinedError };

// A link is single-use: the same token is sent once per page load, even when React runs the
// effect twice (StrictMode) or the page renders again.
const sent = new Map<string, Promise<{ error?: CombinedError }>>();

// Sends the `?token=` of an e-mailed link once, and says how it went.
export function useLinkToken(
  kind: string,
  send: (token: string) => Promise<{ error?: CombinedError }>,
  onDone?: () => void,
): LinkState {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<LinkState>(
    token ? { status: 'working' } : { status: 'failed', problem: 'invalid' },
  );
  useEffect(() => {
    if (!token) return;
    const key = `${kind}:${token}`;
    if (!sent.has(key)) sent.set(key, send(token));
    let live = true;
    void sent.get(key)!.then((result) => {
      if (!live) return;
      if (result.error) {
        setState({ status: 'failed', problem: linkProblemOf(result.error), error: result.error });
      } else {
        setState({ status: 'done' });
        onDone?.();
      }
    });
    return () => {
      live = false;
    };
    // The token is the only input that matters: send and onDone are new on each render.
  }, [kind, token]);
  return state;
}
