import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { validationError } from '@tsunagu/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

const PRIMITIVES: unknown[] = [String, Boolean, Number, Array, Object];

// Validates @Args() classes with class-validator and reports every problem with its field path
// (["input", "capacity"]) as BAD_USER_INPUT.
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    // Only GraphQL arguments ('body'); parents and custom parameters pass untouched.
    if (metadata.type !== 'body' || !metatype || PRIMITIVES.includes(metatype) || value == null) {
      return value;
    }
    const instance = plainToInstance(metatype, value) as object;
    const errors = await validate(instance, { whitelist: true, forbidUnknownValues: false });
    if (errors.length > 0) {
      throw validationError(errors, metadata.data ? [metadata.data] : []);
    }
    return instance;
  }
}
