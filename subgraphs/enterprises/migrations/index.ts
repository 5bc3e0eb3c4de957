import type { MigrationObject } from '@mikro-orm/core';
import { CreateEnterprise } from './0001-create-enterprise.js';
import { MembershipRequests } from './0002-membership-request.js';
import { EnterpriseProfileVerification } from './0003-enterprise-profile-verification.js';

export const migrations: MigrationObject[] = [
  { name: '0001-create-enterprise', class: CreateEnterprise },
  { name: '0002-membership-request', class: MembershipRequests },
  { name: '0003-enterprise-profile-verification', class: EnterpriseProfileVerification },
];
