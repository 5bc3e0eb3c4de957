import { eventData, type EventConsumer } from '@stages/platform';
import { Document } from '../document/document.entity.js';
import { ApplicationDocument } from '../sharing/application-document.entity.js';

/**
 * Shares the documents a student attached to an application with the enterprise it went to (group
 * `documents.application-documents`), and stops sharing them when the student withdraws it. Only the student's own
 * uploads are shared, whatever ids the event names; a repeated event adds nothing.
 */
export const applicationDocumentsConsumer: EventConsumer = {
  name: 'application-documents',
  topics: ['stages.application'],
  types: ['application.created', 'application.withdrawn'],
  async handle(em, event, context) {
    if (event.type === 'application.withdrawn') {
      const data = eventData(event, 'application.withdrawn');
      await em.nativeDelete(ApplicationDocument, { applicationId: data.applicationId });
      return;
    }
    const data = eventData(event, 'application.created');
    const wanted = data.documentIds ?? [];
    if (wanted.length === 0 || !data.enterpriseId) return;
    const owned = await em.find(Document, { id: { $in: wanted }, studentId: data.studentId, ownerId: { $ne: null } }, { fields: ['id'] });
    if (owned.length < wanted.length) {
      context.logger.warn({ applicationId: data.applicationId, attached: wanted.length, owned: owned.length }, 'application names documents its student does not own: not shared');
    }
    const shared = await em.find(ApplicationDocument, { applicationId: data.applicationId }, { fields: ['documentId'] });
    const already = new Set(shared.map((row) => row.documentId));
    for (const { id } of owned) {
      if (!already.has(id)) em.create(ApplicationDocument, { applicationId: data.applicationId, documentId: id, enterpriseId: data.enterpriseId, sharedAt: new Date(event.time) });
    }
  },
};
