import { withoutAddedGlobals } from './support/without-added-globals';

// Process-wide registries that libraries keep on the global object. A test file must start with
// none of them: had the global set-up created them, they would be shared by every test file that
// runs in Jest's own process (see test/support/without-added-globals.ts).
const REGISTRIES = [
  'GqlTypeMetadataStorage',
  'GqlLazyMetadataStorageHost',
  'classValidatorMetadataStorage',
];

// Read before anything in this file loads the project's code.
const inherited = present(REGISTRIES);

function present(names: string[]): string[] {
  return names.filter((name) => name in globalThis);
}

// The globals that `load` adds. Registries already present (inherited, in Jest's own process) are
// set aside meanwhile, so that a load that would create them shows whichever way Jest runs.
async function addedGlobals(load: () => unknown): Promise<string[]> {
  const global = globalThis as Record<string, unknown>;
  const setAside = new Map(
    present(REGISTRIES).map((name) => [name, Object.getOwnPropertyDescriptor(global, name)!]),
  );
  for (const name of setAside.keys()) delete global[name];
  const before = new Set(Object.getOwnPropertyNames(global));
  try {
    await load();
    return Object.getOwnPropertyNames(global).filter((name) => !before.has(name));
  } finally {
    for (const [name, descriptor] of setAside) Object.defineProperty(global, name, descriptor);
  }
}

describe('test files do not share library registries', () => {
  // Meaningful when the tests run in Jest's own process (npx jest --runInBand), where the global
  // set-up ran; in a worker (npm test) it holds anyway, and the next test covers the set-up.
  it('starts this file with no registry inherited from the process that ran the set-up', () => {
    expect(inherited).toEqual([]);
  });

  it('loads none of the project code when Jest imports the global set-up', async () => {
    // A static import of the project in the set-up would run in Jest's process before the set-up
    // can keep its globals apart; its libraries' registries show up here as added globals.
    const added = await addedGlobals(() =>
      jest.isolateModules(() => {
        jest.requireActual('./support/global-setup');
      }),
    );
    expect(added).toEqual([]);
  });

  it('takes away the registries the project code creates when the set-up loads it', async () => {
    const added = await addedGlobals(() =>
      withoutAddedGlobals(() =>
        jest.isolateModules(() => {
          jest.requireActual('@tsunagu/core');
        }),
      ),
    );
    expect(added).toEqual([]);
  });
});
