import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeISOResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum DocumentKind {
  CV = 'CV',
  COVER_LETTER = 'COVER_LETTER',
  CONVENTION = 'CONVENTION',
  INTERNSHIP_REPORT = 'INTERNSHIP_REPORT',
  ATTESTATION = 'ATTESTATION',
  CERTIFICATE = 'CERTIFICATE',
}

registerEnumType(DocumentKind, { name: 'DocumentKind' });

@ObjectType({ description: 'A file kept by Stages; its bytes live in the object store under `storageKey`.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'document' })
export class Document {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** Account that uploaded the document or for whom it was generated. */
  @Index()
  @Property({ type: 'uuid' })
  ownerId!: string;

  @Field(() => DocumentKind)
  @Enum({ items: () => DocumentKind, type: 'string' })
  kind!: DocumentKind;

  @Field(() => String)
  @Property({ type: 'string', length: 255 })
  fileName!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  contentType!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sizeBytes!: number;

  @Property({ type: 'string', length: 512 })
  storageKey!: string;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
