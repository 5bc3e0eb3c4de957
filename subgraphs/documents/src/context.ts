import { byForeignKeyLoader, byIdLoader, type EntityManager, type SubgraphContext, type Viewer } from '@stages/platform';
import { Document } from './document/document.entity.js';
import { canReadDocument, isRecruiter } from './document/document.policy.js';
import { ApplicationDocument } from './application-document/application-document.entity.js';

export function createLoaders(em: EntityManager, viewer: Viewer | null) {
  /** Every document of each student (uploads and generated ones: a few each), one query per batch. */
  const documentsByStudent = byForeignKeyLoader(em, Document, 'studentId');
  const documentById = byIdLoader(em, Document);
  /** The enterprises each document is shared with through applications, one query per batch. */
  const sharesByDocument = byForeignKeyLoader(em, ApplicationDocument, 'documentId');
  /** Whether the viewer may read a document; the shares are only looked up for a recruiter the other rules refuse. */
  const canRead = async (document: Document): Promise<boolean> =>
    canReadDocument(viewer, document) ||
    (isRecruiter(viewer) && canReadDocument(viewer, document, (await sharesByDocument.load(document.id)).map((share) => share.enterpriseId)));
  return {
    documentById,
    canRead,
    /** The documents of these ids the viewer may read, in the order given (unknown ids left out). */
    async readableDocuments(ids: readonly string[]): Promise<Document[]> {
      const found = (await documentById.loadMany([...ids])).filter((document): document is Document => document instanceof Document);
      const readable = await Promise.all(found.map(canRead));
      return found.filter((_, index) => readable[index]);
    },
    /** The CV each student shows on their profile. */
    profileCvByStudent: {
      load: async (studentId: string) => (await documentsByStudent.load(studentId)).find((document) => document.profileCv) ?? null,
      clear: (studentId: string) => void documentsByStudent.clear(studentId),
    },
  };
}

export type DocumentsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
