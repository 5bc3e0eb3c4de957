import { byIdLoader, type EntityManager, type SubgraphContext } from '@stages/platform';
import { User } from './user/user.entity.js';

export function createLoaders(em: EntityManager) {
  return { userById: byIdLoader(em, User) };
}

export type AuthContext = SubgraphContext<ReturnType<typeof createLoaders>>;
