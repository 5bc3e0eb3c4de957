import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '@stages/platform';

/** An application on a shortlist (once per list). */
@Entity({ tableName: 'shortlist_entry' })
@Unique({ properties: ['shortlistId', 'applicationId'] })
@Index({ properties: ['shortlistId', 'id'] })
export class ShortlistEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  shortlistId!: string;

  @Property({ type: 'uuid' })
  applicationId!: string;

  @Property({ type: 'uuid' })
  addedByUserId!: string;

  @Property({ type: 'Date' })
  addedAt: Date = new Date();
}
