import { byIdLoader, type EntityManager, type SubgraphContext } from '@stages/platform';
import { Enterprise } from './enterprise/enterprise.entity.js';

export function createLoaders(em: EntityManager) {
  return { enterpriseById: byIdLoader(em, Enterprise) };
}

export type EnterprisesContext = SubgraphContext<ReturnType<typeof createLoaders>>;
