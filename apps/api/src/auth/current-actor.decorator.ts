import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AppError } from '@tsunagu/core';
import type { Actor } from '@tsunagu/identity';
import { requestOf } from './request-context';

// The signed-in actor; guarded operations always have one.
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = requestOf(context).actor;
  if (!actor) throw AppError.unauthenticated();
  return actor;
});

// For public operations that behave differently when someone is signed in.
export const OptionalActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor | undefined => requestOf(context).actor,
);

// The client's address (behind a trusted proxy, the one it forwarded); none over a socket.
export const ClientAddress = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined => requestOf(context).ip,
);
