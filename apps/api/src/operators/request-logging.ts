import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { Level } from 'pino';
import { AppConfig } from '@tsunagu/core';

export const REQUEST_ID_HEADER = 'x-request-id';

// Secrets never reach a log line: credentials in headers, and password/token fields wherever a
// body or object is logged (one and two levels deep).
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...['password', 'currentPassword', 'newPassword', 'token', 'accessToken', 'refreshToken'].flatMap(
    (field) => [field, `*.${field}`, `*.*.${field}`],
  ),
];

const PINO_LEVELS: Record<AppConfig['LOG_LEVEL'], Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

// A client's id is kept only when it looks like an id, so a header cannot inject log content.
const CLIENT_REQUEST_ID = /^[\w.:-]{1,128}$/;

export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

// One JSON line per log call; inside a request every line carries its reqId.
export function requestLoggingParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: PINO_LEVELS[config.LOG_LEVEL],
      genReqId: requestIdOf,
      quietReqLogger: true,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    },
  };
}
