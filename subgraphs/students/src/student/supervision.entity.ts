import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A referent teacher follows this student's internship: they may see the student's whole profile. */
@Entity({ tableName: 'supervision' })
export class Supervision {
  @PrimaryKey({ type: 'uuid' })
  studentId!: string;

  @PrimaryKey({ type: 'uuid' })
  supervisorUserId!: string;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
