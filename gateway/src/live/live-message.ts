import { APPLICATION_STATUS_EVENT_TYPES, eventData, type DomainEvent, type EventType } from '@stages/platform';

/** What the gateway's replicas pass each other about an event: enough to match subscriptions, never the data. */
export interface LiveMessage {
  kind: 'application' | 'notification' | 'internship' | 'offer';
  /** Id of the object the subscription resolves (application, notification, internship, offer). */
  id: string;
  eventId: string;
  type: string;
  /** When the change happened (the event's time), for latency measurements. */
  time: string;
  /** The event's attributes that subscriptions filter on. */
  match: Record<string, string | null>;
}

export const LIVE_CHANNEL = 'live';

const INTERNSHIP_TYPES = ['internship.started', 'internship.updated', 'internship.completed', 'internship.supervisor-assigned'] as const;

/** Event types that reach subscribers, by topic. */
export const LIVE_EVENT_TYPES: Record<string, readonly EventType[]> = {
  'stages.application': APPLICATION_STATUS_EVENT_TYPES,
  'stages.notification': ['notification.created'],
  'stages.internship': INTERNSHIP_TYPES,
  'stages.offer': ['offer.published'],
};

/** The live message of an event, or undefined when no subscription is about it. */
export function toLiveMessage(event: DomainEvent): LiveMessage | undefined {
  const base = { eventId: event.id, type: event.type, time: event.time };
  if ((APPLICATION_STATUS_EVENT_TYPES as readonly string[]).includes(event.type)) {
    const data = eventData(event, event.type as (typeof APPLICATION_STATUS_EVENT_TYPES)[number]);
    return {
      ...base,
      kind: 'application',
      id: data.applicationId,
      match: { studentId: data.studentId, enterpriseId: data.enterpriseId, universityId: data.universityId },
    };
  }
  if (event.type === 'notification.created') {
    const data = eventData(event, 'notification.created');
    return { ...base, kind: 'notification', id: data.notificationId, match: { recipientUserId: data.recipientUserId } };
  }
  if ((INTERNSHIP_TYPES as readonly string[]).includes(event.type)) {
    const data = eventData(event, event.type as (typeof INTERNSHIP_TYPES)[number]);
    return {
      ...base,
      kind: 'internship',
      id: data.internshipId,
      match: { studentId: data.studentId, enterpriseId: data.enterpriseId, universityId: data.universityId, supervisorUserId: data.supervisorUserId },
    };
  }
  if (event.type === 'offer.published') {
    const data = eventData(event, 'offer.published');
    return { ...base, kind: 'offer', id: data.offerId, match: { enterpriseId: data.enterpriseId, city: data.city, remote: data.remote, title: data.title } };
  }
  return undefined;
}
