import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/vue';
import { shallowRef } from 'vue';
import {
  accessTokenExpiring,
  clearSession,
  currentAccessToken,
  refreshSession,
} from '../composables/auth/session';
import { createLiveConnection, type LiveConnection } from './live';
import { currentLocale } from '../i18n';

const bearerPrefix = 'Bearer ';

function withAuthorization(init: RequestInit | undefined, token: string | null): RequestInit {
  const headers = new Headers(init?.headers);
  if (token) headers.set('authorization', `${bearerPrefix}${token}`);
  else headers.delete('authorization');
  return { ...init, headers };
}

function sentToken(init: RequestInit | undefined): string | null {
  const value = new Headers(init?.headers).get('authorization');
  return value?.startsWith(bearerPrefix) ? value.slice(bearerPrefix.length) : null;
}

/**
 * `fetch` for urql, around the session: refreshes an access token about to expire before sending it, and on an
 * HTTP 401 (the gateway refused the token) refreshes once and retries. When that fails too the session is over:
 * it is cleared and the request is sent again anonymously, so public pages keep working and protected ones
 * answer UNAUTHENTICATED.
 */
async function fetchWithSession(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if (accessTokenExpiring()) await refreshSession();
  // The session may have changed since urql built the request (refreshed, signed in or out).
  const token = currentAccessToken();
  const request = sentToken(init) === token ? init : withAuthorization(init, token);
  const response = await fetch(input, request);
  if (response.status !== 401 || token === null) return response;

  // Another request may already have refreshed; otherwise refresh now (one shared request).
  const outcome = currentAccessToken() !== token ? 'refreshed' : await refreshSession();
  const renewed = currentAccessToken();
  if (outcome === 'refreshed' && renewed !== null && renewed !== token) {
    const retried = await fetch(input, withAuthorization(init, renewed));
    if (retried.status !== 401) return retried;
  }
  clearSession('expired');
  return fetch(input, withAuthorization(init, null));
}

/** How every request reaches the gateway: same origin, the session's bearer token, the interface language. */
const httpOptions = {
  url: '/graphql',
  // Read on every request: the bearer token of the current session, if any, and the interface language. The
  // gateway's CSRF prevention accepts these JSON POSTs.
  fetchOptions: (): RequestInit => {
    const token = currentAccessToken();
    // The interface language, for the texts the API words itself (recommendation reasons).
    const headers: Record<string, string> = { 'accept-language': currentLocale() };
    if (token) headers.authorization = `${bearerPrefix}${token}`;
    return { credentials: 'same-origin', headers };
  },
  fetch: fetchWithSession,
  preferGetMethod: false as const,
};

/**
 * A client for the supergraph gateway, which serves the API on the same origin as this app: queries and
 * mutations over HTTP, subscriptions over the given WebSocket connection (graphql-ws).
 */
export function createGraphqlClient(live: LiveConnection = createLiveConnection()): Client {
  return new Client({ ...httpOptions, exchanges: [cacheExchange, subscriptionExchange({ forwardSubscription: live.forward }), fetchExchange] });
}

/** A client that keeps nothing: for large answers read once (a document's bytes), which a cache would hold on to. */
export const uncachedClient = new Client({ ...httpOptions, exchanges: [fetchExchange], requestPolicy: 'network-only' });

// The WebSocket of the current client: replaced with it, so a new session never reuses a socket authenticated
// as the previous one.
let liveConnection = createLiveConnection();

/**
 * The client the app uses, replaced by `resetGraphqlClient` when someone signs in or out so no cached result
 * of one session is ever shown in another, and no subscription keeps the previous session's socket. Pages
 * created afterwards get the new one.
 */
export const graphqlClient = shallowRef<Client>(createGraphqlClient(liveConnection));

export function resetGraphqlClient(): void {
  liveConnection.dispose();
  liveConnection = createLiveConnection();
  graphqlClient.value = createGraphqlClient(liveConnection);
}
