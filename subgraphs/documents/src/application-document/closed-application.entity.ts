import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An application whose documents are no longer shared (withdrawn or rejected): kept so that an
 * `application.created` delivered again afterwards shares nothing.
 */
@Entity({ tableName: 'closed_application' })
export class ClosedApplication {
  @PrimaryKey({ type: 'uuid' })
  applicationId!: string;

  @Property({ type: 'Date' })
  closedAt!: Date;
}
