import { byIdLoader, type EntityManager, type SubgraphContext, type Viewer } from '@stages/platform';
import { Enterprise } from './enterprise/enterprise.entity.js';

export function createLoaders(em: EntityManager, _viewer: Viewer | null) {
  return { enterpriseById: byIdLoader(em, Enterprise) };
}

export type EnterprisesContext = SubgraphContext<ReturnType<typeof createLoaders>>;
