import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '@stages/platform';
import { Field, ID, ObjectType } from 'type-graphql';

/** A postal address of an enterprise (its head office, an establishment, a site). */
@ObjectType({ description: 'A postal address of an enterprise.' })
@Entity({ tableName: 'enterprise_address' })
@Index({ properties: ['enterpriseId', 'id'] })
export class EnterpriseAddress {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  enterpriseId!: string;

  @Field(() => String, { nullable: true, description: 'What this address is, e.g. "Siège" or "Site de Lyon".' })
  @Property({ type: 'string', length: 60, nullable: true })
  label: string | null = null;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  line1!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  line2: string | null = null;

  @Field(() => String, { description: 'Five digits in France; as written locally elsewhere.' })
  @Property({ type: 'string', length: 20 })
  postalCode!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 120 })
  city!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  @Property({ type: 'string', length: 2 })
  country!: string;

  @Field(() => Boolean, { description: 'The registered head office (at most one per enterprise).' })
  @Property({ type: 'boolean' })
  isHeadOffice: boolean = false;
}
