import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '@stages/platform';
import { Field, ID, ObjectType } from 'type-graphql';

/** A person to reach at the enterprise; their e-mail and phone are not public (see the resolver). */
@ObjectType({ description: 'A person to reach at an enterprise. Their e-mail address and phone number are shown only to its recruiters, university staff and system administrators.' })
@Entity({ tableName: 'enterprise_contact' })
@Index({ properties: ['enterpriseId', 'id'] })
export class EnterpriseContact {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  enterpriseId!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Their role, e.g. "Responsable RH" or "Tuteur·rice de stage".' })
  @Property({ type: 'string', length: 120, nullable: true })
  role: string | null = null;

  @Property({ type: 'string', length: 254, nullable: true })
  email: string | null = null;

  @Property({ type: 'string', length: 30, nullable: true })
  phone: string | null = null;
}
