import type { Server } from 'node:http';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import { WebSocketServer } from 'ws';
import type { ExecutionArgs, ExecutionResult, GraphQLSchema } from 'graphql';
import { bearerToken, type Logger, type Viewer } from '@stages/platform';
import type { LiveHub } from './live-hub.js';
import { createLiveSubscribe, type RunQuery, type Subscriber } from './live-subscriptions.js';

export interface LiveServerOptions {
  server: Server;
  path: string;
  /** The supergraph's API schema extended with schema/subscriptions.graphql. */
  schema: GraphQLSchema;
  hub: LiveHub;
  verifyToken(token: string): Promise<Viewer>;
  runQuery: RunQuery;
  /** Queries and mutations sent over the socket run through the gateway like HTTP ones. */
  runOperation(args: ExecutionArgs, subscriber: Subscriber): Promise<ExecutionResult>;
  clientIp(request: import('node:http').IncomingMessage): string;
  keepAliveMs: number;
  logger: Logger;
}

interface ConnectionExtra {
  subscriber?: Subscriber;
  expiry?: NodeJS.Timeout;
}

/**
 * graphql-ws on the gateway's HTTP server. The access token comes in the connection params
 * (`authorization: "Bearer …"`); a bad token refuses the connection (4401) and the socket is closed with 4401
 * when the token expires, so the client reconnects with a fresh one. Anonymous connections may subscribe to
 * what is public. Pings keep the connection alive through proxies and find dead peers.
 */
export function startLiveServer(options: LiveServerOptions): { close(): Promise<void> } {
  const { logger } = options;
  const wss = new WebSocketServer({ server: options.server, path: options.path });
  const subscribe = createLiveSubscribe(options.hub, options.runQuery, logger);
  const extraOf = (ctx: { extra: unknown }) => ctx.extra as ConnectionExtra & { socket: import('ws').WebSocket; request: import('node:http').IncomingMessage };

  const server = useServer(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        const extra = extraOf(ctx);
        const raw = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const token = typeof raw === 'string' ? (bearerToken(raw) ?? raw) : undefined;
        let viewer: Viewer | null = null;
        if (token) {
          try {
            viewer = await options.verifyToken(token);
          } catch {
            extra.socket.close(CloseCode.Unauthorized, 'Unauthorized: the access token is invalid or expired');
            return false;
          }
          const exp = decodeJwt(token).exp;
          if (exp) {
            const ms = exp * 1000 - Date.now();
            extra.expiry = setTimeout(() => extra.socket.close(CloseCode.Unauthorized, 'Unauthorized: the access token expired'), Math.max(0, ms));
            extra.expiry.unref();
          }
        }
        extra.subscriber = {
          viewer,
          accessToken: token,
          clientIp: options.clientIp(extra.request),
          revoke: () => extra.socket.close(CloseCode.Unauthorized, 'Unauthorized: the access token is no longer accepted'),
        };
        return true;
      },
      onClose: (ctx) => clearTimeout(extraOf(ctx).expiry),
      subscribe: (args: ExecutionArgs) => subscribe(args, (args.contextValue as { subscriber: Subscriber }).subscriber),
      execute: (args: ExecutionArgs) => options.runOperation(args, (args.contextValue as { subscriber: Subscriber }).subscriber),
      context: (ctx) => ({ subscriber: extraOf(ctx).subscriber! }),
    },
    wss,
    options.keepAliveMs,
  );
  logger.debug({ path: options.path }, 'subscriptions endpoint ready');
  return {
    async close() {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
