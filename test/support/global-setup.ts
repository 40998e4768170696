import { withoutAddedGlobals } from './without-added-globals';

// Once per test run: the test stack (test/support/test-stack.ts), whose URLs and template database
// the test files read from the environment.
export default async function globalSetup(): Promise<void> {
  // The project's code is required here, not imported at the top: its libraries put registries on
  // the global object, and this process's globals reach the test files (see withoutAddedGlobals).
  const { stack, template } = await withoutAddedGlobals(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startTestStack } = require('./test-stack') as typeof import('./test-stack');
    return startTestStack();
  });
  (globalThis as { __TSUNAGU_STACK__?: unknown }).__TSUNAGU_STACK__ = stack;

  process.env.TEST_SERVER_URL = stack.databaseUrl;
  process.env.TEST_TEMPLATE_DATABASE = template;
  process.env.REDIS_URL = stack.redisUrl;
  // Tests that send e-mail start their own SMTP catcher; never a developer's real server.
  delete process.env.SMTP_URL;
}
