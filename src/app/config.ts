/** Configuration from the environment, validated once at start and frozen. Nothing else reads process.env. */
import Type from 'typebox';
import Value from 'typebox/value';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const Environment = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  DATABASE_URL: Type.String({ minLength: 1, default: './data/recall.db' }),
  LOG_LEVEL: Type.Union(
    LOG_LEVELS.map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  /** The address users reach Recall at, for links printed by the CLI; defaults to http://HOST:PORT. */
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** Import the demo content into an empty database at start. */
  DEMO_CONTENT: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'on' }),
  /** Overload protection: answer 503 with Retry-After while the event loop lags more than this (0: off). */
  MAX_EVENT_LOOP_DELAY_MS: Type.Integer({ minimum: 0, maximum: 60_000, default: 1000 }),
  /** A request (headers and body) must arrive within this; slow clients are cut off (slow-loris). */
  REQUEST_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 30_000 }),
  /** Behind a reverse proxy: trust X-Forwarded-* from it. */
  TRUST_PROXY: Type.Union([Type.Literal('true'), Type.Literal('false')], { default: 'false' }),
  /** How many people may share one address (a school behind one router): per-address write limits are this many accounts' worth. */
  RATE_LIMIT_PEOPLE_PER_ADDRESS: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 50 }),
  /** Multiplies every write limit (load tests whose simulated students answer at machine speed). */
  RATE_LIMIT_SCALE: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  publicUrl: string;
  demoContent: boolean;
  trustProxy: boolean;
  maxEventLoopDelayMs: number;
  requestTimeoutMs: number;
  rateLimitPeoplePerAddress: number;
  rateLimitScale: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function choicesOf(key: string): string | undefined {
  const schema = (Environment.properties as Record<string, { anyOf?: { const: string }[] }>)[key];
  return schema?.anyOf?.map((option) => option.const).join(', ');
}

export function loadConfig(env: Record<string, string | undefined>): Readonly<Config> {
  const known = Object.fromEntries(
    Object.keys(Environment.properties)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const value = Value.Convert(Environment, Value.Default(Environment, known));
  if (!Value.Check(Environment, value)) {
    const problems = new Map<string, string>();
    for (const error of Value.Errors(Environment, value)) {
      const key = error.instancePath.replace(/^\//, '') || 'environment';
      if (problems.has(key)) continue;
      const choices = choicesOf(key);
      problems.set(
        key,
        `${key} ${choices ? `must be one of ${choices}` : error.message} (got "${env[key]}")`,
      );
    }
    throw new ConfigError(`Invalid configuration: ${[...problems.values()].join('; ')}`);
  }
  const host = value.HOST;
  const displayHost =
    host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return Object.freeze({
    port: value.PORT,
    host,
    databaseUrl: value.DATABASE_URL,
    logLevel: value.LOG_LEVEL,
    publicUrl: (value.PUBLIC_URL ?? `http://${displayHost}:${value.PORT}`).replace(/(?<!\/)\/+$/, ''),
    demoContent: value.DEMO_CONTENT === 'on',
    trustProxy: value.TRUST_PROXY === 'true',
    maxEventLoopDelayMs: value.MAX_EVENT_LOOP_DELAY_MS,
    requestTimeoutMs: value.REQUEST_TIMEOUT_MS,
    rateLimitPeoplePerAddress: value.RATE_LIMIT_PEOPLE_PER_ADDRESS,
    rateLimitScale: value.RATE_LIMIT_SCALE,
  });
}
