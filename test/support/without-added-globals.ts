// Runs `run` and then deletes every property it added to the global object.
//
// Why: Jest runs the global set-up in its own process, and when the tests run in that process too
// (--runInBand, -i, or one worker, which is Jest's default on a 2-core machine) its node
// environment copies that process's globals into every test file's context. Libraries keep
// process-wide registries on the global object: @nestjs/graphql's type and lazy metadata storages
// (GqlTypeMetadataStorage, GqlLazyMetadataStorageHost), class-validator's metadata storage. Had the
// set-up loaded them, every test file would register its own copies of the decorated classes into
// one shared storage, each copy from another module registry and realm: the next file's schema
// then meets the previous file's PageInfo, whose `hasNextPage` has that file's `Boolean`, and the
// build fails with "Cannot determine a GraphQL output type for the "hasNextPage"".
export async function withoutAddedGlobals<T>(run: () => Promise<T>): Promise<T> {
  const global = globalThis as Record<string, unknown>;
  const before = new Set(Object.getOwnPropertyNames(global));
  try {
    return await run();
  } finally {
    for (const name of Object.getOwnPropertyNames(global)) {
      if (before.has(name)) continue;
      if (!delete global[name]) {
        throw new Error(`The global set-up left ${name} on the global object and cannot remove it`);
      }
    }
  }
}
