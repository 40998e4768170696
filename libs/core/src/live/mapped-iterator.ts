// A subscription's messages as the client sees them: each one mapped, and skipped when the map
// returns undefined. Ending the result (the client stops, or the socket closes) ends the source at
// once, even while it is waiting for the next message, which unsubscribes it.
export function mappedIterator<T, U>(
  source: AsyncIterator<T, unknown>,
  map: (value: T) => U | undefined,
): AsyncIterableIterator<U> {
  return {
    async next(): Promise<IteratorResult<U>> {
      for (;;) {
        const result = await source.next();
        if (result.done) return { done: true, value: undefined };
        const value = map(result.value);
        if (value !== undefined) return { done: false, value };
      }
    },
    async return(): Promise<IteratorResult<U>> {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown): Promise<IteratorResult<U>> {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
