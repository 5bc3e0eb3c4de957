import { byIdLoader, type EntityManager, type SubgraphContext, type Viewer } from '@stages/platform';
import { Enterprise } from './enterprise/enterprise.entity.js';
import { MembershipRequest } from './membership/membership-request.entity.js';

export function createLoaders(em: EntityManager, _viewer: Viewer | null) {
  return { enterpriseById: byIdLoader(em, Enterprise), membershipRequestById: byIdLoader(em, MembershipRequest) };
}

export type EnterprisesContext = SubgraphContext<ReturnType<typeof createLoaders>>;
