import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID } from '@nestjs/graphql';
import { AppError } from '@tsunagu/core';
import { IsOptional, IsUUID } from 'class-validator';

export const APPLICATION_ID_DEPRECATION = 'Use engagementId: an application is an engagement.';

// Which engagement an operation is about: engagementId, or the applicationId it replaced (still
// accepted, deprecated). Exactly one is given; engagementIdOf checks it.
export interface EngagementReference {
  engagementId?: string | null;
  applicationId?: string | null;
}

// The two fields, for inputs and arguments alike. Declared on each input rather than inherited:
// @nestjs/graphql 14 drops the deprecation of input fields inherited from a parent class.
export const EngagementIdField = () =>
  applyDecorators(
    Field(() => ID, { nullable: true }),
    IsOptional(),
    IsUUID('4', { message: 'must be an engagement id' }),
  );

export const ApplicationIdField = () =>
  applyDecorators(
    Field(() => ID, { nullable: true, deprecationReason: APPLICATION_ID_DEPRECATION }),
    IsOptional(),
    IsUUID('4', { message: 'must be an engagement id' }),
  );

// The reference as the arguments of a query about one engagement.
@ArgsType()
export class EngagementReferenceArgs implements EngagementReference {
  @EngagementIdField()
  engagementId?: string | null;

  @ApplicationIdField()
  applicationId?: string | null;
}

// The engagement id of a reference, or BAD_USER_INPUT on engagementId (at `path`, e.g. ["input"])
// when neither or both are given.
export function engagementIdOf(reference: EngagementReference, path: string[] = []): string {
  const { engagementId, applicationId } = reference;
  if (engagementId && applicationId) {
    throw AppError.invalidField(
      [...path, 'engagementId'],
      'give engagementId or the deprecated applicationId, not both',
    );
  }
  const id = engagementId ?? applicationId;
  if (!id) throw AppError.invalidField([...path, 'engagementId'], 'is required');
  return id;
}

// An input with its reference resolved: what the engagement services take.
export function withEngagementId<T extends EngagementReference>(
  input: T,
  path: string[] = ['input'],
): Omit<T, 'engagementId' | 'applicationId'> & { engagementId: string } {
  const rest: Partial<T> = { ...input };
  delete rest.engagementId;
  delete rest.applicationId;
  return {
    ...(rest as Omit<T, 'engagementId' | 'applicationId'>),
    engagementId: engagementIdOf(input, path),
  };
}
