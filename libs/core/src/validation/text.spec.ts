import { isSecretField, normaliseInput, normaliseText, Secret, textProblem } from './text';

describe('textProblem', () => {
  it.each([
    ['plain text', 'Hello, 世界'],
    ['tabs and line breaks', 'line one\n\tline two\r\nthree'],
    ['emoji (a surrogate pair)', 'みかん 🍊'],
    ['combining marks and RTL text', 'e\u0301 שלום'],
    ['an empty string', ''],
  ])('accepts %s', (_what, value) => {
    expect(textProblem(value)).toBeNull();
  });

  it.each([
    ['NUL', 'a\u0000b', 'NUL'],
    ['a lone high surrogate', '\ud800', 'surrogate'],
    ['a lone low surrogate', 'x\udc00y', 'surrogate'],
    ['a reversed pair', '\udc00\ud800', 'surrogate'],
    ['a bell (C0)', 'a\u0007b', 'control'],
    ['an escape (C0)', '\u001b[31m', 'control'],
    ['a vertical tab', 'a\u000bb', 'control'],
    ['DEL', 'a\u007fb', 'control'],
    ['a C1 control', 'a\u0085b', 'control'],
  ])('refuses %s', (_what, value, word) => {
    expect(textProblem(value)).toContain(word);
  });
});

describe('normaliseText', () => {
  it('trims Unicode white space, the ideographic space included', () => {
    expect(normaliseText('  \u3000 名前 \t\n')).toBe('名前');
    expect(normaliseText('            ')).toBe('');
  });

  it('composes to NFC, so lengths count what is stored', () => {
    const decomposed = 'Cafe\u0301';

    expect(normaliseText(decomposed)).toBe('Café');
    expect(normaliseText(decomposed)).toHaveLength(4);
    expect(normaliseText('\u30cf\u309a')).toBe('パ');
  });

  it('writes every line break as \\n', () => {
    expect(normaliseText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });
});

class Inner {
  note?: string;
}

class Credentials {
  email?: string;
  @Secret()
  password?: string;
  inner?: Inner;
  tags?: string[];
}

class MoreCredentials extends Credentials {
  @Secret()
  token?: string;
}

describe('normaliseInput', () => {
  it('normalises every string of an input, nested and in lists, but not secrets', () => {
    const input = Object.assign(new Credentials(), {
      email: '  a@example.jp ',
      password: '  pass word  ',
      inner: Object.assign(new Inner(), { note: ' n ' }),
      tags: [' x ', 'y\r\n'],
    });

    normaliseInput(input);

    expect(input).toEqual({
      email: 'a@example.jp',
      password: '  pass word  ',
      inner: { note: 'n' },
      tags: ['x', 'y'],
    });
  });

  it('normalises plain objects and bare strings too', () => {
    expect(normaliseInput({ a: [{ b: ' c ' }] })).toEqual({ a: [{ b: 'c' }] });
    expect(normaliseInput(' bare ')).toBe('bare');
  });

  it('keeps secrets per class: a subclass adds to them, its parent does not see them', () => {
    const more = new MoreCredentials();

    expect(isSecretField(more, 'password')).toBe(true);
    expect(isSecretField(more, 'token')).toBe(true);
    expect(isSecretField(new Credentials(), 'token')).toBe(false);
    expect(isSecretField(new Credentials(), 'email')).toBe(false);
  });
});
