import type { Logger, PubSub, PubSubStatus } from '@stages/platform';
import { LIVE_CHANNEL, type LiveMessage } from './live-message.js';

export type HubSignal = { kind: 'message'; message: LiveMessage } | { kind: 'status'; status: PubSubStatus };

/** This gateway replica's end of the hub: one pub/sub subscription, dispatched to its open subscriptions. */
export class LiveHub {
  private readonly listeners = new Set<(signal: HubSignal) => void>();
  private stops: Array<() => unknown> = [];

  private constructor(private readonly logger: Logger) {}

  static async start(pubsub: PubSub, logger: Logger): Promise<LiveHub> {
    const hub = new LiveHub(logger);
    hub.stops.push(
      pubsub.onStatus((status) => {
        if (status.state === 'down') logger.warn({ reason: status.reason }, 'live updates interrupted');
        else logger.info('live updates resumed');
        hub.dispatch({ kind: 'status', status });
      }),
    );
    hub.stops.push(await pubsub.subscribe(LIVE_CHANNEL, (message) => hub.dispatch({ kind: 'message', message: message as LiveMessage })));
    return hub;
  }

  /** Number of open subscriptions on this replica. */
  get size(): number {
    return this.listeners.size;
  }

  listen(listener: (signal: HubSignal) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    await Promise.allSettled(this.stops.map((stop) => stop()));
    this.stops = [];
    this.listeners.clear();
  }

  private dispatch(signal: HubSignal): void {
    for (const listener of this.listeners) {
      try {
        listener(signal);
      } catch (error) {
        this.logger.error({ err: error }, 'live subscription listener failed');
      }
    }
  }
}
