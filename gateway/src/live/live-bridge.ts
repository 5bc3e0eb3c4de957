import type { EventTransport, Logger, PubSub } from '@stages/platform';
import { LIVE_CHANNEL, LIVE_EVENT_TYPES, toLiveMessage } from './live-message.js';

/** Consumer group shared by the gateway replicas: each event enters the hub once, whichever replica reads it. */
export const LIVE_BRIDGE_GROUP = 'gateway.live';

/**
 * Moves the events subscriptions care about from the event transport (Kafka, or in-process) onto the hub that
 * every gateway replica listens to (Redis pub/sub, or memory). A push is a view of the moment: when the hub is
 * down the message is dropped (logged), not retried — clients refetch when live updates resume.
 */
export async function startLiveBridge(events: EventTransport, pubsub: PubSub, logger: Logger): Promise<() => Promise<void>> {
  return events.subscribe({
    group: LIVE_BRIDGE_GROUP,
    topics: Object.keys(LIVE_EVENT_TYPES),
    handler: async (event) => {
      if (!LIVE_EVENT_TYPES[event.topic]?.includes(event.type as never)) return;
      const message = toLiveMessage(event);
      if (!message) return;
      try {
        await pubsub.publish(LIVE_CHANNEL, message);
      } catch (error) {
        logger.warn({ err: error, eventId: event.id, type: event.type }, 'live update dropped: the hub is unreachable');
      }
    },
  });
}
