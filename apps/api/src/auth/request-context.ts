import { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '@tsunagu/identity';
import type { Request } from 'express';
import type { RequestLoaders } from '../graphql/data-loaders';

export interface GraphQLRequestContext {
  req: Request & { actor?: Actor };
  loaders: RequestLoaders;
}

export function requestOf(context: ExecutionContext): GraphQLRequestContext['req'] {
  return GqlExecutionContext.create(context).getContext<GraphQLRequestContext>().req;
}
