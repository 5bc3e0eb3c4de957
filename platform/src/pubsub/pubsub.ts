/** Whether the hub behind a PubSub can carry messages right now. */
export type PubSubStatus = { state: 'up' } | { state: 'down'; reason: string };

/**
 * Fire-and-forget fan-out between the instances of a service (the gateway's replicas): every subscriber of a
 * channel, in every process, receives each message published while it is subscribed. Memory in the embedded mode,
 * Redis otherwise. Nothing is kept for subscribers that were away: live updates are a view, not a record.
 */
export interface PubSub {
  readonly kind: 'memory' | 'redis';
  publish(channel: string, message: unknown): Promise<void>;
  /** Resolves once the subscription is active; returns a function that ends it. */
  subscribe(channel: string, listener: (message: unknown) => void): Promise<() => Promise<void>>;
  /** Tells when the hub becomes unreachable and when it is back (subscriptions are restored by then). */
  onStatus(listener: (status: PubSubStatus) => void): () => void;
  close(): Promise<void>;
}
