import { loadConfig, port, serviceSettingsSchema, type ServiceSettings } from '../config/config.js';
import { createInfrastructure, describeInfrastructure } from '../infrastructure.js';
import { MissingSettingError } from '../infrastructure-errors.js';
import { createLogger } from '../logging/logger.js';
import { exitOnStartupError, onShutdown } from '../process/lifecycle.js';
import type { AuthSettings, SubgraphDefinition } from './subgraph.js';
import { startSubgraph } from './subgraph-server.js';

/** Entry point of a subgraph running as its own process (containers, real infrastructure). */
export async function runSubgraphProcess<TLoaders>(definition: SubgraphDefinition<TLoaders>): Promise<void> {
  try {
    const settings = loadConfig(serviceSettingsSchema.extend({ PORT: port(definition.defaultPort) }));
    if (!settings.DATABASE_URL) {
      throw new MissingSettingError('DATABASE_URL', 'to run a subgraph on its own (`npm start` runs every subgraph on embedded Postgres)');
    }
    if (!settings.AUTH_ISSUER) throw new MissingSettingError('AUTH_ISSUER', 'to verify access tokens (the auth service\'s base URL)');
    if (!settings.INTERNAL_SECRET) throw new MissingSettingError('INTERNAL_SECRET', 'to accept calls from the gateway (the same value as the gateway\'s)');
    const logger = createLogger(definition.name, settings.LOG_LEVEL);
    const infrastructure = await createInfrastructure(settings, logger);
    const running = await startSubgraph(definition, {
      host: settings.HOST,
      port: settings.PORT,
      portVariable: 'PORT',
      databaseUrl: settings.DATABASE_URL,
      databasePoolMax: settings.DATABASE_POOL_MAX,
      relayIntervalMs: settings.EVENT_RELAY_INTERVAL_MS,
      infrastructure,
      logger,
      auth: authSettings(settings.AUTH_ISSUER, { ...settings, INTERNAL_SECRET: settings.INTERNAL_SECRET }),
      clientUrl: settings.CLIENT_URL,
    });
    logger.info({ infrastructure: describeInfrastructure(infrastructure) }, `${definition.name} listening on ${running.url}`);
    onShutdown(async () => {
      await running.stop();
      await infrastructure.close();
    });
  } catch (error) {
    exitOnStartupError(error);
  }
}

type AuthConfiguration = Pick<
  ServiceSettings,
  'AUTH_AUDIENCE' | 'AUTH_JWKS_URL' | 'AUTH_MAX_FAILURES_PER_ACCOUNT' | 'AUTH_MAX_FAILURES_PER_IP' | 'AUTH_THROTTLE_WINDOW_SECONDS'
> & { INTERNAL_SECRET: string };

/** Auth settings of a service, with the JWKS where the auth service publishes it unless configured otherwise. */
export function authSettings(issuer: string, settings: AuthConfiguration): AuthSettings {
  return {
    issuer,
    audience: settings.AUTH_AUDIENCE,
    jwksUrl: settings.AUTH_JWKS_URL ?? `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`,
    internalSecret: settings.INTERNAL_SECRET,
    throttle: {
      maxFailuresPerAccount: settings.AUTH_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: settings.AUTH_MAX_FAILURES_PER_IP,
      windowSeconds: settings.AUTH_THROTTLE_WINDOW_SECONDS,
    },
  };
}
