import { byIdLoader, type EntityManager, type SubgraphContext, type Viewer } from '@stages/platform';
import { User } from './user/user.entity.js';

export function createLoaders(em: EntityManager, _viewer: Viewer | null) {
  return { userById: byIdLoader(em, User) };
}

export type AuthContext = SubgraphContext<ReturnType<typeof createLoaders>>;
