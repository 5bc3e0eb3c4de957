import { Field, InputType } from 'type-graphql';
import { DocumentKind } from './document.entity.js';

@InputType({ description: 'A file to keep: at most 5 MB once decoded; a PDF (PNG or JPEG scans are accepted for a CONVENTION).' })
export class UploadDocumentInput {
  @Field(() => DocumentKind, { description: 'CV, COVER_LETTER, CONVENTION or INTERNSHIP_REPORT.' })
  kind!: DocumentKind;

  @Field(() => String, { description: 'At most 255 characters; path segments and unsafe characters are removed.' })
  filename!: string;

  @Field(() => String, { description: 'application/pdf, image/png or image/jpeg; the file must be of that type.' })
  contentType!: string;

  @Field(() => String, { description: 'The file, base64-encoded.' })
  contentBase64!: string;
}
