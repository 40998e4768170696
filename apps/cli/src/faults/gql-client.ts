// A GraphQL client for the fault harness. While a fault is being injected a call can fail in
// transit or with INTERNAL_SERVER_ERROR; the client tries again as a patient user would, and an
// answer that shows the first try had already worked (ALREADY_APPLIED, say) counts as success.

export interface GqlError {
  message: string;
  extensions?: { code?: string; reason?: string };
}

export class GqlFailure extends Error {
  constructor(
    readonly operation: string,
    readonly errors: GqlError[],
  ) {
    super(
      `${operation}: ${errors.map((e) => `${e.extensions?.code ?? '?'} ${e.message}`).join('; ')}`,
    );
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

const RETRY_DELAY_MS = 400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Transient while PostgreSQL or Redis restart (TRY_AGAIN: a pool or lock wait timed out);
// anything else is the answer.
function transient(errors: GqlError[]): boolean {
  return errors.some((e) =>
    ['INTERNAL_SERVER_ERROR', 'TRY_AGAIN', undefined].includes(e.extensions?.code),
  );
}

export class GqlClient {
  private next = 0;
  // Calls that needed more than one try.
  retried = 0;
  calls = 0;

  constructor(
    private readonly urls: readonly string[],
    private readonly patienceMs = 120_000,
  ) {}

  // Round robin over the API instances, as a load balancer would.
  async request<T = unknown>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    // An error that means an earlier try of this very call went through.
    alreadyDone?: (error: GqlFailure) => boolean,
  ): Promise<T> {
    const operation =
      /(?:query|mutation)\s*(?:\([^)]*\))?\s*\{\s*(\w+)/.exec(query)?.[1] ?? 'query';
    const deadline = Date.now() + this.patienceMs;
    this.calls++;
    for (let attempt = 1; ; attempt++) {
      const url = this.urls[this.next++ % this.urls.length];
      let errors: GqlError[];
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await response.json()) as { data?: T; errors?: GqlError[] };
        if (!body.errors?.length && body.data) {
          if (attempt > 1) this.retried++;
          return body.data;
        }
        errors = body.errors ?? [{ message: `HTTP ${response.status}` }];
      } catch (error) {
        errors = [{ message: (error as Error).message }];
      }
      const failure = new GqlFailure(operation, errors);
      if (attempt > 1 && alreadyDone?.(failure)) {
        this.retried++;
        return undefined as T;
      }
      if (!transient(errors) || Date.now() > deadline) throw failure;
      await sleep(RETRY_DELAY_MS);
    }
  }
}
