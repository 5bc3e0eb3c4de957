import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { DateTimeISOResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "A university's placement figures for one academic year (a read model fed by events)." })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'placement_report' })
@Unique({ properties: ['universityId', 'academicYear'] })
export class PlacementReport {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  universityId!: string;

  @Field(() => String, { description: 'Academic year, e.g. 2026-2027.' })
  @Property({ type: 'string', length: 9 })
  academicYear!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  studentCount!: number;

  @Field(() => Int, { description: 'Students with at least one internship.' })
  @Property({ type: 'integer' })
  placedCount!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  applicationCount!: number;

  @Field(() => Int, { nullable: true, description: 'Average monthly gratification in euro cents.' })
  @Property({ type: 'integer', nullable: true })
  averageStipendCents: number | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
