import { byIdLoader, connectionByForeignKeyLoader, type EntityManager, type SubgraphContext } from '@stages/platform';
import { Internship } from './internship/internship.entity.js';

export function createLoaders(em: EntityManager) {
  return {
    internshipById: byIdLoader(em, Internship),
    internshipsByStudent: connectionByForeignKeyLoader(em, Internship, 'studentId'),
  };
}

export type InternshipsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
