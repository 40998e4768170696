import type { ValidationError } from 'class-validator';
import { AppError, FieldProblem } from './app-error';

// Flattens class-validator's nested errors into field paths rooted at the argument name.
export function flattenValidationErrors(errors: ValidationError[], root: string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const path = [...root, error.property];
    for (const message of Object.values(error.constraints ?? {})) {
      problems.push({ path, message });
    }
    if (error.children?.length) problems.push(...flattenValidationErrors(error.children, path));
  }
  return problems;
}

export function validationError(errors: ValidationError[], root: string[]): AppError {
  return AppError.invalidFields(flattenValidationErrors(errors, root));
}
