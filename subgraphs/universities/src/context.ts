import { byIdLoader, type EntityManager, type SubgraphContext } from '@stages/platform';
import { University } from './university/university.entity.js';

export function createLoaders(em: EntityManager) {
  return { universityById: byIdLoader(em, University) };
}

export type UniversitiesContext = SubgraphContext<ReturnType<typeof createLoaders>>;
