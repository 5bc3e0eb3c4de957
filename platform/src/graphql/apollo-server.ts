import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RunningHttpServer } from '../http/http-server.js';
import type { Logger } from '../logging/logger.js';
import { maskError } from './errors.js';

/** Masks unexpected errors for clients (see maskError) and logs the original once, with its stack. */
export function maskingFormatError(logger: Logger): NonNullable<ApolloServerOptions<BaseContext>['formatError']> {
  return (formatted, error) => {
    const masked = maskError(formatted);
    if (masked.extensions?.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: error, path: formatted.path }, 'request failed');
    return masked;
  };
}

/** On `apollo.stop()`, stops the HTTP server (created after the Apollo server) and waits for requests in flight. */
export function drainHttpServerPlugin(server: () => RunningHttpServer | undefined): ApolloServerPlugin<BaseContext> {
  return {
    async serverWillStart() {
      return { drainServer: async () => void (await server()?.close()) };
    },
  };
}

/** One JSON log line per GraphQL request (operation, duration, error count), tagged with the request id. */
export function requestLogPlugin<TContext extends BaseContext & { logger: Logger }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      const started = performance.now();
      return {
        async willSendResponse({ response, errors }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          contextValue.logger.info(
            {
              operation: request.operationName ?? null,
              durationMs: Math.round(performance.now() - started),
              errors: (errors?.length ?? 0) + (body?.errors?.length ?? 0),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
