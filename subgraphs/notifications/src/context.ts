import { byIdLoader, type EntityManager, type SubgraphContext } from '@stages/platform';
import { Notification } from './notification/notification.entity.js';

export function createLoaders(em: EntityManager) {
  return { notificationById: byIdLoader(em, Notification) };
}

export type NotificationsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
