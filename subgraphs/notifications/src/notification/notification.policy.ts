import { isSystemAdmin, type RowScope, type Viewer } from '@stages/platform';
import type { Notification } from './notification.entity.js';

/** A notification is visible to the person it was sent to and to system administrators. */
export const canReadNotification = (viewer: Viewer | null, notification: Notification): boolean =>
  isSystemAdmin(viewer) || (viewer !== null && viewer.subject === notification.userId);

/** The notifications a caller may list, or null when none (anonymous). */
export function notificationScope(viewer: Viewer | null): RowScope<Notification> | null {
  if (isSystemAdmin(viewer)) return {};
  return viewer ? { userId: viewer.subject } : null;
}
