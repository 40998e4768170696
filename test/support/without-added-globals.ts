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
export async function withoutAddedGlobals<T>(run: () => T | Promise<T>): Promise<T> {
  const before = new Set(Object.getOwnPropertyNames(globalThis));
  let stuck: string[];
  let result: T;
  try {
    result = await run();
  } finally {
    stuck = removeGlobalsNotIn(before);
  }
  if (stuck.length > 0) {
    throw new Error(`The global set-up left ${stuck.join(', ')} on the global object for good`);
  }
  return result;
}

// Deletes the global properties whose names are not in `kept`; returns those it could not delete.
function removeGlobalsNotIn(kept: Set<string>): string[] {
  return Object.getOwnPropertyNames(globalThis).filter(
    (name) => !kept.has(name) && !Reflect.deleteProperty(globalThis, name),
  );
}
