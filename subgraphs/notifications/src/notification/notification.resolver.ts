import {
  authorize,
  badUserInput,
  ConnectionType,
  findPage,
  isSystemAdmin,
  isUuid,
  loadByIdOrThrow,
  loadVisibleOrThrow,
  PageArgs,
  pageRequest,
  toConnection,
  type Connection,
} from '@stages/platform';
import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { NotificationsContext } from '../context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { Notification, NotificationChannel } from './notification.entity.js';
import { MyNotificationsArgs, SendNotificationInput, SendNotificationResult } from './notification.inputs.js';
import { canReadNotification, isRecipient, notificationScope, personOf } from './notification.policy.js';

export const NotificationConnection = ConnectionType(Notification);

export const MAX_RECIPIENTS = 1000;

/** The signed-in person (not an integration client); UNAUTHENTICATED or FORBIDDEN otherwise. */
export function requirePerson(ctx: NotificationsContext): string {
  const userId = personOf(ctx.viewer);
  authorize(ctx.viewer, userId !== null, 'Only a signed-in person has notifications.');
  return userId!;
}

function text(field: 'title' | 'body', value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > max) throw badUserInput(field, `${field} must have between 1 and ${max} characters.`);
  return trimmed;
}

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

  @Query(() => NotificationConnection, { description: 'The signed-in person’s in-app notifications, newest first.' })
  async myNotifications(@Args(() => MyNotificationsArgs) args: MyNotificationsArgs, @Ctx() ctx: NotificationsContext): Promise<Connection<Notification>> {
    const recipientUserId = requirePerson(ctx);
    const page = pageRequest(args);
    const where = { recipientUserId, channel: NotificationChannel.IN_APP, ...(args.unreadOnly ? { readAt: null } : {}) };
    // Keyset on the time-ordered id, descending: the next page holds older notifications.
    const rows =
      page.limit === 0
        ? []
        : await ctx.em.find(Notification, page.afterId ? { ...where, id: { $lt: page.afterId } } : where, { orderBy: { id: 'desc' }, limit: page.limit + 1 });
    return toConnection(rows, page, await ctx.em.count(Notification, where));
  }

  @Query(() => Int, { description: 'How many of the signed-in person’s in-app notifications are not read yet.' })
  unreadNotificationCount(@Ctx() ctx: NotificationsContext): Promise<number> {
    const recipientUserId = requirePerson(ctx);
    return ctx.em.count(Notification, { recipientUserId, channel: NotificationChannel.IN_APP, readAt: null });
  }

  @Mutation(() => Notification, { description: 'Marks one of the caller’s notifications read (only its recipient may).' })
  async markNotificationRead(@Arg('id', () => ID) id: string, @Ctx() ctx: NotificationsContext): Promise<Notification> {
    const notification = await loadByIdOrThrow(ctx.loaders.notificationById, 'Notification', id);
    authorize(ctx.viewer, isRecipient(ctx.viewer, notification));
    if (!notification.readAt) {
      notification.readAt = new Date();
      await ctx.em.flush();
    }
    return notification;
  }

  @Mutation(() => Int, { description: 'Marks every unread notification of the caller read; returns how many were.' })
  markAllNotificationsRead(@Ctx() ctx: NotificationsContext): Promise<number> {
    const recipientUserId = requirePerson(ctx);
    return ctx.em.nativeUpdate(Notification, { recipientUserId, readAt: null }, { readAt: new Date() });
  }

  @Mutation(() => SendNotificationResult, { description: 'Sends a message to some accounts on their chosen channels: system administrators.' })
  async sendNotification(@Arg('input', () => SendNotificationInput) input: SendNotificationInput, @Ctx() ctx: NotificationsContext): Promise<SendNotificationResult> {
    authorize(ctx.viewer, isSystemAdmin(ctx.viewer) && personOf(ctx.viewer) !== null);
    const title = text('title', input.title, 200);
    const body = text('body', input.body, 4000);
    const ids = [...new Set(input.recipientUserIds.map((id) => id.toLowerCase()))];
    if (ids.length < 1 || ids.length > MAX_RECIPIENTS) throw badUserInput('recipientUserIds', `recipientUserIds must list between 1 and ${MAX_RECIPIENTS} accounts.`);
    const malformed = ids.find((id) => !isUuid(id));
    if (malformed) throw badUserInput('recipientUserIds', `recipientUserIds must be account ids (UUIDs); ${JSON.stringify(malformed.slice(0, 60))} is not one.`);
    const known = new Set((await ctx.em.find(Recipient, { userId: { $in: ids } }, { fields: ['userId'] })).map((recipient) => recipient.userId));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) throw badUserInput('recipientUserIds', `recipientUserIds has ${unknown.length} unknown account(s), e.g. ${unknown[0]}.`);
    // The consumer of this event creates and delivers the notifications, committed with it or not at all.
    ctx.emit({ type: 'notification.requested', subject: ctx.viewer!.subject, data: { requestedBy: ctx.viewer!.subject, recipientUserIds: ids, title, body } });
    await ctx.em.flush();
    return { recipientCount: ids.length, requestedAt: new Date() };
  }
}
