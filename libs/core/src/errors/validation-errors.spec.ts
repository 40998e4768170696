import { IsInt, IsString, Min, MinLength, ValidateNested, validateSync } from 'class-validator';
import { AppError, ErrorCode } from './app-error';
import { flattenValidationErrors, validationError } from './validation-errors';

class ChildInput {
  @IsString()
  @MinLength(1)
  name!: string;
}

class ProjectInput {
  @IsInt()
  @Min(1)
  capacity!: number;

  @ValidateNested()
  child!: ChildInput;
}

function validate(capacity: unknown, childName: unknown) {
  const input = new ProjectInput();
  input.capacity = capacity as number;
  input.child = Object.assign(new ChildInput(), { name: childName });
  return validateSync(input);
}

describe('flattenValidationErrors', () => {
  it('gives nothing for valid input', () => {
    expect(flattenValidationErrors(validate(3, 'Bihoro'), ['input'])).toEqual([]);
  });

  it('roots top-level field paths at the argument name', () => {
    const problems = flattenValidationErrors(validate(0, 'Bihoro'), ['input']);

    expect(problems).toEqual([
      { path: ['input', 'capacity'], message: 'capacity must not be less than 1' },
    ]);
  });

  it('follows nested errors down to the child field', () => {
    const problems = flattenValidationErrors(validate(3, ''), ['input']);

    expect(problems).toEqual([
      { path: ['input', 'child', 'name'], message: expect.stringContaining('name') },
    ]);
  });

  it('gives one problem per failed constraint, each with the same path', () => {
    const problems = flattenValidationErrors(validate('many', 42), ['input']);

    const paths = problems.map((p) => p.path.join('.'));
    // 'many' fails @IsInt and @Min; 42 fails @IsString and @MinLength.
    expect(paths).toEqual([
      'input.capacity',
      'input.capacity',
      'input.child.name',
      'input.child.name',
    ]);
    expect(new Set(problems.map((p) => p.message)).size).toBe(4);
  });
});

describe('validationError', () => {
  it('is a BAD_USER_INPUT AppError listing every failing path', () => {
    const error = validationError(validate(0, ''), ['input']);

    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.fields.map((f) => f.path)).toEqual([
      ['input', 'capacity'],
      ['input', 'child', 'name'],
    ]);
    expect(error.message).toMatch(/^Invalid input: /);
    expect(error.message).toContain('input.capacity: capacity must not be less than 1');
    expect(error.message).toContain('input.child.name: ');
  });
});
