import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { formErrorsOf } from './form-errors';

const t = ((key: string) => `t:${key}`) as unknown as TFunction;
const FIELDS = ['email', 'password', 'displayName'] as const;

function apiError(...errors: Array<{ message: string; extensions: Record<string, unknown> }>) {
  return new CombinedError({
    graphQLErrors: errors.map((e) => new GraphQLError(e.message, { extensions: e.extensions })),
  });
}

describe('API errors onto form fields', () => {
  it('puts each extensions.fields problem under the field its path names', () => {
    const error = apiError({
      message: 'Invalid input',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [
          { path: ['input', 'email'], message: 'must be a valid e-mail address' },
          { path: ['input', 'password'], message: 'must be at least 10 characters' },
        ],
      },
    });
    expect(formErrorsOf(error, FIELDS, t)).toEqual({
      fields: {
        email: 'must be a valid e-mail address',
        password: 'must be at least 10 characters',
      },
    });
  });

  it('shows a problem on a field the form lacks as the form message', () => {
    const error = apiError({
      message: 'locale: must be "ja" or "en"',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'locale'], message: 'x' }] },
    });
    expect(formErrorsOf(error, FIELDS, t)).toEqual({
      fields: {},
      form: 'locale: must be "ja" or "en"',
    });
  });

  it('never shows an internal error, nor an unknown code, as the API wrote it', () => {
    const error = apiError(
      { message: 'relation "user" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      { message: 'stack at line 3', extensions: {} },
    );
    expect(formErrorsOf(error, FIELDS, t)).toEqual({ fields: {}, form: 't:errors.generic' });
  });

  it("uses the form's own words for a reason or a code, on a field or on the form", () => {
    const conflict = apiError({
      message: 'An account with this e-mail address already exists',
      extensions: { code: 'CONFLICT', reason: 'ALREADY_EXISTS' },
    });
    expect(
      formErrorsOf(conflict, FIELDS, t, { ALREADY_EXISTS: { field: 'email', message: 'taken' } }),
    ).toEqual({ fields: { email: 'taken' } });
    const refused = apiError({ message: 'Wrong', extensions: { code: 'UNAUTHENTICATED' } });
    expect(formErrorsOf(refused, FIELDS, t, { UNAUTHENTICATED: { message: 'no' } })).toEqual({
      fields: {},
      form: 'no',
    });
  });

  it('says when the server cannot be reached, and when it throttles', () => {
    expect(
      formErrorsOf(new CombinedError({ networkError: new Error('fetch failed') }), FIELDS, t),
    ).toEqual({
      fields: {},
      form: 't:errors.network',
    });
    const throttled = apiError({ message: 'Too many', extensions: { code: 'TOO_MANY_REQUESTS' } });
    expect(formErrorsOf(throttled, FIELDS, t).form).toBe('t:errors.tooManyAttempts');
  });
});
