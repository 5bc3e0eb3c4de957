import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { RemotePolicy } from '../offer/offer.entity.js';

@ObjectType({ description: 'The filters of a saved search, as saved.' })
export class SavedSearchFilter {
  @Field(() => [String])
  skills!: string[];

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => Float, { nullable: true })
  radiusKm!: number | null;

  @Field(() => [RemotePolicy])
  remote!: RemotePolicy[];

  @Field(() => Int, { nullable: true })
  minDurationMonths!: number | null;

  @Field(() => Int, { nullable: true })
  maxDurationMonths!: number | null;

  @Field(() => Int, { nullable: true })
  minStipendCents!: number | null;

  @Field(() => LocalDateResolver, { nullable: true })
  startFrom!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  startTo!: string | null;

  @Field(() => [String])
  sectors!: string[];
}

/**
 * A student's saved offer search: when a new offer matching it is published, the student is alerted. The filters
 * live in columns (the text as a generated tsquery) so a new offer is matched against every search in one query.
 */
@ObjectType({ description: 'An offer search a student saved: they are notified of each new offer matching it.' })
@Entity({ tableName: 'saved_search' })
@Index({ properties: ['userId', 'id'] })
export class SavedSearch {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** The student's account, who is notified. */
  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid', nullable: true })
  studentId: string | null = null;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  query: string | null = null;

  @Property({ type: 'text[]' })
  skills: string[] = [];

  @Property({ type: 'string', length: 120, nullable: true })
  city: string | null = null;

  @Property({ type: 'double', runtimeType: 'number', nullable: true })
  radiusKm: number | null = null;

  @Property({ type: 'double', runtimeType: 'number', nullable: true })
  centerLatitude: number | null = null;

  @Property({ type: 'double', runtimeType: 'number', nullable: true })
  centerLongitude: number | null = null;

  @Property({ type: 'text[]' })
  remote: RemotePolicy[] = [];

  @Property({ type: 'integer', nullable: true })
  minDurationMonths: number | null = null;

  @Property({ type: 'integer', nullable: true })
  maxDurationMonths: number | null = null;

  @Property({ type: 'integer', nullable: true })
  minStipendCents: number | null = null;

  @Property({ type: 'date', nullable: true })
  startFrom: string | null = null;

  @Property({ type: 'date', nullable: true })
  startTo: string | null = null;

  @Property({ type: 'text[]' })
  sectors: string[] = [];

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
