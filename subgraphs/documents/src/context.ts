import { byForeignKeyLoader, byIdLoader, type EntityManager, type SubgraphContext, type Viewer } from '@stages/platform';
import { Document } from './document/document.entity.js';

export function createLoaders(em: EntityManager, _viewer: Viewer | null) {
  /** Every document of each student (uploads and generated ones: a few each), one query per batch. */
  const documentsByStudent = byForeignKeyLoader(em, Document, 'studentId');
  return {
    documentById: byIdLoader(em, Document),
    /** The CV each student shows on their profile. */
    profileCvByStudent: {
      load: async (studentId: string) => (await documentsByStudent.load(studentId)).find((document) => document.profileCv) ?? null,
      clear: (studentId: string) => void documentsByStudent.clear(studentId),
    },
  };
}

export type DocumentsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
