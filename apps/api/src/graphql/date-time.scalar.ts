import { GraphQLScalarType, Kind } from 'graphql';

// RFC 3339 date-time with an offset: 2027-04-01T10:00:00+09:00, 2027-04-01T01:00:00.000Z.
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

// A timestamp as sent, or an Invalid Date when it is malformed or names a day or time that does
// not exist. JavaScript's own parser rolls 2027-02-30 over to 2 March, so the calendar fields are
// checked here; an Invalid Date is then refused by the input's @IsDate() with the field's path.
export function parseTimestamp(value: unknown): Date {
  const match = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  if (!match) return new Date(NaN);
  const [year, month, day, hour, minute, second = '0', offsetHours = '0', offsetMinutes = '0'] =
    match.slice(1);
  const calendar = new Date(Date.UTC(+year, +month - 1, +day));
  const exists =
    calendar.getUTCFullYear() === +year &&
    calendar.getUTCMonth() === +month - 1 &&
    calendar.getUTCDate() === +day &&
    +hour < 24 &&
    +minute < 60 &&
    +second < 60 &&
    +offsetHours < 24 &&
    +offsetMinutes < 60;
  return exists ? new Date(value as string) : new Date(NaN);
}

// Nest's DateTime, parsed strictly (same name and description, so the schema is unchanged).
export const StrictDateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description:
    'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  parseValue: parseTimestamp,
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseTimestamp(ast.value) : null),
});
