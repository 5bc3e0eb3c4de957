import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The student accepted an internship offer (a read model of applications): they count as placed. */
@Entity({ tableName: 'placement' })
export class Placement {
  @PrimaryKey({ type: 'uuid' })
  studentId!: string;

  /** The first application the student accepted. */
  @Property({ type: 'uuid' })
  applicationId!: string;

  @Property({ type: 'Date' })
  placedAt: Date = new Date();
}
