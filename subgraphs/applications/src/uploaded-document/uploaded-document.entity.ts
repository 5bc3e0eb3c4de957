import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A document someone uploaded, as the documents subgraph's `document.uploaded` tells it: enough to accept only a
 * student's own documents on their application, without reading another subgraph's tables.
 */
@Entity({ tableName: 'uploaded_document' })
export class UploadedDocument {
  /** The document's id. */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Account that uploaded it. */
  @Index()
  @Property({ type: 'uuid' })
  ownerId!: string;

  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'Date' })
  uploadedAt!: Date;
}
