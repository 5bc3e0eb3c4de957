// Entry point of the gateway as its own process (containers, real infrastructure).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { authSettings, createEventTransport, createLogger, createPubSub, exitOnStartupError, MissingSettingError, onShutdown } from '@stages/platform';
import { loadGatewaySettings, subgraphUrlOverrides } from './config.js';
import { startGateway } from './gateway-server.js';

try {
  const settings = loadGatewaySettings();
  const supergraphSdl = await readFile(settings.SUPERGRAPH_PATH, 'utf8');
  const names = [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((match) => match[1]!);
  const logger = createLogger('gateway', settings.LOG_LEVEL);
  // Live updates: events from Kafka (one consumer group for all replicas), fanned out to every replica by Redis.
  if (!settings.KAFKA_BROKERS) logger.warn('KAFKA_BROKERS is not set: subscriptions will receive no events in a standalone gateway');
  const [events, pubsub] = await Promise.all([createEventTransport(settings, logger), createPubSub(settings)]);
  const gateway = await startGateway({
    host: settings.HOST,
    port: settings.PORT,
    portVariable: 'PORT',
    supergraphSdl,
    subgraphUrls: subgraphUrlOverrides(names),
    subgraphTimeoutMs: settings.SUBGRAPH_TIMEOUT_MS,
    subgraphFetcher: settings.SUBGRAPH_FETCHER,
    trustProxy: settings.TRUST_PROXY,
    auth: authSettings(required('AUTH_ISSUER', settings.AUTH_ISSUER), { ...settings, INTERNAL_SECRET: required('INTERNAL_SECRET', settings.INTERNAL_SECRET) }),
    introspection: settings.GRAPHQL_INTROSPECTION && settings.NODE_ENV !== 'production',
    clientDist: existsSync(settings.CLIENT_DIST_DIR) ? settings.CLIENT_DIST_DIR : undefined,
    logger,
    live: { subscriptionsSdl: await readFile(settings.SUBSCRIPTIONS_PATH, 'utf8'), events, pubsub, keepAliveMs: settings.LIVE_KEEPALIVE_MS },
  });
  logger.info(`gateway listening on ${gateway.url}/graphql`);
  onShutdown(async () => {
    await gateway.stop();
    await Promise.allSettled([events.close(), pubsub.close()]);
  });
} catch (error) {
  exitOnStartupError(error);
}

function required(name: string, value: string | undefined): string {
  if (!value) throw new MissingSettingError(name, 'for the gateway to verify tokens and call the subgraphs');
  return value;
}
