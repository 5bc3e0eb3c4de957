import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { extendSchema, parse, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import {
  bearerToken,
  createTokenVerifier,
  drainHttpServerPlugin,
  handleGraphQL,
  maskingFormatError,
  remoteKeySet,
  REQUEST_ID_HEADER,
  TRACEPARENT_HEADER,
  childTraceparent,
  requestIdFrom,
  requestLogPlugin,
  rethrowWithStatus,
  sendJson,
  startHttpServer,
  newId,
  MAX_ACCEPT_LANGUAGE_LENGTH,
  type AuthSettings,
  type EventTransport,
  type Logger,
  type PubSub,
} from '@stages/platform';
import type { GatewayContext } from './context.js';
import { isAuthServicePath, proxyToAuthService } from './auth-proxy.js';
import { staticClient } from './static-client.js';
import { SubgraphDataSource, type SubgraphFetcher } from './subgraph-data-source.js';
import { startLiveBridge } from './live/live-bridge.js';
import { LiveHub } from './live/live-hub.js';
import { startLiveServer } from './live/live-server.js';
import type { Subscriber } from './live/live-subscriptions.js';

export interface GatewayOptions {
  host: string;
  port: number;
  portVariable: string;
  supergraphSdl: string;
  /** Routing URL per subgraph name; a subgraph missing here keeps the supergraph's routing URL. */
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  subgraphFetcher?: SubgraphFetcher;
  auth: AuthSettings;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy that sets it). */
  trustProxy?: boolean;
  introspection: boolean;
  /** Built client to serve at `/`, if any. */
  clientDist?: string;
  logger: Logger;
  /** Live updates: the SDL of schema/subscriptions.graphql, where events come from, and the replicas' hub. */
  live?: {
    subscriptionsSdl: string;
    events: EventTransport;
    pubsub: PubSub;
    keepAliveMs: number;
  };
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 2000;

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { logger } = options;
  const routes = new Map<string, string>();
  // @apollo/gateway otherwise exports anonymous usage metrics to Apollo; it reads this when constructed.
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No routing URL for subgraph ${name}`);
      routes.set(name, target);
      return new SubgraphDataSource(name, target, options.auth.internalSecret, options.subgraphTimeoutMs, options.subgraphFetcher);
    },
    logger: {
      debug: () => undefined,
      info: (message) => logger.info(String(message)),
      warn: (message) => logger.warn(String(message)),
      error: (message) => logger.error(String(message)),
    },
  });

  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate((update) => void (apiSchema = update.apiSchema));

  let http: Awaited<ReturnType<typeof startHttpServer>> | undefined;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    stopOnTerminationSignals: false,
    formatError: maskingFormatError(logger),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      drainHttpServerPlugin(() => http),
      requestLogPlugin(),
      retryAfterPlugin(),
    ],
  });
  await apollo.start();

  const verifyToken = createTokenVerifier({ keys: remoteKeySet(options.auth.jwksUrl), issuer: options.auth.issuer, audience: options.auth.audience });
  const client = options.clientDist ? staticClient(options.clientDist) : undefined;
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') return sendJson(res, 200, { status: 'ok', service: 'gateway' });
    if (path === '/ready') {
      const services = await checkSubgraphs(routes);
      const ready = Object.values(services).every((status) => status === 'ready');
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'degraded', services });
    }
    if (path === '/graphql') {
      const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
      res.setHeader(REQUEST_ID_HEADER, requestId);
      return handleGraphQL(apollo, req, res, async () => {
        const accessToken = bearerToken(headerValue(req.headers.authorization));
        const viewer = accessToken ? await verifyToken(accessToken).catch(rethrowWithStatus(401)) : null;
        return {
          requestId,
          traceparent: childTraceparent(req.headers[TRACEPARENT_HEADER]),
          logger: logger.child({ requestId }),
          viewer,
          accessToken,
          acceptLanguage: headerValue(req.headers['accept-language'])?.slice(0, MAX_ACCEPT_LANGUAGE_LENGTH),
          clientIp: clientIp(req, options.trustProxy ?? false),
        };
      });
    }
    const auth = routes.get('auth');
    if (path && auth && isAuthServicePath(path)) {
      return proxyToAuthService(new URL(auth).origin, options.auth.internalSecret, clientIp(req, options.trustProxy ?? false))(req, res);
    }
    if (client && (await client(req, res))) return;
    sendJson(res, 404, { error: 'Not found' });
  };
  http = await startHttpServer({ host: options.host, port: options.port, portVariable: options.portVariable, handler });

  const stops: Array<() => Promise<unknown>> = [];
  if (options.live) {
    const { live } = options;
    // Runs a query or mutation through this gateway (plan, subgraph calls, masking) as the given subscriber.
    const run = async (query: DocumentNode, variables: Record<string, unknown> | undefined, subscriber: Subscriber, operationName?: string | null) => {
      const requestId = newId();
      const response = await apollo.executeOperation(
        { query, variables, operationName: operationName ?? undefined },
        {
          contextValue: {
            requestId,
            traceparent: childTraceparent(undefined),
            logger: logger.child({ requestId }),
            viewer: subscriber.viewer,
            accessToken: subscriber.accessToken,
            clientIp: subscriber.clientIp,
          },
        },
      );
      return (response.body.kind === 'single' ? response.body.singleResult : { errors: [] }) as ExecutionResult;
    };
    const hub = await LiveHub.start(live.pubsub, logger);
    stops.push(() => hub.stop());
    const stopBridge = await startLiveBridge(live.events, live.pubsub, logger);
    stops.push(stopBridge);
    const liveServer = startLiveServer({
      server: http.server,
      path: '/graphql',
      schema: extendSchema(apiSchema!, parse(live.subscriptionsSdl)),
      hub,
      verifyToken,
      runQuery: (document, variables, subscriber) => run(document, variables, subscriber),
      runOperation: (args, subscriber) => run(args.document, args.variableValues as Record<string, unknown> | undefined, subscriber, args.operationName),
      clientIp: (req) => clientIp(req, options.trustProxy ?? false),
      keepAliveMs: live.keepAliveMs,
      logger,
    });
    // Sockets close first (clients reconnect elsewhere), then the hub and the bridge, then HTTP drains.
    stops.unshift(() => liveServer.close());
  }
  return {
    url: http.url,
    port: http.port,
    async stop() {
      for (const stop of stops) await stop().catch((error: unknown) => logger.warn({ err: error }, 'live updates did not stop cleanly'));
      await apollo.stop();
    },
  };
}

/** Asks each subgraph's /ready, in parallel, each bounded by a short timeout. */
async function checkSubgraphs(routes: Map<string, string>): Promise<Record<string, string>> {
  const entries = await Promise.all(
    [...routes].map(async ([name, url]) => {
      try {
        const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
        return [name, response.ok ? 'ready' : `not ready (HTTP ${response.status})`] as const;
      } catch {
        return [name, 'unreachable'] as const;
      }
    }),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** A throttled operation (TOO_MANY_REQUESTS with retryAfterSeconds) also gets an HTTP Retry-After header. */
function retryAfterPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const waits = (response.body.singleResult.errors ?? [])
            .map((error) => error.extensions?.retryAfterSeconds)
            .filter((value): value is number => typeof value === 'number');
          if (waits.length > 0) response.http.headers.set('retry-after', String(Math.max(...waits)));
        },
      };
    },
  };
}

function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? headerValue(req.headers['x-forwarded-for'])?.split(',')[0]?.trim() : undefined;
  return forwarded || req.socket.remoteAddress || 'unknown';
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
