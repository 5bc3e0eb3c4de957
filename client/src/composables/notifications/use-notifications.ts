import { shallowReactive } from 'vue';
import { graphqlClient } from '../../graphql/client';
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationReadDocument,
  NotificationBellDocument,
  NotificationReceivedDocument,
  type NotificationItem,
} from '../../graphql/notifications';
import { useLiveSubscription } from '../live/use-live-subscription';

/** How many of the latest notifications the panel shows. */
export const latestNotificationsShown = 10;

export interface NotificationsState {
  /** Null until the first answer (or when it failed). */
  unreadCount: number | null;
  items: NotificationItem[];
  state: 'loading' | 'ready' | 'error';
  /** A notification that arrived live, for the polite announcement. */
  lastReceived: NotificationItem | null;
  /** The last mark-read action failed. */
  actionFailed: boolean;
}

/**
 * The signed-in person's notifications behind the header's bell: the unread count and the latest ones, kept
 * current by `notificationReceived`, with "mark read" and "mark all read". Call it in a component that exists
 * only while someone is signed in.
 */
export function useNotifications() {
  const notifications = shallowReactive<NotificationsState>({
    unreadCount: null,
    items: [],
    state: 'loading',
    lastReceived: null,
    actionFailed: false,
  });

  async function load(): Promise<void> {
    const result = await graphqlClient.value
      .query(NotificationBellDocument, { first: latestNotificationsShown }, { requestPolicy: 'network-only' })
      .toPromise();
    const data = result.data;
    if (!data) {
      notifications.state = notifications.items.length > 0 ? 'ready' : 'error';
      return;
    }
    notifications.unreadCount = data.unreadNotificationCount;
    notifications.items = data.myNotifications?.edges.map((edge) => edge.node) ?? notifications.items;
    notifications.state = 'ready';
  }

  function receive(item: NotificationItem): void {
    if (notifications.items.some((known) => known.id === item.id)) return;
    notifications.items = [item, ...notifications.items].slice(0, latestNotificationsShown);
    if (item.readAt === null && notifications.unreadCount !== null) notifications.unreadCount += 1;
    notifications.lastReceived = item;
  }

  function replace(updated: NotificationItem): void {
    notifications.items = notifications.items.map((item) => (item.id === updated.id ? updated : item));
  }

  /** Marks one notification read; resolves false when the server refused or could not be reached. */
  async function markRead(item: NotificationItem): Promise<boolean> {
    if (item.readAt !== null) return true;
    const result = await graphqlClient.value.mutation(MarkNotificationReadDocument, { id: item.id }).toPromise();
    const updated = result.data?.markNotificationRead;
    notifications.actionFailed = !updated;
    if (!updated) return false;
    replace(updated);
    if (notifications.unreadCount !== null) notifications.unreadCount = Math.max(0, notifications.unreadCount - 1);
    return true;
  }

  async function markAllRead(): Promise<boolean> {
    const result = await graphqlClient.value.mutation(MarkAllNotificationsReadDocument, {}).toPromise();
    const marked = result.data?.markAllNotificationsRead;
    notifications.actionFailed = typeof marked !== 'number';
    if (typeof marked !== 'number') return false;
    const now = new Date().toISOString();
    notifications.items = notifications.items.map((item) => (item.readAt === null ? { ...item, readAt: now } : item));
    notifications.unreadCount = 0;
    return true;
  }

  useLiveSubscription({
    query: NotificationReceivedDocument,
    variables: () => ({}),
    onData: (data) => receive(data.notificationReceived),
    onResume: () => void load(),
  });

  return { notifications, load, markRead, markAllRead };
}
