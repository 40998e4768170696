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
    const req = requestOf(context);
    const header = req.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw AppError.unauthenticated('Authorization header must be "Bearer <token>"');
      // Field resolvers run the guard again; load the actor once per request.
      req.actor ??= await this.actors.load(this.tokens.verifyAccessToken(match[1]));
    }
    if (!isPublic && !req.actor) throw AppError.unauthenticated();
    return true;
  }
}
