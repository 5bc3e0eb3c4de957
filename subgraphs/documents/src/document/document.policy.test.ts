import { describe, expect, it } from 'vitest';
import type { Viewer } from '@stages/platform';
import { Document, DocumentKind } from './document.entity.js';
import { canReadDocument } from './document.policy.js';

const ids = { student: 's-1', enterprise: 'e-1', other: 'e-2', university: 'u-1', account: 'a-1' };
const viewer = (roles: Viewer['roles'], organisations: Partial<Viewer> = {}): Viewer => ({ subject: 'someone', kind: 'user', roles, scopes: [], ...organisations });

const upload = (changes: Partial<Document> = {}): Document =>
  Object.assign(new Document(), { ownerId: ids.account, studentId: ids.student, universityId: ids.university, kind: DocumentKind.CV, fileName: 'cv.pdf', contentType: 'application/pdf', sizeBytes: 10, storageKey: 'k', ...changes });

describe('who reads a document', () => {
  it('should let the recruiters of an enterprise it was sent to read a student’s upload, and no other', () => {
    const recruiter = viewer(['ENTERPRISE'], { enterpriseId: ids.enterprise });
    expect(canReadDocument(recruiter, upload())).toBe(false);
    expect(canReadDocument(recruiter, upload(), [ids.enterprise])).toBe(true);
    expect(canReadDocument(viewer(['ENTERPRISE'], { enterpriseId: ids.other }), upload(), [ids.enterprise])).toBe(false);
    // A share is for recruiters: another role of the same organisation id reads nothing through it.
    expect(canReadDocument(viewer(['STUDENT'], { enterpriseId: ids.enterprise }), upload(), [ids.enterprise])).toBe(false);
    expect(canReadDocument(null, upload(), [ids.enterprise])).toBe(false);
  });

  it('should keep the other rules: the owner, the university’s staff for a profile CV, administrators', () => {
    expect(canReadDocument({ ...viewer(['STUDENT'], { studentId: ids.student }), subject: ids.account }, upload())).toBe(true);
    expect(canReadDocument(viewer(['UNIVERSITY_ADMIN'], { universityId: ids.university }), upload())).toBe(false);
    expect(canReadDocument(viewer(['UNIVERSITY_ADMIN'], { universityId: ids.university }), upload({ profileCv: true }))).toBe(true);
    expect(canReadDocument(viewer(['SYSTEM_ADMIN']), upload())).toBe(true);
  });
});
