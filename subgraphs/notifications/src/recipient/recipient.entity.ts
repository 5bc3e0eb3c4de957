import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { Locale } from '@stages/platform';

/** The languages Stages speaks (the platform's list). */
export type { Locale };

/**
 * A person notifications may go to, as the auth subgraph announced them (`user.registered`) and enterprises
 * updated them (`enterprise.member-approved`): a read model, so this subgraph never asks another one.
 */
@Entity({ tableName: 'recipient' })
export class Recipient {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'string', length: 320 })
  email!: string;

  @Property({ type: 'string', length: 200 })
  displayName!: string;

  @Property({ type: 'string' })
  locale: Locale = 'fr';

  @Property({ type: 'text[]' })
  roles: string[] = [];

  @Index()
  @Property({ type: 'uuid', nullable: true })
  studentId: string | null = null;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  enterpriseId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  universityId: string | null = null;

  @Property({ type: 'Date' })
  updatedAt: Date = new Date();
}
