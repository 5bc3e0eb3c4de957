import { ConnectionType, findPage, loadByIdOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { NotificationsContext } from '../context.js';
import { Notification } from './notification.entity.js';

export const NotificationConnection = ConnectionType(Notification);

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => Notification, { description: 'One notification by id; NOT_FOUND when there is none.' })
  notification(@Arg('id', () => ID) id: string, @Ctx() ctx: NotificationsContext): Promise<Notification> {
    return loadByIdOrThrow(ctx.loaders.notificationById, 'Notification', id);
  }

  @Query(() => NotificationConnection, { description: 'Notifications, oldest first, as a Relay connection.' })
  notifications(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: NotificationsContext): Promise<Connection<Notification>> {
    return findPage(ctx.em, Notification, {}, args);
  }
}
