import { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '@tsunagu/identity';
import type { Request } from 'express';

export interface GraphQLRequestContext {
  req: Request & { actor?: Actor };
}

export function requestOf(context: ExecutionContext): GraphQLRequestContext['req'] {
  return GqlExecutionContext.create(context).getContext<GraphQLRequestContext>().req;
}
