import { AppError, ErrorCode, OperationRateLimiter, TooManyRequestsError } from '@tsunagu/core';
import { Actor, ActorService, TokenService } from '@tsunagu/identity';
import type { Request, Response } from 'express';
import { bearerToken } from '../auth/authentication.guard';

// The HTTP status of a refusal, as GraphQL clients read the code in the body.
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.TRY_AGAIN]: 503,
};

// The signed-in actor of a file download (HTTP rather than GraphQL so the browser saves a file),
// authenticated by the access token like /graphql — the global guard covers GraphQL only — and
// charged `cost` against the same rate limit.
export async function downloadActor(
  req: Request,
  deps: { tokens: TokenService; actors: ActorService; limiter: OperationRateLimiter },
  cost: number,
): Promise<Actor> {
  const token = bearerToken(req.headers.authorization ?? '');
  if (!token) throw AppError.unauthenticated();
  const actor = await deps.actors.load(deps.tokens.verifyAccessToken(token));
  await deps.limiter.spend({ userId: actor.userId, address: req.ip }, cost);
  return actor;
}

// A refusal as the GraphQL body would carry it (code and field paths), with its HTTP status;
// anything else is rethrown for Nest's own handling, so no internal error reaches the client.
export function sendRefusal(res: Response, error: unknown): void {
  if (!(error instanceof AppError)) throw error;
  // Retry-After and the like, as GraphQL answers carry them.
  if (error instanceof TooManyRequestsError) {
    for (const [name, value] of error.extensions.http.headers) res.setHeader(name, value);
  }
  const status = HTTP_STATUS[error.code] ?? 400;
  const fields = error.fields.length > 0 ? { fields: error.fields } : {};
  res
    .status(status)
    .json({ errors: [{ message: error.message, extensions: { code: error.code, ...fields } }] });
}
