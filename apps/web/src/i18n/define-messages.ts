// Replace every string of a nested object of strings by a string.
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

// One area's words in both languages: Japanese first, the default; English must have the same
// keys (its type says so). Each area keeps its own file, listed once in catalog.ts.
export function defineMessages<J extends object>(ja: J, en: Messages<J>) {
  return { ja, en };
}
