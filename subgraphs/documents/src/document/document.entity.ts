import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
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
  [OptionalProps]?: 'profileCv';

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

  /**
   * The CV a student shows on their profile (`Student.cv`, set by `setStudentCv`): at most one per student. It is
   * readable by the staff of `universityId`, the student's university when it was set.
   */
  @Property({ type: 'boolean' })
  profileCv: boolean = false;

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

@ObjectType({ description: 'The bytes of a document, for whoever may read it.' })
export class DocumentContent {
  @Field(() => Document)
  document!: Document;

  @Field(() => String, { description: 'The file, base64-encoded (at most 5 MB once decoded).' })
  contentBase64!: string;
}
