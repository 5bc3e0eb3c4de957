import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum RemotePolicy {
  ON_SITE = 'ON_SITE',
  HYBRID = 'HYBRID',
  REMOTE = 'REMOTE',
}

export enum OfferStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CLOSED = 'CLOSED',
  ARCHIVED = 'ARCHIVED',
}

registerEnumType(RemotePolicy, { name: 'RemotePolicy', description: 'Where the intern works.' });
registerEnumType(OfferStatus, { name: 'OfferStatus', description: 'Life cycle of an internship offer.' });

@ObjectType({ description: 'An internship offer published by a host enterprise.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'offer' })
export class Offer {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** Owning enterprise; exposed as `Offer.enterprise`, a reference resolved by the enterprises subgraph. */
  @Index()
  @Property({ type: 'uuid' })
  enterpriseId!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  description!: string;

  @Field(() => [String], { description: 'Skills asked for, as the enterprise wrote them (at most 30, no duplicates ignoring case and accents).' })
  @Property({ type: 'text[]' })
  skills: string[] = [];

  @Field(() => String, { nullable: true, description: 'Activity sector of the host enterprise (copied when the offer is created), for the sector filter.' })
  @Property({ type: 'string', length: 200, nullable: true })
  sector: string | null = null;

  @Field(() => String)
  @Property({ type: 'string', length: 120 })
  city!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  @Property({ type: 'string', length: 2 })
  country: string = 'FR';

  /** WGS 84; from the input or the gazetteer. Exposed in `Offer.location`. */
  @Property({ type: 'double', runtimeType: 'number', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', runtimeType: 'number', nullable: true })
  longitude: number | null = null;

  @Field(() => RemotePolicy)
  @Enum({ items: () => RemotePolicy, type: 'string' })
  remote: RemotePolicy = RemotePolicy.ON_SITE;

  @Field(() => Int)
  @Property({ type: 'integer' })
  durationMonths!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  weeklyHours: number = 35;

  @Field(() => Int, { nullable: true, description: 'Monthly gratification in euro cents.' })
  @Property({ type: 'integer', nullable: true })
  stipendCents: number | null = null;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  deadline: string | null = null;

  @Field(() => OfferStatus)
  @Enum({ items: () => OfferStatus, type: 'string' })
  status: OfferStatus = OfferStatus.DRAFT;

  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'Date', nullable: true })
  publishedAt: Date | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** Optimistic lock: two status changes made at once cannot both pass from the same status. */
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
