import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from '../logging/logger.js';

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
