import { defineSubgraph, resolveVisibleReference } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { createLoaders } from './context.js';
import { Notification } from './notification/notification.entity.js';
import { canReadNotification } from './notification/notification.policy.js';
import { NotificationResolver } from './notification/notification.resolver.js';

export const notificationsSubgraph = defineSubgraph({
  name: 'notifications',
  defaultPort: 8009,
  entities: [Notification],
  migrations,
  resolvers: [NotificationResolver],
  referenceResolvers: {
    Notification: { __resolveReference: (reference, ctx) => resolveVisibleReference(ctx.loaders.notificationById, reference.id, ctx.viewer, (notification) => canReadNotification(ctx.viewer, notification)) },
  },
  createLoaders,
});
