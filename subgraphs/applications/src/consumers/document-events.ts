import { eventData, type EventConsumer } from '@stages/platform';
import { UploadedDocument } from '../uploaded-document/uploaded-document.entity.js';

/** Keeps who uploaded which document (group `applications.documents`); a repeated event changes nothing. */
export const documentEventsConsumer: EventConsumer = {
  name: 'documents',
  topics: ['stages.document'],
  types: ['document.uploaded'],
  async handle(em, event) {
    const data = eventData(event, 'document.uploaded');
    if (await em.findOne(UploadedDocument, { id: data.documentId })) return;
    em.create(UploadedDocument, { id: data.documentId, ownerId: data.ownerId, kind: data.kind, uploadedAt: new Date(event.time) });
  },
};
