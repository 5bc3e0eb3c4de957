import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { openDatabase, type Database } from '../db/database.js';
import { recordEvent } from '../events/outbox.js';
import { OutboxRelay } from '../events/outbox-relay.js';
import { handleGraphQL } from '../http/graphql-http.js';
import { sendJson, startHttpServer, type RunningHttpServer } from '../http/http-server.js';
import type { Infrastructure } from '../infrastructure.js';
import type { Logger } from '../logging/logger.js';
import { REQUEST_ID_HEADER, requestIdFrom } from '../logging/request-id.js';
import { buildFederatedSchema } from './federated-schema.js';
import { drainHttpServerPlugin, maskingFormatError, requestLogPlugin } from './apollo-server.js';
import type { SubgraphContext, SubgraphDefinition } from './subgraph.js';

export interface SubgraphRuntimeOptions {
  host: string;
  port: number;
  portVariable: string;
  databaseUrl: string;
  databasePoolMax: number;
  relayIntervalMs: number;
  infrastructure: Infrastructure;
  logger: Logger;
}

export interface RunningSubgraph {
  name: string;
  /** GraphQL endpoint, e.g. http://127.0.0.1:8005/graphql */
  url: string;
  port: number;
  db: Database;
  relay: OutboxRelay;
  /** Stops taking requests, finishes in-flight ones, stops the relay and closes the database pool. */
  stop(): Promise<void>;
}

/** Opens the subgraph's database, applies its migrations, and serves its schema with /health and /ready. */
export async function startSubgraph<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  options: SubgraphRuntimeOptions,
): Promise<RunningSubgraph> {
  const logger = options.logger.child({ subgraph: definition.name });
  const db = await openDatabase({
    schema: definition.name,
    url: options.databaseUrl,
    entities: definition.entities,
    migrations: definition.migrations,
    poolMax: options.databasePoolMax,
  });
  let http: RunningHttpServer | undefined;
  try {
    const applied = await db.migrate();
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
    const { schema } = await buildFederatedSchema(definition);
    const relay = new OutboxRelay(db, options.infrastructure.events, logger, options.relayIntervalMs);
    // Events are relayed as soon as the transaction that wrote them commits; polling is only the safety net.
    db.orm.em.getEventManager().registerSubscriber({
      afterFlush: () => relay.nudge(),
      afterTransactionCommit: () => relay.nudge(),
    });
    const source = `/subgraphs/${definition.name}`;

    const apollo = new ApolloServer<SubgraphContext<TLoaders>>({
      schema,
      includeStacktraceInErrorResponses: false,
      formatError: maskingFormatError(logger),
      // The process handles SIGTERM itself and stops every server in order.
      stopOnTerminationSignals: false,
      plugins: [
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginInlineTraceDisabled(),
        requestLogPlugin(),
        drainHttpServerPlugin(() => http),
      ],
    });
    await apollo.start();

    const context = async (req: IncomingMessage): Promise<SubgraphContext<TLoaders>> => {
      const em = db.orm.em.fork();
      const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
      return {
        requestId,
        em,
        loaders: definition.createLoaders(em),
        logger: logger.child({ requestId }),
        infrastructure: options.infrastructure,
        emit: (event) => recordEvent(em, source, event),
      };
    };

    const handler = async (req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/health') return sendJson(res, 200, { status: 'ok', service: definition.name });
      if (path === '/ready') {
        const ready = await db.isReachable();
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'database unreachable', service: definition.name });
      }
      if (path === '/graphql') return handleGraphQL(apollo, req, res, () => context(req));
      sendJson(res, 404, { error: 'Not found' });
    };
    http = await startHttpServer({ host: options.host, port: options.port, portVariable: options.portVariable, handler });
    relay.start();
    logger.info({ url: `${http.url}/graphql` }, 'subgraph ready');

    return {
      name: definition.name,
      url: `${http.url}/graphql`,
      port: http.port,
      db,
      relay,
      async stop() {
        await apollo.stop();
        await relay.stop();
        await db.close();
      },
    };
  } catch (error) {
    await http?.close(0);
    await db.close();
    throw error;
  }
}
