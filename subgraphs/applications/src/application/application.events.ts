import type { EventType } from '@stages/platform';
import { ApplicationStatus } from './application.entity.js';

/** The event each status an application moves to publishes (SUBMITTED is never a move's target). */
export const APPLICATION_STATUS_EVENTS = {
  SHORTLISTED: 'application.shortlisted',
  INTERVIEW: 'application.interview-scheduled',
  OFFERED: 'application.offered',
  ACCEPTED: 'application.accepted',
  REJECTED: 'application.rejected',
  WITHDRAWN: 'application.withdrawn',
} as const satisfies Record<Exclude<ApplicationStatus, ApplicationStatus.SUBMITTED>, EventType>;
