import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The student applied to an offer of this enterprise: it may see the student's public profile. */
@Entity({ tableName: 'applicant_link' })
export class ApplicantLink {
  @PrimaryKey({ type: 'uuid' })
  studentId!: string;

  @PrimaryKey({ type: 'uuid' })
  enterpriseId!: string;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
