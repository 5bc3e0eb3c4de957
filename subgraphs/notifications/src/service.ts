import { defineSubgraph, parseId } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { createLoaders } from './context.js';
import { Notification } from './notification/notification.entity.js';
import { NotificationResolver } from './notification/notification.resolver.js';

export const notificationsSubgraph = defineSubgraph({
  name: 'notifications',
  defaultPort: 8009,
  entities: [Notification],
  migrations,
  resolvers: [NotificationResolver],
  referenceResolvers: {
    Notification: { __resolveReference: (reference, ctx) => ctx.loaders.notificationById.load(parseId(reference.id)) },
  },
  createLoaders,
});
