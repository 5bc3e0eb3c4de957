import { z } from 'zod';

/** Thrown when the environment does not satisfy a service's settings schema. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and validates a service's settings once. The message names the first offending variable and what was
 * expected, so a process can stop with one readable line.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const variable = String(issue.path[0] ?? '?');
  const given = env[variable];
  const shown = given === undefined ? 'it is not set' : `got ${redact(variable, given)}`;
  throw new ConfigError(`${variable}: ${issue.message} (${shown})`);
}

/** Stops the process with a one-line message when configuration is invalid; rethrows anything else. */
export function exitOnConfigError(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(78);
  }
  throw error;
}

// Configuration errors are printed: never echo a secret or the credentials inside a URL.
function redact(name: string, value: string): string {
  if (/SECRET|PASSWORD|KEY|TOKEN/.test(name)) return '(hidden)';
  return JSON.stringify(value.replace(/\/\/[^/@\s]*@/, '//***@'));
}

export const port = (fallback: number) =>
  z.coerce
    .number({ message: 'expected a TCP port number' })
    .int('expected a whole TCP port number')
    .min(0, 'expected a port between 0 and 65535')
    .max(65535, 'expected a port between 0 and 65535')
    .default(fallback);

export const url = (protocols: string[]) =>
  z
    .string()
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol.replace(':', ''));
      } catch {
        return false;
      }
    }, `expected a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`);

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const booleanFlag = (fallback: boolean) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no'], { message: 'expected true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => ['1', 'true', 'yes'].includes(value));

/** Settings every service shares: where it listens, how it logs, and which real infrastructure it uses. */
export const serviceSettings = {
  NODE_ENV: z.enum(['development', 'test', 'production'], { message: 'expected development, test or production' }).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'expected a pino level (info, debug …)' }).default('info'),
  DATABASE_URL: optional(url(['postgres', 'postgresql'])),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(5),
  REDIS_URL: optional(url(['redis', 'rediss'])),
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, 'expected letters, digits, : _ or -').default('stages:'),
  KAFKA_BROKERS: optional(
    z.string().regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'expected host:port[,host:port…]'),
  ),
  KAFKA_CLIENT_ID: z.string().default('stages'),
  /** Put before every topic and consumer group name (several environments sharing one cluster); empty by default. */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]{0,64}$/, 'expected letters, digits, . _ or -').default(''),
  /** Interval of the gateway's WebSocket pings (a peer that does not answer within it is dropped). */
  LIVE_KEEPALIVE_MS: z.coerce.number().int().min(1000).max(300_000).default(12_000),
  /** Partitions of each topic created at start (consumers of one group share a topic's partitions). */
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(100).default(3),
  S3_ENDPOINT: optional(url(['http', 'https'])),
  S3_ACCESS_KEY: optional(z.string().min(1)),
  S3_SECRET_KEY: optional(z.string().min(1)),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{2,62}$/, 'expected an S3 bucket name').default('stages'),
  S3_REGION: z.string().default('us-east-1'),
  SMTP_URL: optional(url(['smtp', 'smtps'])),
  MAIL_FROM: z.string().default('Stages <no-reply@stages.local>'),
  STAGES_DATA_DIR: z.string().default('.data'),
  AUTH_ISSUER: optional(url(['http', 'https'])),
  AUTH_AUDIENCE: z.string().min(1).default('stages'),
  AUTH_JWKS_URL: optional(url(['http', 'https'])),
  INTERNAL_SECRET: optional(z.string().min(32, 'expected at least 32 characters')),
  CLIENT_URL: url(['http', 'https']).default('http://127.0.0.1:4000'),
  AUTH_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(10),
  AUTH_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(100),
  AUTH_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  TRUST_PROXY: booleanFlag(false),
  EVENT_RELAY_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
};

export const serviceSettingsSchema = z.object(serviceSettings);
export type ServiceSettings = z.infer<typeof serviceSettingsSchema>;
