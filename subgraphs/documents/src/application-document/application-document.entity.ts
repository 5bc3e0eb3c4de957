import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '@stages/platform';

/**
 * A document a student attached to an application (from `application.created`): the enterprise the application
 * went to may read it. Removed when the application is withdrawn or rejected.
 */
@Entity({ tableName: 'application_document' })
@Unique({ properties: ['applicationId', 'documentId'] })
export class ApplicationDocument {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  applicationId!: string;

  @Index()
  @Property({ type: 'uuid' })
  documentId!: string;

  @Property({ type: 'uuid' })
  enterpriseId!: string;

  @Property({ type: 'Date' })
  sharedAt!: Date;
}
