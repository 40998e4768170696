import { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '@tsunagu/identity';
import type { IncomingHttpHeaders } from 'node:http';
import type { RequestLoaders } from '../graphql/data-loaders';

// What the guard and @CurrentActor() read as "the request". Over HTTP it is Express's request,
// whose Authorization header the guard turns into the actor. A graphql-ws socket has no request
// per operation: its connectionParams were verified once, when it connected, and its operations
// get that actor and no headers, so the guard has nothing left to read.
export interface GraphQLRequest {
  headers: IncomingHttpHeaders;
  // The client's address over HTTP (Express's req.ip, which honours TRUST_PROXY).
  ip?: string;
  actor?: Actor;
  // The actor being loaded, shared by the root fields' guards (they all start before it is in).
  actorLoad?: Promise<Actor>;
  // The bearer token once verified, and whose it is: the rate-limit plugin verifies it first,
  // then the guard reads it here rather than checking the signature again.
  verifiedToken?: { token: string; userId: string };
}

export interface GraphQLRequestContext {
  req: GraphQLRequest;
  loaders: RequestLoaders;
}

export function requestOf(context: ExecutionContext): GraphQLRequest {
  return GqlExecutionContext.create(context).getContext<GraphQLRequestContext>().req;
}

// The request of an operation on a graphql-ws socket; onConnect refuses sockets without an actor.
export function socketRequest(actor: Actor | undefined): GraphQLRequest {
  return { headers: {}, actor };
}
