import { byIdLoader, type EntityManager, type SubgraphContext, type Viewer } from '@stages/platform';
import { University } from './university/university.entity.js';

export function createLoaders(em: EntityManager, _viewer: Viewer | null) {
  return { universityById: byIdLoader(em, University) };
}

export type UniversitiesContext = SubgraphContext<ReturnType<typeof createLoaders>>;
