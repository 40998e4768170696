import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { AppConfig } from '@tsunagu/core';
import { ASTVisitor, GraphQLError, Kind, ValidationContext, ValidationRule } from 'graphql';

// One selection set naming the same field more often than this is a field duplication attack:
// GraphQL merges the copies, so they fetch nothing more, but checking that they can merge takes
// time that grows with the square of their number.
export const MAX_FIELD_REPEATS = 10;

export type OperationLimits = Pick<
  AppConfig,
  'GRAPHQL_MAX_DEPTH' | 'GRAPHQL_MAX_ALIASES' | 'GRAPHQL_MAX_DIRECTIVES'
>;

// The shape limits, as validation rules for Apollo and graphql-ws alike. They follow each fragment
// once, so fragment cycles (refused by graphql's own NoFragmentCyclesRule) cannot make them
// recurse for ever.
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  return [
    maxDepthRule({
      // The rule counts the top-level fields as depth 1; GRAPHQL_MAX_DEPTH counts them as 0.
      n: limits.GRAPHQL_MAX_DEPTH + 1,
      flattenFragments: true,
      exposeLimits: false,
      errorMessage: `Query exceeds maximum operation depth of ${limits.GRAPHQL_MAX_DEPTH}`,
      ...reported,
    }),
    maxAliasesRule({
      n: limits.GRAPHQL_MAX_ALIASES,
      exposeLimits: false,
      errorMessage: `Query has more than ${limits.GRAPHQL_MAX_ALIASES} aliases`,
      ...reported,
    }),
    maxDirectivesRule({
      n: limits.GRAPHQL_MAX_DIRECTIVES,
      exposeLimits: false,
      errorMessage: `Query has more than ${limits.GRAPHQL_MAX_DIRECTIVES} directives`,
      ...reported,
    }),
    fieldRepeatsRule,
  ];
}

function fieldRepeatsRule(context: ValidationContext): ASTVisitor {
  return {
    SelectionSet(node) {
      const counts = new Map<string, number>();
      for (const selection of node.selections) {
        if (selection.kind !== Kind.FIELD) continue;
        const key = (selection.alias ?? selection.name).value;
        const count = (counts.get(key) ?? 0) + 1;
        counts.set(key, count);
        if (count === MAX_FIELD_REPEATS + 1) {
          context.reportError(
            new GraphQLError(`Field "${key}" is repeated more than ${MAX_FIELD_REPEATS} times`, {
              nodes: selection,
            }),
          );
        }
      }
    },
  };
}

// By default the rules throw, which aborts validation with a 500; reported, a refusal is a
// validation error like any other (GRAPHQL_VALIDATION_FAILED, HTTP 400).
const reported = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
  ],
};
