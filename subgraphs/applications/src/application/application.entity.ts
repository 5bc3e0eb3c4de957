import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeISOResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  SHORTLISTED = 'SHORTLISTED',
  INTERVIEW = 'INTERVIEW',
  OFFERED = 'OFFERED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(ApplicationStatus, { name: 'ApplicationStatus', description: "Where an application stands in the enterprise's process." });

@ObjectType({ description: "A student's application to an offer." })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'application' })
export class Application {
  /** Columns with defaults that seeding or applying may leave out. */
  [OptionalProps]?: 'documentIds' | 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'uuid' })
  studentId!: string;

  @Index()
  @Property({ type: 'uuid' })
  offerId!: string;

  /** Enterprise of the offer, copied at application time: it decides who may see the application. */
  @Property({ type: 'uuid', nullable: true })
  enterpriseId: string | null = null;

  /** University of the student, copied at application time. */
  @Property({ type: 'uuid', nullable: true })
  universityId: string | null = null;

  @Field(() => ApplicationStatus)
  @Enum({ items: () => ApplicationStatus, type: 'string' })
  status: ApplicationStatus = ApplicationStatus.SUBMITTED;

  @Field(() => String, { nullable: true, description: 'As the student wrote it (at most 5000 characters).' })
  @Property({ type: 'text', nullable: true })
  coverLetter: string | null = null;

  /** Documents (CV, transcripts…) the student attached, by id: the documents subgraph owns them and checks access. */
  @Field(() => [ID], { description: 'Documents the student attached (ids of the documents subgraph), at most 5; `documents` resolves the ones the caller may read.' })
  @Property({ type: 'text[]', columnType: 'uuid[]' })
  documentIds: string[] = [];

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  submittedAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** Optimistic lock: two status changes made at once cannot both pass from the same status. */
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
