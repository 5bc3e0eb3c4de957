import { byIdLoader, type EntityManager, type SubgraphContext, type Viewer } from '@stages/platform';
import { Student } from './student/student.entity.js';

export function createLoaders(em: EntityManager, _viewer: Viewer | null) {
  return { studentById: byIdLoader(em, Student) };
}

export type StudentsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
