import { Client, cacheExchange, fetchExchange } from '@urql/vue';

/** The supergraph gateway serves the API on the same origin as this app. */
export const graphqlClient = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  // Same-origin cookies; the gateway's CSRF prevention accepts JSON POSTs with this content type.
  fetchOptions: () => ({ credentials: 'same-origin' }),
  preferGetMethod: false,
});
