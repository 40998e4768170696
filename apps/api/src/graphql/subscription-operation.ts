import {
  DocumentNode,
  ExecutionArgs,
  getOperationAST,
  GraphQLError,
  GraphQLSchema,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  ValidationRule,
} from 'graphql';
import { SubscribePayload } from 'graphql-ws';
import { inputHygieneError, inputProblems } from './input-hygiene';
import { operationCost, tooCostlyError } from './operation-cost';

export interface SubscriptionLimits {
  validationRules: ValidationRule[];
  maxTokens: number;
  maxCost: number;
}

// Parses, validates and prices as Apollo does over HTTP (the same limits), and serves only
// subscriptions: queries and mutations keep to POST /graphql, with its request logs.
export function prepareSubscription(
  schema: GraphQLSchema,
  payload: SubscribePayload,
  limits: SubscriptionLimits,
): ExecutionArgs | GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: limits.maxTokens });
  } catch (error) {
    return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
  }
  const invalid = validate(schema, document, [...specifiedRules, ...limits.validationRules]);
  if (invalid.length > 0) return invalid.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
  const requested = operationCost(schema, document, payload.operationName, payload.variables);
  if (requested > limits.maxCost) return [tooCostlyError({ requested, maximum: limits.maxCost })];
  const operation = getOperationAST(document, payload.operationName);
  if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) {
    return [
      new GraphQLError(
        'Only subscriptions are served over WebSocket; send queries and mutations to POST /graphql',
        { extensions: { code: 'BAD_REQUEST' } },
      ),
    ];
  }
  const problems = inputProblems(schema, document, payload.operationName, payload.variables);
  if (problems.length > 0) return [inputHygieneError(problems)];
  return {
    schema,
    document,
    operationName: payload.operationName,
    variableValues: payload.variables,
  };
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { code },
  });
}
