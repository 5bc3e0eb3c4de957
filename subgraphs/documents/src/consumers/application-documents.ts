import { eventData, type EntityManager, type EventConsumer } from '@stages/platform';
import { ApplicationDocument } from '../application-document/application-document.entity.js';
import { ClosedApplication } from '../application-document/closed-application.entity.js';
import { Document } from '../document/document.entity.js';

/** Applications are told by the applications subgraph alone: events claiming another source change nothing. */
const APPLICATIONS_SOURCE = '/subgraphs/applications';

/** Stops sharing an application's documents, for good: a later `application.created` for it shares nothing. */
async function closeApplication(em: EntityManager, applicationId: string, at: Date): Promise<void> {
  await em.nativeDelete(ApplicationDocument, { applicationId });
  if (!(await em.findOne(ClosedApplication, { applicationId }))) em.create(ClosedApplication, { applicationId, closedAt: at });
}

/**
 * Shares the documents a student attached to an application with the enterprise it went to (group
 * `documents.application-documents`), and stops when the application is withdrawn or rejected. Only the
 * applicant's own uploads are shared (uploaded by their account, whatever ids the event names); a repeated or
 * late event shares nothing more, nor anything of a closed application.
 */
export const applicationDocumentsConsumer: EventConsumer = {
  name: 'application-documents',
  topics: ['stages.application'],
  types: ['application.created', 'application.withdrawn', 'application.rejected'],
  async handle(em, event, context) {
    if (event.source !== APPLICATIONS_SOURCE) {
      context.logger.warn({ eventId: event.id, type: event.type, source: event.source }, 'application event from another source ignored');
      return;
    }
    if (event.type !== 'application.created') {
      const data = eventData(event, event.type === 'application.rejected' ? 'application.rejected' : 'application.withdrawn');
      await closeApplication(em, data.applicationId, new Date(event.time));
      return;
    }
    const data = eventData(event, 'application.created');
    const wanted = data.documentIds ?? [];
    if (wanted.length === 0 || !data.enterpriseId) return;
    if (await em.findOne(ClosedApplication, { applicationId: data.applicationId })) return;
    // The account that uploaded them (older events name only the student profile).
    const owner = data.studentUserId ? { ownerId: data.studentUserId } : { studentId: data.studentId, ownerId: { $ne: null } };
    const owned = await em.find(Document, { id: { $in: wanted }, ...owner }, { fields: ['id'] });
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
