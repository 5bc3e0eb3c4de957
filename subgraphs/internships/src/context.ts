import { byIdLoader, connectionByForeignKeyLoader, type EntityManager, type SubgraphContext, type Viewer } from '@stages/platform';
import { Internship } from './internship/internship.entity.js';
import { internshipScope } from './internship/internship.policy.js';

// Matches no row: a caller with no visible internships gets empty lists from the scoped loader.
const NOTHING = { id: '00000000-0000-0000-0000-000000000000' };

export function createLoaders(em: EntityManager, viewer: Viewer | null) {
  const scope = internshipScope(viewer);
  return {
    internshipById: byIdLoader(em, Internship),
    internshipsByStudent: connectionByForeignKeyLoader(em, Internship, 'studentId', scope ?? NOTHING),
    scope,
  };
}

export type InternshipsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
