import type { Logger, Viewer } from '@stages/platform';

export interface GatewayContext {
  requestId: string;
  /** W3C trace context passed to the subgraphs (and on to the events they emit). */
  traceparent?: string;
  logger: Logger;
  viewer: Viewer | null;
  /** The caller's address, forwarded to the subgraphs (throttling, audit). */
  clientIp: string;
  /** The caller's Accept-Language, forwarded to the subgraphs (texts they word: recommendation reasons). */
  acceptLanguage?: string;
  /** The caller's bearer token, forwarded to the subgraphs, which verify it again. */
  accessToken: string | undefined;
}
