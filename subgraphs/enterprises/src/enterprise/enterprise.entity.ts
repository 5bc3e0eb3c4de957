import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { DateTimeISOResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum VerificationStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}

registerEnumType(VerificationStatus, { name: 'VerificationStatus', description: 'Whether Stages has checked the enterprise.' });

@ObjectType({ description: 'A host enterprise.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'enterprise' })
export class Enterprise {
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

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 300, nullable: true })
  website: string | null = null;

  @Field(() => VerificationStatus)
  @Enum({ items: () => VerificationStatus, type: 'string' })
  verificationStatus: VerificationStatus = VerificationStatus.PENDING;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
