import { byIdLoader, type EntityManager, type SubgraphContext } from '@stages/platform';
import { Student } from './student/student.entity.js';

export function createLoaders(em: EntityManager) {
  return { studentById: byIdLoader(em, Student) };
}

export type StudentsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
