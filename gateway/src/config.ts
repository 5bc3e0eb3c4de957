import path from 'node:path';
import { booleanFlag, loadConfig, port, serviceSettings } from '@stages/platform';
import { z } from 'zod';

const ROOT = path.resolve(import.meta.dirname, '../..');

export const gatewaySettingsSchema = z.object({
  NODE_ENV: serviceSettings.NODE_ENV,
  HOST: serviceSettings.HOST,
  LOG_LEVEL: serviceSettings.LOG_LEVEL,
  AUTH_ISSUER: serviceSettings.AUTH_ISSUER,
  AUTH_AUDIENCE: serviceSettings.AUTH_AUDIENCE,
  AUTH_JWKS_URL: serviceSettings.AUTH_JWKS_URL,
  INTERNAL_SECRET: serviceSettings.INTERNAL_SECRET,
  AUTH_MAX_FAILURES_PER_ACCOUNT: serviceSettings.AUTH_MAX_FAILURES_PER_ACCOUNT,
  AUTH_MAX_FAILURES_PER_IP: serviceSettings.AUTH_MAX_FAILURES_PER_IP,
  AUTH_THROTTLE_WINDOW_SECONDS: serviceSettings.AUTH_THROTTLE_WINDOW_SECONDS,
  TRUST_PROXY: serviceSettings.TRUST_PROXY,
  REDIS_URL: serviceSettings.REDIS_URL,
  REDIS_KEY_PREFIX: serviceSettings.REDIS_KEY_PREFIX,
  KAFKA_BROKERS: serviceSettings.KAFKA_BROKERS,
  KAFKA_CLIENT_ID: serviceSettings.KAFKA_CLIENT_ID.default('stages-gateway'),
  KAFKA_PARTITIONS: serviceSettings.KAFKA_PARTITIONS,
  KAFKA_TOPIC_PREFIX: serviceSettings.KAFKA_TOPIC_PREFIX,
  LIVE_KEEPALIVE_MS: serviceSettings.LIVE_KEEPALIVE_MS,
  SUBSCRIPTIONS_PATH: z.string().default(path.join(ROOT, 'schema/subscriptions.graphql')),
  PORT: port(4000),
  SUPERGRAPH_PATH: z.string().default(path.join(ROOT, 'schema/supergraph.graphql')),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  CLIENT_DIST_DIR: z.string().default(path.join(ROOT, 'client/dist')),
  GRAPHQL_INTROSPECTION: booleanFlag(true),
  SUBGRAPH_FETCHER: z.enum(['keep-alive', 'apollo-default'], { message: 'expected keep-alive or apollo-default' }).default('keep-alive'),
});

export type GatewaySettings = z.infer<typeof gatewaySettingsSchema>;

export function loadGatewaySettings(env: NodeJS.ProcessEnv = process.env): GatewaySettings {
  return loadConfig(gatewaySettingsSchema, env);
}

/** Routing URL overrides, e.g. SUBGRAPH_OFFERS_URL=http://offers:8005/graphql. */
export function subgraphUrlOverrides(names: string[], env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const schema = z.object(
    Object.fromEntries(
      names.map((name) => [
        `SUBGRAPH_${name.toUpperCase()}_URL`,
        z.url({ protocol: /^https?$/, message: 'expected an http(s) URL of the subgraph GraphQL endpoint' }).optional(),
      ]),
    ),
  );
  const parsed = loadConfig(schema, env) as Record<string, string | undefined>;
  return Object.fromEntries(
    names.flatMap((name) => {
      const url = parsed[`SUBGRAPH_${name.toUpperCase()}_URL`];
      return url ? [[name, url]] : [];
    }),
  );
}
