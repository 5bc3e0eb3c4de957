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
  EVALUATION_FORM = 'EVALUATION_FORM',
}

registerEnumType(DocumentKind, { name: 'DocumentKind' });

@ObjectType({ description: 'A file kept by Stages; its bytes live in the object store under `storageKey`.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'document' })
export class Document {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** Account that uploaded the document; null for a document generated for an internship's parties. */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  ownerId: string | null = null;

  /** The internship a generated document belongs to, and its parties (copied from the event), who may see it. */
  @Property({ type: 'uuid', nullable: true })
  internshipId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  studentId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  enterpriseId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  universityId: string | null = null;

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
