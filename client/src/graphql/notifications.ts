import { gql } from '@urql/vue';
import type { Connection } from './connection';

export type NotificationChannel = 'IN_APP' | 'EMAIL' | 'PUSH';

/** A notification as the bell lists it (the notifications subgraph's `Notification`). */
export interface NotificationItem {
  id: string;
  eventType: string;
  title: string;
  body: string;
  /** A path in this app to open (e.g. the application concerned), or null. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
  channel: NotificationChannel;
}

const notificationFields = `
  id
  eventType
  title
  body
  link
  readAt
  createdAt
  channel
`;

/** The unread count and the latest notifications of the signed-in person, newest first. */
export const NotificationBellDocument = gql<
  { unreadNotificationCount: number; myNotifications: Connection<NotificationItem> | null },
  { first: number }
>`
  query NotificationBell($first: Int!) {
    unreadNotificationCount
    myNotifications(first: $first) {
      totalCount
      edges {
        cursor
        node {
          ${notificationFields}
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const MarkNotificationReadDocument = gql<{ markNotificationRead: NotificationItem }, { id: string }>`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      ${notificationFields}
    }
  }
`;

/** Returns how many notifications were marked read. */
export const MarkAllNotificationsReadDocument = gql<{ markAllNotificationsRead: number }, Record<string, never>>`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`;

/** A notification delivered in the app to the signed-in person, pushed over the gateway's WebSocket. */
export const NotificationReceivedDocument = gql<{ notificationReceived: NotificationItem }, Record<string, never>>`
  subscription NotificationReceived {
    notificationReceived {
      ${notificationFields}
    }
  }
`;
