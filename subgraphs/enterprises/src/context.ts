import { byForeignKeyLoader, byIdLoader, type EntityManager, type SubgraphContext, type Viewer } from '@stages/platform';
import { EnterpriseAddress } from './enterprise/enterprise-address.entity.js';
import { EnterpriseContact } from './enterprise/enterprise-contact.entity.js';
import { Enterprise } from './enterprise/enterprise.entity.js';
import { MembershipRequest } from './membership/membership-request.entity.js';

export function createLoaders(em: EntityManager, _viewer: Viewer | null) {
  return {
    enterpriseById: byIdLoader(em, Enterprise),
    membershipRequestById: byIdLoader(em, MembershipRequest),
    /** Addresses and contacts of each enterprise in a list, one query per batch. */
    addressesByEnterprise: byForeignKeyLoader(em, EnterpriseAddress, 'enterpriseId'),
    contactsByEnterprise: byForeignKeyLoader(em, EnterpriseContact, 'enterpriseId'),
  };
}

export type EnterprisesContext = SubgraphContext<ReturnType<typeof createLoaders>>;
