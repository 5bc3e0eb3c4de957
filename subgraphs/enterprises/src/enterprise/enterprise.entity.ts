import { Entity, Enum, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { DateTimeISOResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum VerificationStatus {
  PENDING = 'PENDING',
  SUBMITTED = 'SUBMITTED',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}

registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description: 'Whether Stages has checked the enterprise: PENDING (not submitted yet), SUBMITTED (awaiting a system administrator), VERIFIED (may publish offers), REJECTED (with a reason; may be submitted again).',
});

@ObjectType({ description: 'A host enterprise.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'enterprise' })
export class Enterprise {
  /** Columns with defaults that creating an enterprise (registration, seed) may leave out. */
  [OptionalProps]?: 'certifications' | 'updatedAt' | 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Field(() => String, { description: 'Name used in offers.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  legalName!: string;

  @Field(() => String, { description: 'French establishment number (14 digits).' })
  @Unique()
  @Property({ type: 'string', length: 14 })
  siret!: string;

  @Field(() => String, { description: 'NAF/APE activity code, e.g. 62.01Z.' })
  @Property({ type: 'string', length: 6 })
  nafCode!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 120 })
  sector!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 120 })
  city!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  headcount!: number;

  @Field(() => String, { nullable: true, description: 'Web site (https URL).' })
  @Property({ type: 'string', length: 300, nullable: true })
  website: string | null = null;

  @Field(() => String, { nullable: true, description: 'What the enterprise does, as it presents itself (at most 5000 characters).' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => [String], { description: 'Labels and certifications held (e.g. ISO 9001, B Corp), at most 20.' })
  @Property({ type: 'text[]' })
  certifications: string[] = [];

  @Field(() => VerificationStatus)
  @Enum({ items: () => VerificationStatus, type: 'string' })
  verificationStatus: VerificationStatus = VerificationStatus.PENDING;

  /** Why a system administrator rejected the verification; shown to the enterprise and administrators only. */
  @Property({ type: 'text', nullable: true })
  verificationNote: string | null = null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the enterprise last asked to be verified.' })
  @Property({ type: 'Date', nullable: true })
  verificationRequestedAt: Date | null = null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When a system administrator last verified or rejected it.' })
  @Property({ type: 'Date', nullable: true })
  verificationDecidedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  verificationDecidedBy: string | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  /** Set by every profile change, so two made at once conflict on the version instead of mixing their lists. */
  @Property({ type: 'Date' })
  updatedAt: Date = new Date();

  /** Optimistic lock: two decisions (or a decision and an edit) made at once cannot both commit. */
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
