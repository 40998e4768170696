// The one rule for text coming from clients (every String and ID value, every argument and input
// field, nested or in lists):
// - refused: NUL, lone UTF-16 surrogates, and the other C0/C1 control characters and DEL; tab, line
//   feed and carriage return are allowed, in any field;
// - normalised before validation and storage: line breaks to \n, Unicode NFC, trimmed (JavaScript's
//   trim: Unicode white space, the ideographic space U+3000 included). Length rules therefore count
//   what is stored, and 12 spaces are an empty string;
// - secrets (@Secret(): passwords, tokens) are refused by the same characters but never normalised:
//   they must match byte for byte.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Why a client's string is refused, or null when it is acceptable.
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (no lone surrogates)';
  if (CONTROL.test(value)) return 'must not contain control characters';
  return null;
}

export function normaliseText(value: string): string {
  return value.replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

const SECRET_FIELDS = Symbol('secretFields');

type WithSecrets = { [SECRET_FIELDS]?: Set<string> };

// Marks an input field compared byte for byte (a password, a token): it is not normalised.
export function Secret(): PropertyDecorator {
  return (target, property) => {
    const owner = target as WithSecrets;
    // A copy per class, so a subclass's secrets do not leak into its parent.
    const inherited = owner[SECRET_FIELDS];
    const own = Object.prototype.hasOwnProperty.call(owner, SECRET_FIELDS)
      ? inherited!
      : new Set(inherited);
    own.add(String(property));
    Object.defineProperty(owner, SECRET_FIELDS, { value: own, configurable: true });
  };
}

export function isSecretField(instance: object, property: string): boolean {
  return (instance as WithSecrets)[SECRET_FIELDS]?.has(property) ?? false;
}

// Normalises every string of an input, in place: fields of input classes and plain objects,
// nested inputs and lists, skipping fields marked @Secret().
export function normaliseInput<T>(value: T): T {
  if (typeof value === 'string') return normaliseText(value) as T;
  if (Array.isArray(value)) {
    const list = value as unknown[];
    list.forEach((item, i) => (list[i] = normaliseInput(item)));
    return value;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!isSecretField(record, key)) record[key] = normaliseInput(record[key]);
    }
  }
  return value;
}
