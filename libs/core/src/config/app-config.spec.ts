import {
  AppConfig,
  ConfigValidationError,
  graphqlIntrospection,
  loadConfig,
  logLevelsFrom,
} from './app-config';

const validEnv = (): NodeJS.ProcessEnv => ({
  DATABASE_URL: 'postgres://tsunagu:secret@localhost:5432/tsunagu',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 'x'.repeat(32),
});

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return (error as ConfigValidationError).problems;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('parses a complete valid env and fills in defaults', () => {
    const config = loadConfig(validEnv());

    expect(config).toBeInstanceOf(AppConfig);
    expect(config.DATABASE_URL).toBe('postgres://tsunagu:secret@localhost:5432/tsunagu');
    expect(config.REDIS_URL).toBe('redis://localhost:6379');
    expect(config.NODE_ENV).toBe('development');
    expect(config.PORT).toBe(3000);
    expect(config.QUEUE_PREFIX).toBe('tsunagu');
    expect(config.ACCESS_TOKEN_TTL_SECONDS).toBe(900);
    expect(config.REFRESH_TOKEN_TTL_DAYS).toBe(30);
    expect(config.OUTBOX_POLL_INTERVAL_MS).toBe(1000);
    expect(config.LOG_LEVEL).toBe('log');
    expect(config.GRAPHQL_MAX_DEPTH).toBe(10);
    expect(config.RATE_LIMIT_WINDOW_SECONDS).toBe(60);
    expect(config.RATE_LIMIT_USER_POINTS).toBe(50_000);
    expect(config.RATE_LIMIT_IP_POINTS).toBe(200_000);
    expect(config.SIGN_IN_MAX_FAILURES).toBe(10);
    expect(config.SIGN_IN_LOCKOUT_SECONDS).toBe(60);
    expect(config.SIGN_IN_MAX_LOCKOUT_SECONDS).toBe(3600);
    expect(config.AUTH_IP_MAX_FAILURES).toBe(100);
    expect(config.AUTH_IP_WINDOW_SECONDS).toBe(3600);
    expect(config.ADMIN_EMAIL).toBeUndefined();
  });

  it('converts numeric strings to numbers', () => {
    const config = loadConfig({
      ...validEnv(),
      PORT: '8080',
      ACCESS_TOKEN_TTL_SECONDS: '60',
      REFRESH_TOKEN_TTL_DAYS: '7',
      GRAPHQL_MAX_DEPTH: '12',
    });

    expect(config.PORT).toBe(8080);
    expect(config.ACCESS_TOKEN_TTL_SECONDS).toBe(60);
    expect(config.REFRESH_TOKEN_TTL_DAYS).toBe(7);
    expect(config.GRAPHQL_MAX_DEPTH).toBe(12);
  });

  it('has GraphQL limits that every operation of the test suite stays under', () => {
    const config = loadConfig(validEnv());
    expect(config).toMatchObject({
      GRAPHQL_MAX_COST: 5000,
      GRAPHQL_MAX_ALIASES: 15,
      GRAPHQL_MAX_DIRECTIVES: 10,
      GRAPHQL_MAX_TOKENS: 2000,
    });
    expect(config.GRAPHQL_INTROSPECTION).toBeUndefined();
  });

  it('turns introspection off in production unless GRAPHQL_INTROSPECTION says otherwise', () => {
    const introspection = (env: NodeJS.ProcessEnv) =>
      graphqlIntrospection(loadConfig({ ...validEnv(), ...env }));
    expect(introspection({})).toBe(true);
    expect(introspection({ NODE_ENV: 'production' })).toBe(false);
    expect(introspection({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' })).toBe(true);
    expect(introspection({ GRAPHQL_INTROSPECTION: 'false' })).toBe(false);
    expect(problemsOf({ ...validEnv(), GRAPHQL_INTROSPECTION: 'yes' })).toEqual([
      expect.stringMatching(/^GRAPHQL_INTROSPECTION .*must be a boolean value$/),
    ]);
    expect(problemsOf({ ...validEnv(), GRAPHQL_MAX_COST: '10' })).toEqual([
      expect.stringMatching(/^GRAPHQL_MAX_COST .*must not be less than 100$/),
    ]);
  });

  it('treats an empty string as unset, so the default applies', () => {
    expect(loadConfig({ ...validEnv(), PORT: '' }).PORT).toBe(3000);
  });

  it('accepts an admin e-mail together with a password', () => {
    const config = loadConfig({
      ...validEnv(),
      ADMIN_EMAIL: 'admin@example.jp',
      ADMIN_PASSWORD: 'correct horse battery',
    });

    expect(config.ADMIN_EMAIL).toBe('admin@example.jp');
    expect(config.ADMIN_PASSWORD).toBe('correct horse battery');
  });

  it('reports a missing DATABASE_URL as required', () => {
    const env = validEnv();
    delete env.DATABASE_URL;

    expect(() => loadConfig(env)).toThrow(ConfigValidationError);
    expect(() => loadConfig(env)).toThrow(/DATABASE_URL is required/);
    expect(problemsOf(env)).toEqual(['DATABASE_URL is required']);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['REDIS_URL', 'http://x'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['JWT_SECRET', 'too-short'],
    ['QUEUE_PREFIX', 'tsunagu:test'],
    ['NODE_ENV', 'staging'],
    ['ACCESS_TOKEN_TTL_SECONDS', '5'],
  ])('rejects a malformed %s (%s) and names it', (key, value) => {
    const problems = problemsOf({ ...validEnv(), [key]: value });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${key} `));
    // A value that was given is malformed, not missing.
    expect(problems[0]).not.toContain('is required');
  });

  it('reports several problems at once', () => {
    const env: NodeJS.ProcessEnv = {
      ...validEnv(),
      PORT: 'abc',
      REDIS_URL: 'http://x',
      QUEUE_PREFIX: 'a:b',
    };
    delete env.JWT_SECRET;

    const problems = problemsOf(env);

    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT /),
        expect.stringMatching(/^REDIS_URL must be a redis:\/\/ connection URL/),
        expect.stringMatching(/^QUEUE_PREFIX may contain only/),
        'JWT_SECRET is required',
      ]),
    );
  });

  it('rejects ADMIN_EMAIL without ADMIN_PASSWORD', () => {
    const problems = problemsOf({ ...validEnv(), ADMIN_EMAIL: 'admin@example.jp' });

    expect(problems).toEqual([expect.stringContaining('ADMIN_PASSWORD')]);
  });

  it('reads the database pool, its timeouts and the transaction guard', () => {
    const defaults = loadConfig(validEnv());
    expect(defaults.DATABASE_POOL_MAX).toBe(10);
    expect(defaults.DATABASE_CONNECT_TIMEOUT_MS).toBe(10_000);
    expect(defaults.DATABASE_STATEMENT_TIMEOUT_MS).toBe(30_000);
    expect(defaults.DATABASE_LOCK_TIMEOUT_MS).toBe(10_000);
    expect(defaults.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS).toBe(60_000);
    expect(defaults.SCORING_STATEMENT_TIMEOUT_MS).toBe(300_000);
    expect(defaults.DATABASE_TRANSACTION_GUARD).toBeUndefined();

    const set = loadConfig({
      ...validEnv(),
      DATABASE_POOL_MAX: '2',
      DATABASE_LOCK_TIMEOUT_MS: '500',
      DATABASE_TRANSACTION_GUARD: 'false',
    });
    expect(set.DATABASE_POOL_MAX).toBe(2);
    expect(set.DATABASE_LOCK_TIMEOUT_MS).toBe(500);
    expect(set.DATABASE_TRANSACTION_GUARD).toBe(false);

    const problems = problemsOf({
      ...validEnv(),
      DATABASE_POOL_MAX: '0',
      DATABASE_STATEMENT_TIMEOUT_MS: 'soon',
      DATABASE_TRANSACTION_GUARD: 'yes',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DATABASE_POOL_MAX /),
        expect.stringMatching(/^DATABASE_STATEMENT_TIMEOUT_MS /),
        expect.stringMatching(/^DATABASE_TRANSACTION_GUARD /),
      ]),
    );
  });

  it('ignores variables it does not know', () => {
    const config = loadConfig({ ...validEnv(), HOME: '/root' });

    expect(config).not.toHaveProperty('HOME');
  });

  it('writes at LOG_LEVEL and every more severe level', () => {
    expect(logLevelsFrom('warn')).toEqual(['fatal', 'error', 'warn']);
    expect(logLevelsFrom('fatal')).toEqual(['fatal']);
    expect(logLevelsFrom('verbose')).toEqual(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']);
  });
});
