import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { DocumentNode, GraphQLSchema } from 'graphql';
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
  const costs = new OperationCosts();
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, operationName, request, contextValue }) {
          const requested = costs.of(schema, document, operationName, request.variables);
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

// Costs already counted, by document (Apollo hands the same parsed document to every request
// with the same text) and then by operation name and variables: a screen's query is priced
// once per page size rather than on every request.
export class OperationCosts {
  private byDocument = new WeakMap<DocumentNode, Map<string, number>>();
  private schema: GraphQLSchema | undefined;

  constructor(private readonly price: typeof operationCost = operationCost) {}

  of(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | undefined | null,
    variables: Record<string, unknown> | undefined | null,
  ): number {
    // A new schema (tests build several) prices everything anew.
    if (schema !== this.schema) {
      this.schema = schema;
      this.byDocument = new WeakMap();
    }
    const key = `${operationName ?? ''}\n${JSON.stringify(variables ?? {})}`;
    // Large inputs (a long text) are priced each time rather than kept.
    if (key.length > MAX_KEY_LENGTH) return this.price(schema, document, operationName, variables);
    let known = this.byDocument.get(document);
    if (!known) this.byDocument.set(document, (known = new Map<string, number>()));
    let cost = known.get(key);
    if (cost === undefined) {
      cost = this.price(schema, document, operationName, variables);
      // Variables vary without bound (search texts, ids): keep a document's last few only.
      if (known.size >= MAX_COSTS_PER_DOCUMENT) known.clear();
      known.set(key, cost);
    }
    return cost;
  }
}

const MAX_COSTS_PER_DOCUMENT = 64;
const MAX_KEY_LENGTH = 1_000;
