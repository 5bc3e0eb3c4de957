import { loadConfig, port, serviceSettingsSchema } from '../config/config.js';
import { createInfrastructure, describeInfrastructure } from '../infrastructure.js';
import { MissingSettingError } from '../infrastructure-errors.js';
import { createLogger } from '../logging/logger.js';
import { exitOnStartupError, onShutdown } from '../process/lifecycle.js';
import type { SubgraphDefinition } from './subgraph.js';
import { startSubgraph } from './subgraph-server.js';

/** Entry point of a subgraph running as its own process (containers, real infrastructure). */
export async function runSubgraphProcess<TLoaders>(definition: SubgraphDefinition<TLoaders>): Promise<void> {
  try {
    const settings = loadConfig(serviceSettingsSchema.extend({ PORT: port(definition.defaultPort) }));
    if (!settings.DATABASE_URL) {
      throw new MissingSettingError('DATABASE_URL', 'to run a subgraph on its own (`npm start` runs every subgraph on embedded Postgres)');
    }
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
