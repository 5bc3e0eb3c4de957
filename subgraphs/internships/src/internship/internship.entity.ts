import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum InternshipStatus {
  PLANNED = 'PLANNED',
  ONGOING = 'ONGOING',
  COMPLETED = 'COMPLETED',
  TERMINATED = 'TERMINATED',
}

registerEnumType(InternshipStatus, { name: 'InternshipStatus' });

@ObjectType({ description: 'An internship under a signed agreement, from an accepted application.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'internship' })
export class Internship {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  applicationId!: string;

  @Index()
  @Property({ type: 'uuid' })
  studentId!: string;

  @Index()
  @Property({ type: 'uuid' })
  enterpriseId!: string;

  @Property({ type: 'uuid' })
  offerId!: string;

  /** University of the student, copied when the internship starts: it decides who may see it. */
  @Property({ type: 'uuid', nullable: true })
  universityId: string | null = null;

  /** Account of the referent teacher who follows the internship for the university. */
  @Property({ type: 'uuid', nullable: true })
  supervisorUserId: string | null = null;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  endDate!: string;

  @Field(() => InternshipStatus)
  @Enum({ items: () => InternshipStatus, type: 'string' })
  status: InternshipStatus = InternshipStatus.PLANNED;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  /** Optimistic lock: two changes made at once from the same state cannot both commit. */
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
