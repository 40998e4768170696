import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

// Most severe first: Nest's names, which LOG_LEVEL takes.
const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

// Only the words true and false: anything else is left as it is and fails @IsBoolean, rather
// than a typo quietly meaning false.
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

// Every setting the apps read, parsed once at boot. A bad value stops the process.
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL!: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// connection URL' })
  REDIS_URL!: string;

  // Connections each process keeps to PostgreSQL (API and worker each have a pool this size).
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_MAX = 10;

  // How long a request waits for a free pooled connection before failing with TRY_AGAIN,
  // rather than queueing for ever behind a stuck pool.
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DATABASE_CONNECT_TIMEOUT_MS = 10_000;

  // Longest single SQL statement. API queries take milliseconds; this only stops a runaway one
  // from holding its connection. A full re-score raises it for its own writes
  // (SCORING_STATEMENT_TIMEOUT_MS) rather than every request living with the long bound.
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DATABASE_STATEMENT_TIMEOUT_MS = 30_000;

  // Longest wait for a row lock (FOR UPDATE and the like). Lock holders keep their locks for
  // milliseconds, so a wait this long means something is stuck: fail with TRY_AGAIN instead.
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DATABASE_LOCK_TIMEOUT_MS = 10_000;

  // A transaction left open with no statement running this long is ended by PostgreSQL, so a
  // stuck request cannot hold its connection and its locks for ever.
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

  // Statement timeout inside a full re-score chunk's transaction, which writes up to
  // SCORING_CHUNK_SIZE × RECOMMENDATIONS_TOP_K rows at once in the worker.
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  SCORING_STATEMENT_TIMEOUT_MS = 300_000;

  // Fails loudly when code inside a transaction asks the pool for a second connection (the
  // pattern that freezes the pool under load). Unset: on everywhere but production.
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  DATABASE_TRANSACTION_GUARD?: boolean;

  // Signs access tokens (HS256); sensitive, never logged.
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET!: string;

  @Transform(toInt)
  @IsInt()
  @Min(30)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  REFRESH_TOKEN_TTL_DAYS = 30;

  // Prefix for every BullMQ key, so several deployments (or test runs) can share one Redis.
  @Matches(/^[a-zA-Z0-9_-]+$/, { message: 'may contain only letters, digits, "-" and "_"' })
  QUEUE_PREFIX = 'tsunagu';

  @Transform(toInt)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_INTERVAL_MS = 1000;

  // Fault injection for `npm run test:faults` only, off by default: the process running the
  // outbox relay kills itself (SIGKILL) after handing its Nth message to BullMQ and before
  // marking it dispatched, the one moment a crash leaves a job both queued and pending.
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  FAULT_OUTBOX_KILL_AFTER?: number;

  // Quick successive edits to one profile or project are scored once, this long after the last.
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SCORING_DEBOUNCE_MS = 2000;

  // How many recommendations are kept per participant and per project.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  RECOMMENDATIONS_TOP_K = 20;

  // Subjects per chunk of a full re-score (a chunk is one job and one transaction).
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SCORING_CHUNK_SIZE = 1000;

  // An ACTIVE engagement with no check-in (or start) for this many days is STALE.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  ENGAGEMENT_STALE_DAYS = 14;

  // A region answers an application (interview, accept or decline) within this many days.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  APPLICATION_RESPONSE_DAYS = 7;

  // A published project with this many overdue unanswered applications is paused.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PROJECT_PAUSE_AFTER_OVERDUE = 3;

  // /health reports the queues down when a job has waited longer than this to start.
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  HEALTH_MAX_QUEUE_LAG_MS = 300_000;

  // Jobs the worker runs at once on the notifications queue: deliveries mostly wait on SMTP,
  // webhooks and PostgreSQL, not on the CPU. Below DATABASE_POOL_MAX: an e-mail batch holds its
  // connection while it sends. The other queues run 5 at once.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  NOTIFICATIONS_CONCURRENCY = 8;

  // Events the outbox relay hands to one 'notify.events' job (fanned out as one batch). 1 gives
  // every event its own 'notify.event' job, the shape workers before that job existed run: set it
  // to 1 and let the waiting 'notify.events' jobs drain before rolling back past it.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  NOTIFICATIONS_EVENTS_PER_JOB = 25;

  // Retries of e-mails, webhooks and in-app deliveries back off exponentially from this delay;
  // after the job's last attempt the delivery is dead-lettered for operators to inspect.
  @Transform(toInt)
  @IsInt()
  @Min(10)
  DELIVERY_RETRY_BASE_MS = 10_000;

  // Outgoing mail. Unset: e-mail is not sent (npm start runs a local mail catcher and sets it).
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Tsunagu <no-reply@tsunagu.example>';

  // Where the web app lives, for links in e-mails.
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  APP_URL = 'http://localhost:3000';

  // Local hour (in each user's time zone) after which the daily digest e-mail goes out.
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(23)
  DIGEST_HOUR = 8;

  // A webhook call that takes longer than this counts as failed.
  @Transform(toInt)
  @IsInt()
  @Min(100)
  WEBHOOK_TIMEOUT_MS = 5000;

  // An endpoint is disabled after this many failed calls in a row (a success resets the count).
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_DISABLE_AFTER_FAILURES = 15;

  // Lets webhooks reach loopback and private addresses (by URL and by what a host resolves to
  // when called), for local receivers in development and tests. Off, an organisation cannot
  // point our servers at our own network.
  @Transform(toBool)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_NETWORKS = false;

  // Behind a load balancer: Express's "trust proxy" (e.g. "1" for one hop, or "loopback,
  // 10.0.0.0/8"), so request logs and the dashboard's sign-in limiter see the client's address
  // from X-Forwarded-For rather than the proxy's. Unset: trust no proxy.
  @IsOptional()
  @Matches(/^[0-9a-zA-Z.:/, _-]{1,200}$/, {
    message: 'must be a hop count, "true", or addresses / subnets separated by commas',
  })
  TRUST_PROXY?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevelName = 'log';

  // Optional bootstrap of the first platform admin (idempotent).
  @IsOptional()
  @Matches(/^[^@\s]+@[^@\s]+$/, { message: 'must be an e-mail address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  ADMIN_PASSWORD?: string;

  // Nesting below the top-level fields (`{ me { id } }` is 1 deep).
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  GRAPHQL_MAX_DEPTH = 10;

  // Estimated cost of one operation: objects fetched, multiplied by page sizes (README, Limits).
  @Transform(toInt)
  @IsInt()
  @Min(100)
  GRAPHQL_MAX_COST = 5000;

  // Aliased fields per operation: aliases are how one request asks for the same field many times.
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000)
  GRAPHQL_MAX_ALIASES = 15;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000)
  GRAPHQL_MAX_DIRECTIVES = 10;

  // Tokens per document: parsing stops here, before a huge document is built in memory.
  @Transform(toInt)
  @IsInt()
  @Min(100)
  GRAPHQL_MAX_TOKENS = 2000;

  // Unset: on outside production. Read it through graphqlIntrospection().
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  GRAPHQL_INTROSPECTION?: boolean;

  // GraphQL operations spend their query cost (1 where none is known) from a budget per signed-in
  // user and one per client address, both renewed every RATE_LIMIT_WINDOW_SECONDS and shared by
  // every API instance through Redis. Generous: a person clicking never meets them.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_USER_POINTS = 50_000;

  // Higher than a user's: offices and mobile carriers put many people behind one address.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_IP_POINTS = 200_000;

  // This many failed sign-ins in a row for one e-mail address (whether or not it has an account)
  // lock it for SIGN_IN_LOCKOUT_SECONDS, doubled for each further lockout within a day, at most
  // SIGN_IN_MAX_LOCKOUT_SECONDS. A successful sign-in starts the count again.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SIGN_IN_MAX_FAILURES = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  SIGN_IN_LOCKOUT_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  SIGN_IN_MAX_LOCKOUT_SECONDS = 3600;

  // Failed sign-ins and refreshes from one client address, across all accounts, before the
  // address is refused until AUTH_IP_WINDOW_SECONDS after its first failure.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_IP_MAX_FAILURES = 100;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_IP_WINDOW_SECONDS = 3600;

  // Messages one person may send (all threads together) per minute: a conversation at typing
  // speed never meets it; a script filling inboxes does.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MESSAGES_PER_USER_PER_MINUTE = 30;
}

// Schema introspection is for development tools; production clients use the checked-in schema.
export function graphqlIntrospection(config: AppConfig): boolean {
  return config.GRAPHQL_INTROSPECTION ?? config.NODE_ENV !== 'production';
}

export const SENSITIVE_CONFIG_KEYS: ReadonlyArray<keyof AppConfig> = [
  'JWT_SECRET',
  'ADMIN_PASSWORD',
  'DATABASE_URL',
  'REDIS_URL',
  'SMTP_URL',
];

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

// The levels Nest's own logger writes at LOG_LEVEL: that one and every more severe one (the
// worker logs through it; the API through pino, with the same names).
export function logLevelsFrom(level: LogLevelName): LogLevelName[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, string> = {};
  for (const key of [...known, 'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET']) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) {
    const problems = errors.map((e) => {
      const value = (raw as Record<string, string | undefined>)[e.property];
      const why =
        value === undefined ? 'is required' : Object.values(e.constraints ?? {}).join('; ');
      return `${e.property} ${why}`;
    });
    throw new ConfigValidationError(problems);
  }
  if (config.ADMIN_EMAIL && !config.ADMIN_PASSWORD) {
    throw new ConfigValidationError(['ADMIN_PASSWORD is required when ADMIN_EMAIL is set']);
  }
  return config;
}
