import { eventData, type EventConsumer } from '@stages/platform';
import { notify } from '../notification/notify.js';

/** An administrator's message (`sendNotification`) reaches each recipient, as they chose to be told. */
export const notificationRequestedConsumer: EventConsumer = {
  name: 'requests',
  topics: ['stages.notification'],
  types: ['notification.requested'],
  async handle(em, event, context) {
    const data = eventData(event, 'notification.requested');
    await notify(em, {
      eventId: event.id,
      type: 'notification.requested',
      data,
      addressees: data.recipientUserIds.map((userId) => ({ userId, audience: 'recipient' })),
      emit: context.emit,
    });
  },
};
