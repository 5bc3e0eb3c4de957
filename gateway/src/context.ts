import type { Logger, Viewer } from '@stages/platform';

export interface GatewayContext {
  requestId: string;
  logger: Logger;
  viewer: Viewer | null;
  /** The caller's address, forwarded to the subgraphs (throttling, audit). */
  clientIp: string;
  /** The caller's bearer token, forwarded to the subgraphs, which verify it again. */
  accessToken: string | undefined;
}
