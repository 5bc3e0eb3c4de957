import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** The offer statuses as the offers subgraph publishes them. */
export enum OfferSnapshotStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CLOSED = 'CLOSED',
  ARCHIVED = 'ARCHIVED',
}

/**
 * What this subgraph knows of an offer, from the offers subgraph's events (`offer.published`, `offer.updated`,
 * `offer.closed`): enough to accept an application (open, before its deadline) and to know whose offer it is,
 * without reading another subgraph's tables.
 */
@Entity({ tableName: 'offer_snapshot' })
export class OfferSnapshot {
  /** The offer's id. */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  enterpriseId!: string;

  /** Null when the first event heard about the offer carried no title (it was closed before we saw it published). */
  @Property({ type: 'string', length: 200, nullable: true })
  title: string | null = null;

  @Enum({ items: () => OfferSnapshotStatus, type: 'string' })
  status!: OfferSnapshotStatus;

  /** Last day to apply (Europe/Paris), if any. */
  @Property({ type: 'date', nullable: true })
  deadline: string | null = null;

  /** Time of the event this state comes from: an older event arriving late changes nothing. */
  @Property({ type: 'Date' })
  updatedAt!: Date;
}
