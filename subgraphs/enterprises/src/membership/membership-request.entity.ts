import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeISOResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum MembershipStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(MembershipStatus, { name: 'MembershipStatus' });

/** A recruiter who registered with the SIRET of an enterprise already on Stages asks to join it. */
@ObjectType({ description: 'A request to join an enterprise, decided by its recruiters or an administrator.' })
@Directive('@key(fields: "id", resolvable: false)')
@Entity({ tableName: 'membership_request' })
export class MembershipRequest {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'uuid' })
  enterpriseId!: string;

  @Field(() => ID, { description: 'The account asking.' })
  @Property({ type: 'uuid' })
  userId!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 120 })
  displayName!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Field(() => MembershipStatus)
  @Enum({ items: () => MembershipStatus, type: 'string' })
  status: MembershipStatus = MembershipStatus.PENDING;

  @Property({ type: 'uuid', nullable: true })
  decidedBy: string | null = null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'Date', nullable: true })
  decidedAt: Date | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
