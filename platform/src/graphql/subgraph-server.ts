import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { bearerToken, createTokenVerifier, remoteKeySet } from '../auth/token-verifier.js';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { openDatabase, type Database } from '../db/database.js';
import { startConsumer } from '../events/consumer.js';
import { recordEvent } from '../events/outbox.js';
import { OutboxRelay } from '../events/outbox-relay.js';
import { childTraceparent, TRACEPARENT_HEADER } from '../logging/trace-context.js';
import { handleGraphQL } from '../http/graphql-http.js';
import { negotiateLocale } from '../http/locale.js';
import { sendJson, startHttpServer, type RunningHttpServer } from '../http/http-server.js';
import type { Infrastructure } from '../infrastructure.js';
import type { Logger } from '../logging/logger.js';
import { REQUEST_ID_HEADER, requestIdFrom } from '../logging/request-id.js';
import { buildFederatedSchema } from './federated-schema.js';
import { drainHttpServerPlugin, maskingFormatError, requestLogPlugin } from './apollo-server.js';
import type { AuthSettings, SubgraphContext, SubgraphDefinition, SubgraphRuntime } from './subgraph.js';

export const INTERNAL_SECRET_HEADER = 'x-internal-secret';
export const CLIENT_IP_HEADER = 'x-client-ip';

const headerText = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export interface SubgraphRuntimeOptions {
  host: string;
  port: number;
  portVariable: string;
  databaseUrl: string;
  databasePoolMax: number;
  relayIntervalMs: number;
  infrastructure: Infrastructure;
  logger: Logger;
  auth: AuthSettings;
  clientUrl: string;
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
function hasSecret(header: string | string[] | undefined, secret: Buffer): boolean {
  const given = Buffer.from(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
  return given.length === secret.length && timingSafeEqual(given, secret);
}

/** Errors thrown while building the context carry their HTTP status in `extensions.http`. */
export function rethrowWithStatus(status: number) {
  return (error: unknown): never => {
    if (error instanceof GraphQLError) {
      throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } } });
    }
    throw error;
  };
}

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
  let stopStarted: (() => Promise<void>) | undefined;
  try {
    const applied = await db.migrate();
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
    const secret = Buffer.from(options.auth.internalSecret);
    const clientIp = (req: IncomingMessage) =>
      (hasSecret(req.headers[INTERNAL_SECRET_HEADER], secret) ? headerText(req.headers[CLIENT_IP_HEADER]) : undefined) ?? req.socket.remoteAddress ?? 'unknown';
    const runtime: SubgraphRuntime = {
      em: () => db.orm.em.fork(),
      logger,
      infrastructure: options.infrastructure,
      clientIp,
      auth: options.auth,
      clientUrl: options.clientUrl,
    };
    stopStarted = (await definition.onStart?.(runtime)) ?? undefined;
    const verifyToken = createTokenVerifier({ keys: remoteKeySet(options.auth.jwksUrl), issuer: options.auth.issuer, audience: options.auth.audience });
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
      // Events caused by this request carry its trace, so a consumer's work joins the same trace.
      const traceparent = childTraceparent(req.headers[TRACEPARENT_HEADER]);
      // The gateway verified the token already; verifying again means a call that bypasses it gains nothing.
      const token = bearerToken(req.headers.authorization);
      const viewer = token ? await verifyToken(token).catch(rethrowWithStatus(401)) : null;
      return {
        viewer,
        clientIp: clientIp(req),
        locale: negotiateLocale(req.headers['accept-language']),
        auth: options.auth,
        clientUrl: options.clientUrl,
        requestId,
        em,
        loaders: definition.createLoaders(em, viewer),
        logger: logger.child({ requestId }),
        infrastructure: options.infrastructure,
        emit: (event) => recordEvent(em, source, { traceparent, ...event }),
      };
    };

    const handler = async (req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/health') return sendJson(res, 200, { status: 'ok', service: definition.name });
      if (path === '/ready') {
        const ready = await db.isReachable();
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'database unreachable', service: definition.name });
      }
      if (path === '/graphql') {
        if (!hasSecret(req.headers[INTERNAL_SECRET_HEADER], secret)) {
          return sendJson(res, 401, { errors: [{ message: 'Subgraphs answer only the gateway.', extensions: { code: 'UNAUTHENTICATED' } }] });
        }
        return handleGraphQL(apollo, req, res, () => context(req));
      }
      const route = path ? (definition.routes?.[path] ?? definition.routes?.[`${path.replace(/\/[^/]*$/, '')}/*`]) : undefined;
      if (route) return route(req, res, runtime);
      sendJson(res, 404, { error: 'Not found' });
    };
    http = await startHttpServer({ host: options.host, port: options.port, portVariable: options.portVariable, handler });
    relay.start();
    // Consumers join their groups in the background: a broker still electing its coordinator must not stop the
    // subgraph from serving. New groups read from the beginning, so nothing published meanwhile is missed.
    const consumers = (definition.consumers ?? []).map((consumer) =>
      startConsumer(definition.name, consumer, db, options.infrastructure, logger).catch((error: unknown) => {
        logger.error({ err: error, consumer: consumer.name }, 'event consumer could not start');
        return async () => undefined;
      }),
    );
    logger.info({ url: `${http.url}/graphql` }, 'subgraph ready');

    return {
      name: definition.name,
      url: `${http.url}/graphql`,
      port: http.port,
      db,
      relay,
      async stop() {
        await apollo.stop();
        await Promise.all((await Promise.all(consumers)).map((stop) => stop()));
        await stopStarted?.();
        await relay.stop();
        await db.close();
      },
    };
  } catch (error) {
    await http?.close(0);
    await stopStarted?.();
    await db.close();
    throw error;
  }
}
