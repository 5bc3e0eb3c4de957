import { byIdLoader, type EntityManager, type SubgraphContext, type Viewer } from '@stages/platform';
import DataLoader from 'dataloader';
import { ApplicantLink } from './student/applicant-link.entity.js';
import { Student } from './student/student.entity.js';

export function createLoaders(em: EntityManager, viewer: Viewer | null) {
  const enterpriseId = viewer?.enterpriseId;
  return {
    studentById: byIdLoader(em, Student),
    /** Whether each student applied to the caller's enterprise: one query per batch. */
    applicantToViewer: new DataLoader<string, boolean>(async (studentIds) => {
      if (!enterpriseId) return studentIds.map(() => false);
      const links = await em.find(ApplicantLink, { enterpriseId, studentId: { $in: [...studentIds] } });
      const linked = new Set(links.map((link) => link.studentId));
      return studentIds.map((id) => linked.has(id));
    }),
  };
}

export type StudentsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
