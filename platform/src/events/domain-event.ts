/** A domain event as it travels: the CloudEvents 1.0 attributes plus the topic it is published on. */
export interface DomainEvent<TData = Record<string, unknown>> {
  /** Unique event id (UUID); consumers deduplicate on it. */
  id: string;
  /** CloudEvents `source`: the subgraph that emitted the event, e.g. `/subgraphs/offers`. */
  source: string;
  /** `<aggregate>.<past-tense verb>`, e.g. `offer.published`. */
  type: string;
  /** Aggregate id; also the Kafka message key, so one aggregate's events stay in order. */
  subject: string;
  /** ISO-8601 time the change happened. */
  time: string;
  topic: string;
  data: TData;
  /** W3C trace context of the request that caused the event. */
  traceparent?: string;
  /** Set on an event read from a dead-letter topic: where it came from and why it failed. */
  deadLetter?: DeadLetterInfo;
}

export interface DeadLetterInfo {
  topic: string;
  partition: number;
  offset: string;
  group: string;
  error: string;
  failedAt: string;
}

/** Topic that receives the events a consumer group could not process (`<topic>.DLT`). */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.DLT`;
}

/** Retry schedule of a failing handler before its event goes to the dead-letter topic. */
export const HANDLER_RETRY_DELAYS_MS = [100, 500, 2000];

export type EventHandler = (event: DomainEvent) => Promise<void>;

export interface SubscribeOptions {
  /** Consumer group: each group receives each event once, whatever the number of subscribed instances. */
  group: string;
  topics: string[];
  handler: EventHandler;
}

/** Moves events from outbox relays to consumers: in-process in the embedded mode, Kafka otherwise. */
export interface EventTransport {
  readonly kind: 'in-process' | 'kafka';
  publish(events: DomainEvent[]): Promise<void>;
  /** Starts consuming; resolves once the subscription is active and returns a function that stops it. */
  subscribe(options: SubscribeOptions): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Topic of an event type: one topic per aggregate (`offer.published` → `stages.offer`). */
export function topicOf(type: string): string {
  const aggregate = type.split('.')[0];
  if (!aggregate || !/^[a-z][a-z-]*$/.test(aggregate)) throw new Error(`Event type ${JSON.stringify(type)} has no aggregate prefix`);
  return `stages.${aggregate}`;
}
