import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';

/** The enterprises subgraph's verification statuses, as its events report them. */
export enum EnterpriseVerification {
  PENDING = 'PENDING',
  SUBMITTED = 'SUBMITTED',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}

/**
 * What this subgraph knows of an enterprise (a read model of `enterprise.verification-requested`, `.verified`,
 * `.rejected` and `user.registered`): whether it may publish, and its sector, copied onto its new offers.
 */
@Entity({ tableName: 'enterprise_profile' })
export class EnterpriseProfile {
  @PrimaryKey({ type: 'uuid' })
  enterpriseId!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  sector: string | null = null;

  @Enum({ items: () => EnterpriseVerification, type: 'string' })
  verificationStatus: EnterpriseVerification = EnterpriseVerification.PENDING;

  @Property({ type: 'text', nullable: true })
  rejectionReason: string | null = null;

  @Property({ type: 'Date' })
  updatedAt: Date = new Date();
}
