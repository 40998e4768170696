import type { ApolloDriverConfig } from '@nestjs/apollo';
import { AppError, OperationClient, OperationRateLimiter } from '@tsunagu/core';
import type { Actor, TokenService } from '@tsunagu/identity';
import { GraphQLError } from 'graphql';
import { bearerToken, verifiedUserId } from '../auth/authentication.guard';
import type { GraphQLRequest, GraphQLRequestContext } from '../auth/request-context';
import type { CostedContext } from './operation-cost.plugin';

// The request, and the operation's cost that the query-cost plugin left for this one.
type CostedRequestContext = CostedContext & GraphQLRequestContext;

// Apollo's plugin type as @nestjs/apollo sees it (its ESM build; the CommonJS one differs).
type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

// Spends each HTTP operation's cost from its user's and its address's budgets before it runs.
// Apollo calls every plugin's didResolveOperation at once (Promise.all), in plugin order: this
// one reads the cost before its first await, so it must come after the plugin that sets it, and
// that plugin must set it before its own first await. Over the limit the request is answered
// 429 with Retry-After (from TooManyRequestsError's extensions.http) and nothing runs.
export function rateLimitPlugin(limiter: OperationRateLimiter, tokens: TokenService): ApolloPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        async didResolveOperation({ contextValue }) {
          const context = contextValue as CostedRequestContext;
          const cost = context.operationCost;
          await limiter.spend(clientOf(context.req, tokens), cost);
        },
      });
    },
  };
}

// The guard authenticates later, when fields resolve; here the token only names whose budget
// pays. An invalid token pays from the address's budget alone (the guard then refuses it).
function clientOf(req: GraphQLRequest, tokens: TokenService): OperationClient {
  const token = req.headers.authorization && bearerToken(req.headers.authorization);
  let userId: string | undefined;
  try {
    userId = token ? verifiedUserId(req, token, tokens) : undefined;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
  return { userId, address: req.ip };
}

// graphql-ws: each subscribe spends one point from its user's budget (a socket has no address
// that honours TRUST_PROXY). Undefined when the subscription may start.
export async function limitSubscription(
  limiter: OperationRateLimiter,
  actor: Actor | undefined,
): Promise<GraphQLError[] | undefined> {
  try {
    await limiter.spend({ userId: actor?.userId }, 1);
    return undefined;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return [new GraphQLError(error.message, { originalError: error })];
  }
}
