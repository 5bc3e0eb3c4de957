import type { ExecutionResult, SubscriptionForwarder } from '@urql/vue';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { shallowReactive } from 'vue';
import { accessTokenExpiring, currentAccessToken, refreshSession } from '../composables/auth/session';

/** The gateway closes a socket whose access token expired (or was refused) with this code. */
export const unauthorizedCloseCode = 4401;
/** After this many 4401 closes in a row without a successful connection, the subscriptions give up. */
const maxUnauthorizedStreak = 3;
/** A token refresh that could not reach the auth service is tried again after this delay. */
const renewRetryDelayMs = 5_000;
/** Reconnection delays grow from about 1 s to at most 30 s, with jitter so tabs do not reconnect in step. */
const maxRetryDelayMs = 30_000;
/** A ping keeps idle sockets from being cut by proxies. */
const keepAliveMs = 25_000;

/**
 * What the header shows about live updates, for whichever connection is current:
 * - `reconnecting`: the socket dropped while subscriptions were active and is being reopened;
 * - `unavailable`: subscriptions that last received SERVICE_UNAVAILABLE (the server's event hub is down);
 * - `resumed`: counts reconnections after a drop, so views can fetch what they may have missed.
 */
export const liveStatus = shallowReactive({
  reconnecting: false,
  unavailable: shallowReactive(new Set<symbol>()),
  resumed: 0,
});

/** `ws://` or `wss://` on this origin: the gateway serves subscriptions at `/graphql` beside the HTTP API. */
export function liveUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}

export function isUnauthorizedClose(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === unauthorizedCloseCode;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function backoff(retries: number): Promise<void> {
  const base = Math.min(maxRetryDelayMs, 1000 * 2 ** retries);
  return delay(base / 2 + Math.random() * (base / 2));
}

export interface LiveConnection {
  /** The `forwardSubscription` of urql's `subscriptionExchange`. */
  forward: SubscriptionForwarder;
  /** Closes the socket for good (sign-in, sign-out): the next client opens its own with the new session. */
  dispose(): void;
}

/**
 * One graphql-ws connection (subprotocol graphql-transport-ws) to the gateway, opened on the first subscription
 * and closed after the last one. Authentication is the access token in the connection params, read on every
 * (re)connect. graphql-ws treats close code 4401 as fatal and does not retry it, so each subscription handles it
 * here: refresh the token (once, shared) and subscribe again on a new socket. Network drops are retried with
 * backoff for as long as the page lives.
 */
export function createLiveConnection(): LiveConnection {
  /** The token the current socket was opened with: a 4401 refers to it. */
  let sentToken: string | null = null;
  let active = 0;
  let disposed = false;
  let interrupted = false;
  let unauthorizedStreak = 0;
  let renewing: Promise<boolean> | null = null;

  const ws: WsClient = createClient({
    url: () => liveUrl(),
    connectionParams: async () => {
      if (accessTokenExpiring()) await refreshSession();
      sentToken = currentAccessToken();
      return sentToken ? { authorization: `Bearer ${sentToken}` } : {};
    },
    // Retry every drop that graphql-ws does not consider fatal (browsers report an `error` event before the
    // close, which its default would not retry), without a limit: the page may stay open for hours.
    shouldRetry: () => true,
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait: backoff,
    keepAlive: keepAliveMs,
    on: {
      closed: (event) => {
        const code = (event as { code?: number } | null)?.code;
        if (!disposed && active > 0 && code !== 1000) {
          interrupted = true;
          liveStatus.reconnecting = true;
        }
      },
      connected: () => {
        unauthorizedStreak = 0;
        liveStatus.reconnecting = false;
        if (interrupted) {
          interrupted = false;
          liveStatus.resumed += 1;
        }
      },
    },
  });

  /** After a 4401: a fresh access token (unless another path already got one). False when the session is over. */
  function renewAfterUnauthorized(): Promise<boolean> {
    renewing ??= (async () => {
      unauthorizedStreak += 1;
      if (unauthorizedStreak > maxUnauthorizedStreak || sentToken === null) return false;
      // The server found the token expired, possibly before this tab's clock did: refresh now.
      if (currentAccessToken() === sentToken) {
        const outcome = await refreshSession();
        if (outcome === 'ended') return false;
        if (outcome === 'unavailable') await delay(renewRetryDelayMs);
      }
      return currentAccessToken() !== null;
    })().finally(() => {
      renewing = null;
    });
    return renewing;
  }

  const forward: SubscriptionForwarder = (request) => ({
    subscribe(sink) {
      let stopped = false;
      let cancel: (() => void) | null = null;
      active += 1;

      const stop = (): boolean => {
        if (stopped) return false;
        stopped = true;
        active -= 1;
        return true;
      };

      const start = () => {
        cancel = ws.subscribe<ExecutionResult['data'], ExecutionResult['extensions']>(
          {
            query: request.query ?? '',
            variables: request.variables as Record<string, unknown> | undefined,
            operationName: request.operationName,
            extensions: request.extensions,
          },
          {
            next: (value) => sink.next(value as ExecutionResult),
            complete: () => {
              if (stop()) sink.complete();
            },
            error: (error) => {
              if (stopped || disposed) return;
              if (isUnauthorizedClose(error)) {
                interrupted = true;
                liveStatus.reconnecting = true;
                void renewAfterUnauthorized().then((renewed) => {
                  if (stopped || disposed) return;
                  if (renewed) start();
                  else if (stop()) {
                    liveStatus.reconnecting = false;
                    sink.error(error);
                  }
                });
                return;
              }
              if (stop()) sink.error(error);
            },
          },
        );
      };

      start();
      return {
        unsubscribe() {
          stop();
          cancel?.();
        },
      };
    },
  });

  return {
    forward,
    dispose() {
      disposed = true;
      interrupted = false;
      liveStatus.reconnecting = false;
      liveStatus.unavailable.clear();
      void ws.dispose();
    },
  };
}
