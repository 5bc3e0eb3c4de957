import type { Logger } from '../logging/logger.js';
import { InvalidEventError } from './catalog.js';
import { HANDLER_RETRY_DELAYS_MS, type DomainEvent, type EventHandler } from './domain-event.js';

export interface DeliveryOptions {
  group: string;
  logger?: Logger;
  delaysMs?: readonly number[];
  /** Called between attempts (Kafka: a heartbeat, so a long backoff does not cost the partition). */
  beforeRetry?: () => Promise<void>;
  /** Sends the event to the dead-letter topic; a failure here propagates, so the event is delivered again. */
  deadLetter(error: unknown): Promise<void>;
}

/**
 * Runs a handler with retries and backoff; an event that still fails, or whose payload is invalid (retrying
 * cannot help), goes to the dead-letter topic, and the caller moves on to the next event.
 */
export async function deliverWithRetries(handler: EventHandler, event: DomainEvent, options: DeliveryOptions): Promise<void> {
  const delays = options.delaysMs ?? HANDLER_RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      await handler(event);
      return;
    } catch (error) {
      const delay = error instanceof InvalidEventError ? undefined : delays[attempt];
      if (delay === undefined) {
        options.logger?.error(
          { err: error, group: options.group, eventId: event.id, type: event.type, topic: event.topic, attempts: attempt + 1 },
          'event sent to the dead-letter topic',
        );
        await options.deadLetter(error);
        return;
      }
      options.logger?.warn({ err: error, group: options.group, eventId: event.id, type: event.type, attempt: attempt + 1 }, 'event handler failed; retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
      await options.beforeRetry?.();
    }
  }
}

/** One line for the dead-letter headers: the error's class and message, without its stack. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}
