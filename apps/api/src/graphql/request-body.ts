import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

// Express's default, kept: a legitimate operation is a few kilobytes.
export const BODY_LIMIT = '100kb';

// body-parser's errors carry the HTTP status and a `type` naming what went wrong.
interface BodyParserError {
  type?: unknown;
  status?: unknown;
}

// Body parsing for every route, with its refusals in the shape GraphQL clients read (`errors`
// with `extensions.code`) rather than Express's or Nest's. Call before the app initialises, so
// the handler sits right after the parsers and sees their errors only.
export function useRequestBodies(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: true });
  app.use(bodyErrorHandler);
}

export function bodyErrorHandler(
  error: BodyParserError,
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  if (typeof error?.type !== 'string' || typeof error.status !== 'number') return next(error);
  const [status, code, message] = refusalOf(error.type, error.status);
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

function refusalOf(type: string, status: number): [number, string, string] {
  if (status === 413) {
    return [413, 'PAYLOAD_TOO_LARGE', `Request body is larger than the limit of ${BODY_LIMIT}`];
  }
  if (type === 'entity.parse.failed') return [400, 'BAD_REQUEST', 'Request body is not valid JSON'];
  if (status === 415) return [415, 'BAD_REQUEST', 'Request body encoding is not supported'];
  return [400, 'BAD_REQUEST', 'Request body could not be read'];
}
