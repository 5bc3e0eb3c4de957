import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startGateway, type RunningGateway } from '@stages/gateway';
import {
  authSettings,
  booleanFlag,
  PortInUseError,
  createInfrastructure,
  createPubSub,
  createLogger,
  describeInfrastructure,
  loadConfig,
  port,
  serviceSettings,
  startEmbeddedPostgres,
  startSubgraph,
  type EmbeddedPostgresHandle,
  type Infrastructure,
  type AuthSettings,
  type Logger,
  type RunningSubgraph,
} from '@stages/platform';
import { z } from 'zod';
import { readDemoAccounts, seedDemo, type DemoAccounts } from '../demo/seed.js';
import { CLIENT_DIST, ensureClientBuilt } from './client-build.js';
import { assertPortFree, freePort } from './ports.js';
import { allSubgraphs } from './subgraphs.js';
import { ROOT, SUBSCRIPTIONS_PATH, SUPERGRAPH_PATH } from './supergraph.js';

const portVariable = (name: string) => `${name.toUpperCase()}_PORT`;

export const platformSettingsSchema = z.object({
  ...serviceSettings,
  LOG_LEVEL: serviceSettings.LOG_LEVEL.default('warn'),
  STAGES_DATA_DIR: z.string().default(path.join(ROOT, '.data')),
  GATEWAY_PORT: port(4000),
  EMBEDDED_POSTGRES_PORT: port(54329),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  SUBGRAPH_FETCHER: z.enum(['keep-alive', 'apollo-default'], { message: 'expected keep-alive or apollo-default' }).default('keep-alive'),
  STAGES_FREE_PORTS: booleanFlag(false),
  STAGES_SEED: booleanFlag(true),
  STAGES_SERVE_CLIENT: booleanFlag(true),
  ...Object.fromEntries(allSubgraphs.map((subgraph) => [portVariable(subgraph.name), port(subgraph.defaultPort)])),
});

export type PlatformSettings = z.infer<typeof platformSettingsSchema> & Record<string, unknown>;

export interface RunningPlatform {
  gatewayUrl: string;
  graphqlUrl: string;
  subgraphs: Map<string, RunningSubgraph>;
  infrastructure: Infrastructure;
  postgres?: EmbeddedPostgresHandle & { pid?: number };
  databaseUrl: string;
  seeded: number;
  demoAccounts: DemoAccounts | undefined;
  auth: AuthSettings;
  logger: Logger;
  /** Stops one subgraph (to exercise partial failures) and returns how to start it again on the same port. */
  stopSubgraph(name: string): Promise<{ restart(): Promise<void> }>;
  stop(): Promise<void>;
}

/**
 * Starts a server on its configured port. With free ports, a port chosen in advance can be taken by another
 * process (or an outgoing connection) before it is bound: then a new one is chosen, a few times.
 */
async function retryOnTakenPort<T>(freePorts: boolean, variable: string, ports: Map<string, number>, start: (port: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(ports.get(variable)!);
    } catch (error) {
      if (!freePorts || !(error instanceof PortInUseError) || attempt >= 5) throw error;
      ports.set(variable, await freePort());
    }
  }
}

/**
 * Runs the whole platform in this process: Postgres (embedded unless DATABASE_URL is set), every subgraph over
 * HTTP on its own port, the gateway and the built client. Adapters are real when their variable is set.
 */
export async function startPlatform(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = () => undefined): Promise<RunningPlatform> {
  const settings = loadConfig(platformSettingsSchema, env) as PlatformSettings;
  const logger = createLogger('stages', settings.LOG_LEVEL);
  const ports = new Map<string, number>();
  for (const subgraph of allSubgraphs) {
    const variable = portVariable(subgraph.name);
    ports.set(variable, settings.STAGES_FREE_PORTS ? await freePort() : (settings[variable] as number));
  }
  ports.set('GATEWAY_PORT', settings.STAGES_FREE_PORTS ? await freePort() : settings.GATEWAY_PORT);
  if (!settings.DATABASE_URL) ports.set('EMBEDDED_POSTGRES_PORT', settings.STAGES_FREE_PORTS ? await freePort() : settings.EMBEDDED_POSTGRES_PORT);
  for (const [variable, value] of ports) await assertPortFree(value, variable);

  const stack: Array<() => Promise<void>> = [];
  const unwind = async () => {
    for (const close of stack.splice(0).reverse()) await close().catch((error: unknown) => logger.error({ err: error }, 'shutdown step failed'));
  };
  try {
    let postgres: RunningPlatform['postgres'];
    let databaseUrl = settings.DATABASE_URL;
    if (!databaseUrl) {
      log(`Starting embedded Postgres (data in ${path.relative(process.cwd(), path.join(settings.STAGES_DATA_DIR, 'postgres')) || '.'})…`);
      postgres = await startEmbeddedPostgres({
        dataDir: path.join(settings.STAGES_DATA_DIR, 'postgres'),
        port: ports.get('EMBEDDED_POSTGRES_PORT')!,
        database: 'stages',
        onLog: (line) => logger.debug({ postgres: line }),
      });
      stack.push(() => postgres!.stop());
      databaseUrl = postgres.url;
    }

    const infrastructure = await createInfrastructure(settings, logger);
    stack.push(() => infrastructure.close());

    // One secret per run in this mode: only this process's gateway can call its subgraphs.
    // The issuer is the gateway's public address (it relays /oauth and discovery); keys come from the auth service.
    const jwksOf = (authPort: number) => settings.AUTH_JWKS_URL ?? `http://${settings.HOST}:${authPort}/.well-known/jwks.json`;
    const auth = authSettings(settings.AUTH_ISSUER ?? `http://${settings.HOST}:${ports.get('GATEWAY_PORT')}`, {
      ...settings,
      AUTH_JWKS_URL: jwksOf(ports.get(portVariable('auth'))!),
      INTERNAL_SECRET: settings.INTERNAL_SECRET ?? randomBytes(32).toString('base64url'),
    });
    const clientUrl = env.CLIENT_URL ?? `http://${settings.HOST}:${ports.get('GATEWAY_PORT')}`;
    const subgraphs = new Map<string, RunningSubgraph>();
    const launch = async (definition: (typeof allSubgraphs)[number]) => {
      const variable = portVariable(definition.name);
      const running = await retryOnTakenPort(settings.STAGES_FREE_PORTS, variable, ports, async (port) => {
        // The key set is on the auth service's port, which is known only once it is bound.
        if (definition.name === 'auth') auth.jwksUrl = jwksOf(port);
        return startSubgraph(definition, {
          host: settings.HOST,
          port,
          portVariable: variable,
          databaseUrl: databaseUrl!,
          databasePoolMax: settings.DATABASE_POOL_MAX,
          relayIntervalMs: settings.EVENT_RELAY_INTERVAL_MS,
          infrastructure,
          logger,
          auth,
          clientUrl,
        });
      });
      subgraphs.set(definition.name, running);
    };
    // Started one after another: each migrates its own schema; in parallel they would compete for two cores.
    for (const definition of allSubgraphs) await launch(definition);
    stack.push(async () => {
      // In parallel: each waits for its consumers to finish the message in hand and leave their groups.
      await Promise.all([...subgraphs.values()].map((running) => running.stop()));
      subgraphs.clear();
    });

    const seeded = settings.STAGES_SEED ? await seedDemo(subgraphs, infrastructure.storage, settings.STAGES_DATA_DIR) : 0;
    const demoAccounts = settings.STAGES_SEED ? await readDemoAccounts(settings.STAGES_DATA_DIR) : undefined;
    if (settings.STAGES_SERVE_CLIENT) await ensureClientBuilt(log);

    const supergraphSdl = await readFile(SUPERGRAPH_PATH, 'utf8');
    const subscriptionsSdl = await readFile(SUBSCRIPTIONS_PATH, 'utf8');
    const pubsub = await createPubSub(settings);
    stack.push(() => pubsub.close());
    const gateway: RunningGateway = await retryOnTakenPort(settings.STAGES_FREE_PORTS, 'GATEWAY_PORT', ports, (port) => startGateway({
      host: settings.HOST,
      port,
      portVariable: 'GATEWAY_PORT',
      supergraphSdl,
      subgraphUrls: Object.fromEntries([...subgraphs].map(([name, running]) => [name, running.url])),
      subgraphTimeoutMs: settings.SUBGRAPH_TIMEOUT_MS,
      subgraphFetcher: settings.SUBGRAPH_FETCHER,
      auth,
      introspection: settings.NODE_ENV !== 'production',
      clientDist: settings.STAGES_SERVE_CLIENT ? CLIENT_DIST : undefined,
      logger: logger.child({ service: 'gateway' }),
      live: { subscriptionsSdl, events: infrastructure.events, pubsub, keepAliveMs: settings.LIVE_KEEPALIVE_MS },
    }));
    // The gateway stops first: in-flight requests still reach the subgraphs while it drains.
    stack.push(() => gateway.stop());
    logger.info({ infrastructure: describeInfrastructure(infrastructure) }, 'platform ready');

    return {
      gatewayUrl: `${gateway.url}/`,
      graphqlUrl: `${gateway.url}/graphql`,
      subgraphs,
      infrastructure,
      postgres,
      databaseUrl,
      seeded,
      demoAccounts,
      auth,
      logger,
      async stopSubgraph(name) {
        const running = subgraphs.get(name);
        const definition = allSubgraphs.find((candidate) => candidate.name === name);
        if (!running || !definition) throw new Error(`No running subgraph ${name}`);
        subgraphs.delete(name);
        await running.stop();
        return { restart: () => launch(definition) };
      },
      stop: unwind,
    };
  } catch (error) {
    await unwind();
    throw error;
  }
}
