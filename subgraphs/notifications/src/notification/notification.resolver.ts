import { authorize, ConnectionType, findPage, loadVisibleOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { NotificationsContext } from '../context.js';
import { Notification } from './notification.entity.js';
import { canReadNotification, notificationScope } from './notification.policy.js';

export const NotificationConnection = ConnectionType(Notification);

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => Notification, { description: 'One notification: its recipient or a system administrator.' })
  notification(@Arg('id', () => ID) id: string, @Ctx() ctx: NotificationsContext): Promise<Notification> {
    return loadVisibleOrThrow(ctx.loaders.notificationById, 'Notification', id, ctx.viewer, (notification) => canReadNotification(ctx.viewer, notification));
  }

  @Query(() => NotificationConnection, { description: 'The caller’s notifications (all of them for system administrators), oldest first.' })
  notifications(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: NotificationsContext): Promise<Connection<Notification>> {
    const scope = notificationScope(ctx.viewer);
    authorize(ctx.viewer, scope !== null);
    return findPage(ctx.em, Notification, scope!, args);
  }
}
