// A term as an (I)LIKE pattern that matches it anywhere, with LIKE's wildcards taken literally
// (backslash is PostgreSQL's default LIKE escape character).
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
