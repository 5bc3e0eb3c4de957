import { isSystemAdmin, type RowScope, type Viewer } from '@stages/platform';
import type { Notification } from './notification.entity.js';

/** A notification is visible to the person it was sent to and to system administrators. */
export const canReadNotification = (viewer: Viewer | null, notification: Notification): boolean =>
  isSystemAdmin(viewer) || isRecipient(viewer, notification);

/** Only the recipient changes a notification (marks it read), not even an administrator. */
export const isRecipient = (viewer: Viewer | null, notification: Pick<Notification, 'recipientUserId'>): boolean =>
  viewer?.kind === 'user' && viewer.subject === notification.recipientUserId;

/** The notifications a caller may list, or null when none (anonymous). */
export function notificationScope(viewer: Viewer | null): RowScope<Notification> | null {
  if (isSystemAdmin(viewer)) return {};
  return viewer ? { recipientUserId: viewer.subject } : null;
}

/** The signed-in person whose own notifications, preferences and subscriptions these are; null otherwise. */
export const personOf = (viewer: Viewer | null): string | null => (viewer?.kind === 'user' ? viewer.subject : null);
