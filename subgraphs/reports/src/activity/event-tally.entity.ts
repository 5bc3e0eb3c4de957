import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/** How many events of a type happened on a day (Europe/Paris), counted once each by the tally consumer. */
@Entity({ tableName: 'event_tally' })
export class EventTally {
  [PrimaryKeyProp]?: ['day', 'type'];

  @PrimaryKey({ type: 'date' })
  day!: string;

  @PrimaryKey({ type: 'string', length: 100 })
  type!: string;

  @Property({ type: 'integer' })
  count!: number;
}
