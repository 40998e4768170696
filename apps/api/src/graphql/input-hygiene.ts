import type { ApolloDriverConfig } from '@nestjs/apollo';
import { AppError, FieldProblem, isUuid, textProblem } from '@tsunagu/core';
import {
  DocumentNode,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  Kind,
  SelectionSetNode,
} from 'graphql';

// Every argument value of an operation checked against its GraphQL type before anything runs:
// every ID is a uuid, every String/ID passes the text rule (@tsunagu/core textProblem) and every
// number is finite. Driven by the schema, so a new argument or input field is covered without
// anyone remembering it. Normalising (trim, NFC) is the input pipe's part.
export function inputProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): FieldProblem[] {
  const operation = getOperationAST(document, operationName);
  if (!operation) return [];
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    rawVariables ?? {},
  );
  // Variables of the wrong type: graphql-js reports them itself when the operation runs.
  if (coerced.errors) return [];
  const variables = coerced.coerced;
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
  const problems: FieldProblem[] = [];
  const seenFragments = new Set<string>();

  const walk = (selectionSet: SelectionSetNode, parentTypeName: string): void => {
    const parentType = schema.getType(parentTypeName);
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        // Each fragment once: enough to see its arguments, and cycles cannot loop.
        if (!fragment || seenFragments.has(fragment.name.value)) continue;
        seenFragments.add(fragment.name.value);
        walk(fragment.selectionSet, fragment.typeCondition.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition?.name.value ?? parentTypeName);
      } else if (isObjectType(parentType) || isInterfaceType(parentType)) {
        const field = parentType.getFields()[selection.name.value];
        if (!field) continue;
        let args: Record<string, unknown> = {};
        try {
          args = getArgumentValues(field, selection, variables);
        } catch {
          // Reported by graphql-js when the field resolves.
        }
        for (const arg of field.args) {
          if (args[arg.name] !== undefined) check(arg.type, args[arg.name], [arg.name], problems);
        }
        if (selection.selectionSet) walk(selection.selectionSet, getNamedType(field.type).name);
      }
    }
  };
  walk(operation.selectionSet, schema.getRootType(operation.operation)?.name ?? '');
  return problems;
}

function check(type: GraphQLInputType, value: unknown, path: string[], out: FieldProblem[]): void {
  if (value == null) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) {
      value.forEach((item, i) => check(nullable.ofType, item, [...path, String(i)], out));
    }
  } else if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      if (fields[name]) check(fields[name].type, item, [...path, name], out);
    }
  } else if (isScalarType(nullable) && typeof value === 'number') {
    // graphql-js checks variables, but reads a Float literal such as 1e999 as Infinity.
    if (!Number.isFinite(value)) out.push({ path, message: 'must be a finite number' });
  } else if (isScalarType(nullable) && typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) out.push({ path, message: problem });
    else if (nullable.name === 'ID' && !isUuid(value)) {
      out.push({ path, message: 'must be a valid id' });
    }
  }
}

// The problems as one BAD_USER_INPUT error (HTTP 400, as for variables of the wrong type).
export function inputHygieneError(problems: FieldProblem[]): GraphQLError {
  const error = AppError.invalidFields(problems);
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, http: { status: 400 } },
  });
}

// Over HTTP: the check runs once the operation is known, before any resolver or guard.
// Typed through the driver's config: @nestjs/apollo sees Apollo's ESM declarations.
type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

export const inputHygienePlugin: ApolloPlugin = {
  requestDidStart() {
    return Promise.resolve({
      // Rejects rather than throws: Apollo gathers every plugin's hook with Promise.all, and a
      // synchronous throw would leave the rate limiter's promise with nobody to catch it.
      didResolveOperation({ schema, document, operationName, request }) {
        const problems = inputProblems(schema, document, operationName, request.variables);
        return problems.length > 0
          ? Promise.reject(inputHygieneError(problems))
          : Promise.resolve();
      },
    });
  },
};
