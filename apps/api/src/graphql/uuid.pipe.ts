import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppError } from '@tsunagu/core';
import { isUUID } from 'class-validator';

// For bare ID arguments: a malformed id is the client's mistake, not a database error.
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUUID(value)) throw AppError.invalidField([metadata.data ?? 'id'], 'must be a valid id');
    return value;
  }
}
