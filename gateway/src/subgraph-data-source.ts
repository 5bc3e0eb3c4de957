import http from 'node:http';
import https from 'node:https';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import fetch, { type RequestInit } from 'node-fetch';
import { CLIENT_IP_HEADER, INTERNAL_SECRET_HEADER, REQUEST_ID_HEADER, TRACEPARENT_HEADER } from '@stages/platform';
import type { GatewayContext } from './context.js';

// A plain keep-alive fetcher: @apollo/gateway's default (make-fetch-happen) costs far more CPU per request.
const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 50 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 50 });

function keepAliveFetcher(timeoutMs: number) {
  return (url: string, init?: RequestInit) =>
    fetch(url, {
      ...init,
      agent: (parsed: URL) => (parsed.protocol === 'https:' ? httpsAgent : httpAgent),
      signal: AbortSignal.timeout(timeoutMs) as RequestInit['signal'],
    });
}

/**
 * Calls one subgraph: forwards the request id, bounds the call by a timeout, and turns network failures and
 * timeouts into a SERVICE_UNAVAILABLE error that names the service, so the rest of the response still arrives.
 */
export type SubgraphFetcher = 'keep-alive' | 'apollo-default';

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly internalSecret: string,
    timeoutMs: number,
    fetcher: SubgraphFetcher = 'keep-alive',
  ) {
    // 'apollo-default' exists only as the baseline of bench/gateway-fetcher.ts; it has no timeout.
    super({ url, ...(fetcher === 'keep-alive' ? { fetcher: keepAliveFetcher(timeoutMs) as never } : {}) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    headers.set(INTERNAL_SECRET_HEADER, this.internalSecret);
    if (context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.clientIp) headers.set(CLIENT_IP_HEADER, context.clientIp);
    if (context.traceparent) headers.set(TRACEPARENT_HEADER, context.traceparent);
    if (context.accessToken) headers.set('authorization', `Bearer ${context.accessToken}`);
    if (context.acceptLanguage) headers.set('accept-language', context.acceptLanguage);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      // A 4xx with GraphQL errors (e.g. a variable the subgraph's scalar refuses): the service is up and said why.
      const answer = (error as GraphQLError).extensions?.response as { status?: number; body?: { errors?: unknown } } | undefined;
      if (answer?.status && answer.status < 500 && Array.isArray(answer.body?.errors)) {
        return { errors: answer.body.errors } as GatewayGraphQLResponse;
      }
      const reason = (error as { name?: string }).name === 'AbortError' || (error as { type?: string }).type === 'aborted' ? 'timed out' : 'unreachable';
      options.context?.logger?.warn({ service: this.serviceName, reason, err: error }, 'subgraph call failed');
      throw new GraphQLError(`The ${this.serviceName} service is unavailable; some data could not be loaded.`, {
        extensions: { code: 'SERVICE_UNAVAILABLE', service: this.serviceName },
      });
    }
  }
}
