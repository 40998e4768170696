import type { ApolloDriverConfig } from '@nestjs/apollo';
import { costExtension, operationCost, tooCostlyError } from './operation-cost';

// What the cost plugin leaves on the GraphQL context for plugins that run after it.
export interface CostedContext {
  operationCost?: number;
}

// Apollo's plugin type as Nest's driver config names it (its ESM build; importing
// @apollo/server here would give the CommonJS one, which TypeScript holds to be another type).
type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

// Prices every operation once, when Apollo knows which one will run and with which variables,
// and refuses it before any resolver runs when it costs more than the maximum. The cost is set
// on the context synchronously, so a plugin listed after this one (a rate limiter charging by
// cost) reads `contextValue.operationCost` in its own didResolveOperation. Clients see the cost
// in `extensions.cost` of every response.
export function operationCostPlugin(maximum: number): ApolloPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, operationName, request, contextValue }) {
          const requested = operationCost(schema, document, operationName, request.variables);
          (contextValue as CostedContext).operationCost = requested;
          if (requested > maximum) return Promise.reject(tooCostlyError({ requested, maximum }));
          return Promise.resolve();
        },
        willSendResponse({ response, contextValue }) {
          const requested = (contextValue as CostedContext).operationCost;
          if (requested !== undefined && response.body.kind === 'single') {
            const result = response.body.singleResult;
            result.extensions = {
              ...result.extensions,
              cost: costExtension({ requested, maximum }),
            };
          }
          return Promise.resolve();
        },
      });
    },
  };
}
