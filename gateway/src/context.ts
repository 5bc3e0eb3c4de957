import type { Logger } from '@stages/platform';

export interface GatewayContext {
  requestId: string;
  logger: Logger;
}
