import { byForeignKeyLoader, byIdLoader, type EntityManager, type SubgraphContext, type Viewer } from '@stages/platform';
import DataLoader from 'dataloader';
import { Document } from './document/document.entity.js';
import { canReadDocument, isRecruiter } from './document/document.policy.js';
import { ApplicationDocument } from './sharing/application-document.entity.js';

export function createLoaders(em: EntityManager, viewer: Viewer | null) {
  /** Every document of each student (uploads and generated ones: a few each), one query per batch. */
  const documentsByStudent = byForeignKeyLoader(em, Document, 'studentId');
  const documentById = byIdLoader(em, Document);
  /** The enterprises each document is shared with through applications, one query per batch. */
  const sharesByDocument = byForeignKeyLoader(em, ApplicationDocument, 'documentId');
  const sharesByApplication = byForeignKeyLoader(em, ApplicationDocument, 'applicationId');
  /** Whether the viewer may read a document; the shares are only looked up for a recruiter the other rules refuse. */
  const canRead = async (document: Document): Promise<boolean> =>
    canReadDocument(viewer, document) ||
    (isRecruiter(viewer) && canReadDocument(viewer, document, (await sharesByDocument.load(document.id)).map((share) => share.enterpriseId)));
  return {
    documentById,
    canRead,
    /** The documents attached to each application that the viewer may read, in the order attached. */
    documentsOfApplication: new DataLoader<string, Document[]>(async (applicationIds) => {
      const shares = await Promise.all(applicationIds.map((id) => sharesByApplication.load(id)));
      const documents = await documentById.loadMany([...new Set(shares.flat().map((share) => share.documentId))]);
      const byId = new Map(documents.filter((document): document is Document => document instanceof Document).map((document) => [document.id, document]));
      return Promise.all(
        shares.map(async (list) => {
          const attached = list.map((share) => byId.get(share.documentId)).filter((document): document is Document => document !== undefined);
          const readable = await Promise.all(attached.map(canRead));
          return attached.filter((_, index) => readable[index]);
        }),
      );
    }),
    /** The CV each student shows on their profile. */
    profileCvByStudent: {
      load: async (studentId: string) => (await documentsByStudent.load(studentId)).find((document) => document.profileCv) ?? null,
      clear: (studentId: string) => void documentsByStudent.clear(studentId),
    },
  };
}

export type DocumentsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
