import { byIdLoader, type EntityManager, type SubgraphContext, type Viewer } from '@stages/platform';
import DataLoader from 'dataloader';
import { ApplicantLink } from './student/applicant-link.entity.js';
import type { StudentRelations } from './student/student.policy.js';
import { Supervision } from './student/supervision.entity.js';
import { Student } from './student/student.entity.js';

export function createLoaders(em: EntityManager, viewer: Viewer | null) {
  const enterpriseId = viewer?.enterpriseId;
  const userId = viewer?.kind === 'user' ? viewer.subject : undefined;
  // Whether each student is linked to the caller: one query per batch.
  const applicantToViewer = new DataLoader<string, boolean>(async (studentIds) => {
    if (!enterpriseId) return studentIds.map(() => false);
    const links = await em.find(ApplicantLink, { enterpriseId, studentId: { $in: [...studentIds] } });
    const linked = new Set(links.map((link) => link.studentId));
    return studentIds.map((id) => linked.has(id));
  });
  const supervisedByViewer = new DataLoader<string, boolean>(async (studentIds) => {
    if (!userId) return studentIds.map(() => false);
    const links = await em.find(Supervision, { supervisorUserId: userId, studentId: { $in: [...studentIds] } });
    const linked = new Set(links.map((link) => link.studentId));
    return studentIds.map((id) => linked.has(id));
  });
  const relations: StudentRelations & { markSupervisedByViewer(studentId: string): void } = {
    isApplicantToViewer: (studentId) => applicantToViewer.load(studentId),
    isSupervisedByViewer: (studentId) => supervisedByViewer.load(studentId),
    /** A list already proved the caller follows this student. */
    markSupervisedByViewer: (studentId) => void supervisedByViewer.prime(studentId, true),
  };
  return { studentById: byIdLoader(em, Student), relations };
}

export type StudentsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
