import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode } from '@tsunagu/core';
import { ActorService, PolicyService, TokenService } from '@tsunagu/identity';
import type { NextFunction, Request, Response } from 'express';
import { AttemptLimiter } from './queue-dashboard-attempt-limiter';
import { credentialsOf } from './queue-dashboard-credentials';
import { DashboardPasswordCheck } from './queue-dashboard-password-check';

// Makes browsers show their sign-in prompt; they then resend the credentials with every request
// under the dashboard's path (page, assets and its API calls alike).
export const DASHBOARD_CHALLENGE = 'Basic realm="Tsunagu operators", charset="UTF-8"';

interface Refusal {
  status: 401 | 403 | 429;
  message: string;
  retryAfterSeconds?: number;
}

const UNAUTHENTICATED: Refusal = { status: 401, message: 'Sign in as a platform admin' };
const FORBIDDEN: Refusal = { status: 403, message: 'Only platform admins may open this page' };

// The API's AuthenticationGuard covers GraphQL only, so the queue dashboard (plain Express) has
// this one in front of it: platform admins only, by access token or by e-mail and password.
@Injectable()
export class QueueDashboardGuard {
  private readonly attempts = new AttemptLimiter();

  constructor(
    private readonly tokens: TokenService,
    private readonly actors: ActorService,
    private readonly policy: PolicyService,
    private readonly passwords: DashboardPasswordCheck,
  ) {}

  // Express middleware; a property so it can be handed to Express without losing `this`.
  readonly middleware = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    let refusal: Refusal | undefined;
    try {
      refusal = await this.refusalFor(req);
    } catch (error) {
      next(error);
      return;
    }
    if (!refusal) {
      next();
      return;
    }
    if (refusal.status === 401) res.setHeader('WWW-Authenticate', DASHBOARD_CHALLENGE);
    if (refusal.retryAfterSeconds) res.setHeader('Retry-After', String(refusal.retryAfterSeconds));
    res.status(refusal.status).type('text/plain').send(refusal.message);
  };

  private async refusalFor(req: Request): Promise<Refusal | undefined> {
    const userId = await this.userIdFor(req);
    if (typeof userId !== 'string') return userId;
    try {
      const actor = await this.actors.load(userId);
      return this.policy.isPlatformAdmin(actor) ? undefined : FORBIDDEN;
    } catch (error) {
      return refusalOf(error);
    }
  }

  private async userIdFor(req: Request): Promise<string | Refusal> {
    const credentials = credentialsOf(req.headers.authorization);
    switch (credentials.kind) {
      case 'none':
      case 'malformed':
        return UNAUTHENTICATED;
      case 'bearer':
        try {
          return this.tokens.verifyAccessToken(credentials.token);
        } catch (error) {
          return refusalOf(error);
        }
      case 'basic': {
        const { email, password } = credentials;
        // Already proven correct, so not an attempt: an admin who is signed in keeps working
        // while someone else behind the same address is locked out.
        const recalled = this.passwords.recall(email, password);
        if (recalled) return recalled;
        const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
        const waitMs = this.attempts.take(client);
        if (waitMs > 0) {
          return {
            status: 429,
            message: 'Too many failed sign-ins; try again later',
            retryAfterSeconds: Math.ceil(waitMs / 1000),
          };
        }
        const userId = await this.passwords.verify(email, password);
        if (!userId) return UNAUTHENTICATED;
        this.attempts.refund(client);
        return userId;
      }
    }
  }
}

// Expired or forged tokens and deleted accounts are a 401; anything else is a real failure.
function refusalOf(error: unknown): Refusal {
  if (error instanceof AppError && error.code === ErrorCode.UNAUTHENTICATED) return UNAUTHENTICATED;
  throw error;
}
