import type { WebPushSender } from './push/web-push-sender.js';
import type { NotificationSettings } from './settings.js';

/** What `onStart` prepared and resolvers need beyond their request (the web push key, the settings). */
export interface NotificationsRuntime {
  settings: NotificationSettings;
  push: WebPushSender;
}

let current: NotificationsRuntime | undefined;

export function setNotificationsRuntime(runtime: NotificationsRuntime | undefined): void {
  current = runtime;
}

export function notificationsRuntime(): NotificationsRuntime {
  if (!current) throw new Error('The notifications subgraph has not started');
  return current;
}
