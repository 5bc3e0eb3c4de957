import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { authorize, badUserInput, conflict, hasRole, loadVisibleOrThrow, newId, notFound, parseId, requireViewer } from '@stages/platform';
import type { DocumentsContext } from '../context.js';
import type { Student } from '../external/student.js';
import { Document, DocumentKind, type DocumentContent } from './document.entity.js';
import type { UploadDocumentInput } from './document.inputs.js';
import { validateUpload } from './document.upload.js';

/**
 * Keeps a file for the signed-in user: checked, stored under the owner's prefix, then recorded with its
 * `document.uploaded` event in one transaction. The object is written first, so a row never points to nothing
 * (a failed commit leaves an unreferenced object at worst).
 */
export async function uploadDocument(ctx: DocumentsContext, input: UploadDocumentInput): Promise<Document> {
  const viewer = requireViewer(ctx.viewer);
  authorize(viewer, viewer.kind === 'user', 'Documents are uploaded by people, not by client applications.');
  const upload = validateUpload(input);
  const id = newId();
  const storageKey = `documents/${viewer.subject}/${id}.${upload.extension}`;
  await ctx.infrastructure.storage.put(storageKey, upload.bytes, upload.contentType);
  // A student's document records their student and university (from the token): what `setStudentCv` shares.
  const isStudent = hasRole(viewer, 'STUDENT') && viewer.studentId !== undefined;
  const document = ctx.em.create(Document, {
    id,
    ownerId: viewer.subject,
    kind: upload.kind,
    fileName: upload.fileName,
    contentType: upload.contentType,
    sizeBytes: upload.bytes.length,
    storageKey,
    studentId: isStudent ? viewer.studentId! : null,
    universityId: isStudent ? (viewer.universityId ?? null) : null,
    createdAt: new Date(),
  });
  ctx.emit({ type: 'document.uploaded', subject: id, data: { documentId: id, ownerId: viewer.subject, kind: upload.kind } });
  await ctx.em.flush();
  return document;
}

/**
 * The signed-in student shows one of their own CVs on their profile (`Student.cv`), or none with null: the one
 * shown becomes readable by their university's staff; the one it replaces is private again.
 */
export async function setStudentCv(ctx: DocumentsContext, documentId: string | null | undefined): Promise<Student> {
  const viewer = requireViewer(ctx.viewer);
  const studentId = viewer.studentId;
  authorize(viewer, Boolean(studentId && hasRole(viewer, 'STUDENT')), 'Only a student sets the CV of their profile.');
  const chosen =
    documentId === null || documentId === undefined
      ? null
      : await loadVisibleOrThrow(ctx.loaders.documentById, 'Document', parseId(documentId, 'documentId'), viewer, (document) => document.ownerId === viewer.subject);
  if (chosen && chosen.kind !== DocumentKind.CV) throw badUserInput('documentId', `documentId must be a CV (this document is a ${chosen.kind}).`);
  try {
    await ctx.em.transactional(async (em) => {
      await em.nativeUpdate(Document, { studentId: studentId!, profileCv: true, ...(chosen ? { id: { $ne: chosen.id } } : {}) }, { profileCv: false });
      if (chosen) await em.nativeUpdate(Document, { id: chosen.id }, { profileCv: true, studentId: studentId!, universityId: viewer.universityId ?? null });
    });
  } catch (error) {
    // The same student set another CV at the same moment.
    if (error instanceof UniqueConstraintViolationException) throw conflict('Your CV has just changed: reload your profile and try again.');
    throw error;
  }
  // Keep this request's copy in step with what was written, for `cv` in the mutation's answer.
  if (chosen) Object.assign(chosen, { profileCv: true, studentId: studentId!, universityId: viewer.universityId ?? null });
  ctx.loaders.profileCvByStudent.clear(studentId!);
  return { id: studentId! };
}

/** The bytes of a document the caller may read. */
export async function readDocumentContent(ctx: DocumentsContext, id: string): Promise<DocumentContent> {
  const document = await loadVisibleOrThrow(ctx.loaders.documentById, 'Document', id, ctx.viewer, ctx.loaders.canRead);
  const bytes = await ctx.infrastructure.storage.get(document.storageKey);
  if (!bytes) {
    ctx.logger.error({ documentId: document.id }, 'document object missing from storage');
    throw notFound('Document', parseId(id));
  }
  return { document, contentBase64: bytes.toString('base64') };
}
