import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '@tsunagu/core';
import { ActorService, TokenService } from '@tsunagu/identity';
import { IS_PUBLIC } from './public.decorator';
import { requestOf } from './request-context';

// Global guard: every operation requires a valid access token unless marked @Public(). A token
// that is present but invalid is rejected even on public operations, so clients learn it expired.
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly actors: ActorService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    // Subscriptions carry no headers: their socket's actor was set when it connected.
    const req = requestOf(context);
    const header = req.headers.authorization;
    if (header) {
      const token = bearerToken(header);
      if (!token) throw AppError.unauthenticated('Authorization header must be "Bearer <token>"');
      // Field resolvers run the guard again; load the actor once per request.
      req.actor ??= await this.actors.load(this.tokens.verifyAccessToken(token));
    }
    if (!isPublic && !req.actor) throw AppError.unauthenticated();
    return true;
  }
}

// The token in an "Authorization: Bearer <token>" value, from an HTTP header or graphql-ws
// connectionParams; undefined when the value has another shape.
export function bearerToken(authorization: string): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
}
