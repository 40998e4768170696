import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError } from '@tsunagu/core';
import {
  Actor,
  ActorService,
  OrganizationKind,
  PolicyService,
  TokenService,
} from '@tsunagu/identity';
import { authorisationsOf, Role } from './authorisation';
import { type GraphQLRequest, requestOf } from './request-context';

const ROLE_NAMES: Record<Role, string> = {
  [Role.PLATFORM_ADMIN]: 'platform admins',
  [Role.REGION_STAFF]: 'region staff',
  [Role.INTERMEDIARY_STAFF]: 'intermediary staff',
};

// Global guard: every operation requires a valid access token unless declared @Public(), and
// the roles its @Allow() names. A token that is present but invalid is rejected even on public
// operations, so clients learn it expired. The boot check (AuthorisationCheck) makes sure every
// operation declares exactly one of these.
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly actors: ActorService,
    private readonly policy: PolicyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const declared = authorisationsOf(context.getHandler());
    // Subscriptions carry no headers: their socket's actor was set when it connected.
    const req = requestOf(context);
    const header = req.headers.authorization;
    if (header) {
      const token = bearerToken(header);
      if (!token) throw AppError.unauthenticated('Authorization header must be "Bearer <token>"');
      // Each root field of an operation runs the guard, all before the first load is in: they
      // share one load of the actor per request, and so resume together (a request's
      // DataLoaders then batch across its root fields, as the report screens' KPI aliases).
      if (!req.actor) {
        req.actorLoad ??= this.actors.load(verifiedUserId(req, token, this.tokens));
        req.actor = await req.actorLoad;
      }
    }
    // The boot check refuses to start with such a handler; never let one through regardless.
    if (declared.length !== 1) throw AppError.forbidden();
    const [authorisation] = declared;
    if (authorisation.kind === 'public') return true;
    if (!req.actor) throw AppError.unauthenticated();
    if (
      authorisation.kind === 'allow' &&
      !authorisation.roles.some((r) => this.has(req.actor!, r))
    ) {
      const operation = GqlExecutionContext.create(context).getInfo<{ fieldName: string }>()
        .fieldName;
      const who = authorisation.roles.map((r) => ROLE_NAMES[r]).join(' or ');
      throw AppError.forbidden(`Only ${who} may use ${operation}`);
    }
    return true;
  }

  private has(actor: Actor, role: Role): boolean {
    switch (role) {
      case Role.PLATFORM_ADMIN:
        return this.policy.isPlatformAdmin(actor);
      case Role.REGION_STAFF:
        return this.policy.isStaffOf(actor, OrganizationKind.REGION);
      case Role.INTERMEDIARY_STAFF:
        return this.policy.isStaffOf(actor, OrganizationKind.INTERMEDIARY);
    }
  }
}

// The token in an "Authorization: Bearer <token>" value, from an HTTP header or graphql-ws
// connectionParams; undefined when the value has another shape.
export function bearerToken(authorization: string): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
}

// The user the request's token names, its signature checked once per request; throws
// UNAUTHENTICATED as TokenService.verifyAccessToken does.
export function verifiedUserId(req: GraphQLRequest, token: string, tokens: TokenService): string {
  if (req.verifiedToken?.token !== token) {
    req.verifiedToken = { token, userId: tokens.verifyAccessToken(token) };
  }
  return req.verifiedToken.userId;
}
