// End-to-end tests wait for the worker; Jest ignores `testTimeout` set per project.
jest.setTimeout(30_000);
