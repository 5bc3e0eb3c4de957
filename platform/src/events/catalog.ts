import { z } from 'zod';
import type { DomainEvent } from './domain-event.js';

/**
 * The one catalog of domain events: every type a subgraph may emit and the shape of its data. Producers are
 * checked by the compiler (`NewEvent<T>`) and at run time when the event is recorded; consumers validate again,
 * and a payload that does not match goes to the dead-letter topic with the reason.
 *
 * Topics are one per aggregate (`stages.<aggregate>`); the aggregate id is the Kafka key, so one aggregate's
 * events stay in order.
 */
const id = z.uuid();
const optionalId = z.uuid().nullable();
const locale = z.enum(['fr', 'en']);
const isoDate = z.iso.date();

const applicationTransition = z.object({
  applicationId: id,
  studentId: id,
  offerId: id,
  enterpriseId: optionalId,
  universityId: optionalId,
  from: z.string(),
  to: z.string(),
  /** Why the status changed, as the person who changed it wrote it (optional). */
  reason: z.string().max(1000).nullable(),
  /** Account that made the change. */
  actorUserId: id,
});

const internshipChange = z.object({
  internshipId: id,
  studentId: id,
  enterpriseId: id,
  universityId: optionalId,
  supervisorUserId: optionalId,
  status: z.enum(['PLANNED', 'ONGOING', 'COMPLETED', 'TERMINATED']),
  startDate: isoDate,
  endDate: isoDate,
});

export const EVENT_CATALOG = {
  'user.registered': z.looseObject({
    userId: id,
    roles: z.array(z.string()).min(1),
    studentId: optionalId,
    enterpriseId: optionalId,
    universityId: optionalId,
    email: z.email(),
    displayName: z.string().min(1),
    locale,
    /** A recruiter registering with their enterprise (joining a known SIRET, or creating it). */
    enterprise: z
      .object({
        name: z.string().min(1),
        legalName: z.string().min(1),
        siret: z.string().regex(/^\d{14}$/),
        nafCode: z.string(),
        sector: z.string(),
        city: z.string(),
        headcount: z.int().nonnegative(),
      })
      .optional(),
  }),
  'enterprise.member-approved': z.object({ enterpriseId: id, userId: id, requestId: id }),
  'enterprise.member-rejected': z.object({ enterpriseId: id, userId: id, requestId: id }),
  /** A recruiter submitted the enterprise's profile for verification. */
  'enterprise.verification-requested': z.object({ enterpriseId: id, requestedBy: id }),
  /** A system administrator verified the enterprise: it may publish offers. */
  'enterprise.verified': z.object({ enterpriseId: id, decidedBy: id }),
  /** A verified enterprise changed what was verified (its SIRET): it is PENDING again and may not publish. */
  'enterprise.verification-reset': z.object({ enterpriseId: id, changedBy: id, reason: z.enum(['SIRET_CHANGED']) }),
  /** A system administrator refused the verification, saying why. */
  'enterprise.rejected': z.object({ enterpriseId: id, decidedBy: id, reason: z.string().min(1).max(1000) }),
  'application.created': z.object({
    applicationId: id,
    studentId: id,
    offerId: id,
    enterpriseId: optionalId,
    universityId: optionalId,
    /** The student's documents attached to it, which the enterprise may then read (absent in older events). */
    documentIds: z.array(id).max(5).optional(),
    /** The student's account, which uploaded those documents (absent in older events). */
    studentUserId: optionalId.optional(),
  }),
  'application.shortlisted': applicationTransition,
  'application.interview-scheduled': applicationTransition,
  'application.offered': applicationTransition,
  'application.accepted': applicationTransition,
  'application.rejected': applicationTransition,
  'application.withdrawn': applicationTransition,
  'offer.published': z.object({
    offerId: id,
    enterpriseId: id,
    title: z.string().min(1),
    city: z.string(),
    country: z.string().length(2),
    remote: z.enum(['ON_SITE', 'HYBRID', 'REMOTE']),
    durationMonths: z.int().positive(),
    startDate: isoDate,
    /** Last day to apply, if any. */
    deadline: isoDate.nullable(),
  }),
  /** A draft or published offer was edited (status tells which). */
  'offer.updated': z.object({
    offerId: id,
    enterpriseId: id,
    title: z.string().min(1),
    status: z.enum(['DRAFT', 'PUBLISHED', 'CLOSED', 'ARCHIVED']),
    deadline: isoDate.nullable(),
  }),
  /** A newly published offer matches a student's saved search (the student is alerted). */
  'offer.matched-saved-search': z.object({ savedSearchId: id, userId: id, offerId: id, title: z.string().min(1), searchName: z.string().min(1) }),
  'offer.closed': z.object({ offerId: id, enterpriseId: id, reason: z.enum(['MANUAL', 'DEADLINE', 'FILLED']) }),
  'internship.started': internshipChange,
  'internship.updated': internshipChange,
  'internship.completed': internshipChange,
  'internship.supervisor-assigned': internshipChange,
  /** Someone uploaded a file to the documents subgraph (`uploadDocument`). */
  'document.uploaded': z.object({
    documentId: id,
    ownerId: id,
    kind: z.enum(['CV', 'COVER_LETTER', 'CONVENTION', 'INTERNSHIP_REPORT', 'ATTESTATION', 'CERTIFICATE', 'EVALUATION_FORM']),
  }),
  /** The documents subgraph generated the attestation de stage of a completed internship. */
  'attestation.generated': z.object({ documentId: id, internshipId: id, studentId: id }),
  'notification.requested': z.object({
    requestedBy: id,
    recipientUserIds: z.array(id).min(1).max(1000),
    title: z.string().min(1).max(200),
    body: z.string().min(1).max(4000),
  }),
  'notification.created': z.object({ notificationId: id, recipientUserId: id, eventType: z.string() }),
} as const;

export type EventType = keyof typeof EVENT_CATALOG;
export type EventData<T extends EventType> = z.infer<(typeof EVENT_CATALOG)[T]>;

export const EVENT_TYPES = Object.keys(EVENT_CATALOG) as EventType[];

/** Every application event type, so consumers of the aggregate list it once. */
export const APPLICATION_STATUS_EVENT_TYPES = [
  'application.shortlisted',
  'application.interview-scheduled',
  'application.offered',
  'application.accepted',
  'application.rejected',
  'application.withdrawn',
] as const satisfies readonly EventType[];

/** A payload that does not match the catalog: the event is not retried but sent to the dead-letter topic. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_CATALOG, type);
}

/** Checks `data` against the catalog entry of `type`; returns the parsed data or throws `InvalidEventError`. */
export function validateEventData<T extends EventType>(type: T, data: unknown): EventData<T>;
export function validateEventData(type: string, data: unknown): Record<string, unknown>;
export function validateEventData(type: string, data: unknown): Record<string, unknown> {
  if (!isEventType(type)) throw new InvalidEventError(`Unknown event type ${JSON.stringify(type)}`);
  const result = EVENT_CATALOG[type].safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(data)'}: ${issue.message}`).join('; ');
    throw new InvalidEventError(`Invalid ${type} payload: ${issues}`);
  }
  return result.data as Record<string, unknown>;
}

/** The typed data of an event a consumer received, validated against the catalog. */
export function eventData<T extends EventType>(event: DomainEvent, type: T): EventData<T> {
  return validateEventData(type, event.data);
}

/** Topics of the catalog, created at start with the configured number of partitions (each with its `.DLT`). */
export function catalogTopics(): string[] {
  return [...new Set(EVENT_TYPES.map((type) => `stages.${type.split('.')[0]}`))];
}
