import { byIdLoader, type EntityManager, type SubgraphContext, type Viewer } from '@stages/platform';
import { Notification } from './notification/notification.entity.js';

export function createLoaders(em: EntityManager, _viewer: Viewer | null) {
  return { notificationById: byIdLoader(em, Notification) };
}

export type NotificationsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
