import { validateSync } from 'class-validator';
import { RequiredText } from './required-text';
import { normaliseInput } from './text';

class Note {
  @RequiredText(5)
  title!: string;

  @RequiredText(10, 3)
  body!: string;
}

// As the API's pipe does: normalise, then validate.
function problems(title: string, body: string): Record<string, string[]> {
  const note = normaliseInput(Object.assign(new Note(), { title, body }));
  return Object.fromEntries(
    validateSync(note).map((e) => [e.property, Object.values(e.constraints ?? {})]),
  );
}

describe('RequiredText', () => {
  it('accepts text within its length once trimmed', () => {
    expect(problems('  題名  ', '  本文です  ')).toEqual({});
  });

  it('refuses white space alone, the ideographic space included', () => {
    expect(problems(' \u3000\t\n ', '   本文です   ')).toEqual({ title: ['must not be empty'] });
  });

  it('counts what is stored: trimmed, and composed characters once', () => {
    expect(problems('Cafe\u0301 ', 'abc')).toEqual({});
    expect(problems('toolong', '  ab  ')).toEqual({
      title: ['must be at most 5 characters'],
      body: ['must be 3 to 10 characters'],
    });
  });
});
