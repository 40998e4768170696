import {
  DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLSchema,
  isLeafType,
  isListType,
} from 'graphql';
import { ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';

// A list without a `first` argument is counted as this many items.
export const DEFAULT_LIST_SIZE = 10;
// A mutation's own work (a transaction, events) on top of the objects it returns.
export const MUTATION_FIELD_COST = 10;

export interface OperationCost {
  requested: number;
  maximum: number;
}

// The cost model, one field at a time (child cost already summed by the library):
// - a field returning an object (or a list of objects) costs 1, a scalar or enum 0;
// - a top-level mutation field costs MUTATION_FIELD_COST more;
// - a field with a `first` argument (a connection page) counts its selection `first` times, and
//   the `edges`/`nodes` lists inside a connection then count once;
// - any other list counts its selection DEFAULT_LIST_SIZE times.
export function fieldCost({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const own = isLeafType(getNamedType(field.type)) ? 0 : 1;
  const mutation = type.name === 'Mutation' ? MUTATION_FIELD_COST : 0;
  return itemsCounted(type.name, field.type, args) * (own + childComplexity) + mutation;
}

function itemsCounted(
  parentType: string,
  fieldType: ComplexityEstimatorArgs['field']['type'],
  args: Record<string, unknown>,
): number {
  // Negative or fractional pages are refused by the resolvers' own validation; count them as 0.
  if (typeof args.first === 'number') return Math.max(0, Math.ceil(args.first));
  if (!isListType(getNullableType(fieldType))) return 1;
  return parentType.endsWith('Connection') ? 1 : DEFAULT_LIST_SIZE;
}

// The cost of the operation that will run, with variables and schema defaults applied. Call it
// on a validated document only: validation is what refuses fragment cycles.
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined | null,
  variables: Record<string, unknown> | undefined | null,
): number {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [fieldCost],
      maxQueryNodes: MAX_FIELDS_EVALUATED,
    });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    // Fragments spread into fragments multiply a short document into more fields than are worth
    // counting: too costly by any measure.
    if (/maximum allowed number of nodes/.test(error.message)) return Number.POSITIVE_INFINITY;
    // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT before
    // any resolver runs, so the operation costs nothing.
    return 0;
  }
}

// Fields the estimate walks (fragments counted at each spread) before giving up.
const MAX_FIELDS_EVALUATED = 10_000;

export function tooCostlyError({ requested, maximum }: OperationCost): GraphQLError {
  const found = Number.isFinite(requested)
    ? `${requested}`
    : `beyond ${MAX_FIELDS_EVALUATED} fields`;
  return new GraphQLError(
    `Query cost ${found} exceeds the maximum of ${maximum}: ask for fewer items (first) or fewer fields`,
    {
      extensions: {
        code: 'QUERY_TOO_COSTLY',
        cost: costExtension({ requested, maximum }),
        // Over HTTP a refusal of the request as sent, not a failure of ours (Apollo's default 500).
        http: { status: 400 },
      },
    },
  );
}

// What clients see in `extensions.cost`; an unbounded estimate shows as null.
export function costExtension({ requested, maximum }: OperationCost): {
  requested: number | null;
  maximum: number;
} {
  return { requested: Number.isFinite(requested) ? requested : null, maximum };
}
