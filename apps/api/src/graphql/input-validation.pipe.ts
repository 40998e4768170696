import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { normaliseInput, validationError } from '@tsunagu/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

const PRIMITIVES: unknown[] = [String, Boolean, Number, Array, Object];

// Normalises every string of an argument by the text rule (@tsunagu/core normaliseInput: NFC,
// line breaks, trimmed; @Secret() fields untouched), then validates @Args() classes with
// class-validator, so length rules count what is stored, and reports every problem with its field
// path (["input", "capacity"]) as BAD_USER_INPUT. Refused characters and malformed ids never get
// here: the input hygiene check over the whole operation stops them first.
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    // Only GraphQL arguments ('body'); parents and custom parameters pass untouched.
    if (metadata.type !== 'body') return value;
    // An optional argument sent as an explicit null means the same as leaving it out, so code
    // that reads `args.x ?? default` or `x !== undefined` never meets a null it did not expect;
    // a left-out optional input object has nothing to validate.
    if (value === null || value === undefined) return undefined;
    if (!metatype || PRIMITIVES.includes(metatype)) return normaliseInput(value);
    const args = metadata.data === undefined ? withoutNulls(value) : value;
    const instance = normaliseInput(plainToInstance(metatype, args) as object);
    const errors = await validate(instance, { whitelist: true, forbidUnknownValues: false });
    if (errors.length > 0) {
      throw validationError(errors, metadata.data ? [metadata.data] : []);
    }
    return instance;
  }
}

// The arguments of an @ArgsType() class arrive as one object: its nulls are left-out arguments.
// (Inside an input object a null can mean "clear this", so those are left to the input class.)
function withoutNulls(value: unknown): unknown {
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as object).filter(([, v]) => v !== null));
}
