import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';

type ExecutionResult<T> = FormattedExecutionResult<T, unknown>;
import WebSocket from 'ws';

/** A graphql-ws client of the gateway, as a browser would use it (token in the connection params). */
export function liveClient(graphqlUrl: string, token?: string): Client {
  return createClient({
    url: graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

export interface LiveSubscription {
  /** Every `next` payload received so far. */
  results: ExecutionResult<Record<string, any>>[];
  /** Resolves when the server completes or errors the subscription (or the socket closes). */
  ended: Promise<{ error?: unknown }>;
  /** Waits until `count` results arrived; rejects after the timeout. */
  waitFor(count: number, timeoutMs?: number): Promise<ExecutionResult<Record<string, any>>[]>;
  stop(): void;
}

export function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}, onResult?: (result: ExecutionResult<Record<string, any>>) => void): LiveSubscription {
  const results: ExecutionResult<Record<string, any>>[] = [];
  const waiters = new Set<() => void>();
  let endedResolve!: (value: { error?: unknown }) => void;
  const ended = new Promise<{ error?: unknown }>((resolve) => (endedResolve = resolve));
  const stop = client.subscribe<Record<string, any>>(
    { query, variables },
    {
      next: (result) => {
        results.push(result);
        onResult?.(result);
        for (const waiter of waiters) waiter();
      },
      error: (error) => endedResolve({ error }),
      complete: () => endedResolve({}),
    },
  );
  return {
    results,
    ended,
    stop,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (results.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(results);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} pushes within ${timeoutMs} ms, got ${results.length}: ${JSON.stringify(results)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
