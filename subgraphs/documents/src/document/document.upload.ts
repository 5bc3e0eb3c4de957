import { badUserInput } from '@stages/platform';
import { DocumentKind } from './document.entity.js';

/** Largest file accepted, once decoded. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const MAX_FILE_NAME_LENGTH = 255;

/** Kinds people upload; the others (attestations, certificates, evaluation forms) only Stages generates. */
export const UPLOADABLE_KINDS: readonly DocumentKind[] = [DocumentKind.CV, DocumentKind.COVER_LETTER, DocumentKind.CONVENTION, DocumentKind.INTERNSHIP_REPORT];

interface FileType {
  extensions: readonly string[];
  /** First bytes every such file starts with. */
  magic: Buffer;
  kinds: readonly DocumentKind[];
}

const FILE_TYPES: Record<string, FileType> = {
  'application/pdf': { extensions: ['pdf'], magic: Buffer.from('%PDF-', 'latin1'), kinds: UPLOADABLE_KINDS },
  // A signed convention is often a scan.
  'image/png': { extensions: ['png'], magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), kinds: [DocumentKind.CONVENTION] },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], magic: Buffer.from([0xff, 0xd8, 0xff]), kinds: [DocumentKind.CONVENTION] },
};

export interface UploadFields {
  kind: DocumentKind;
  filename: string;
  contentType: string;
  contentBase64: string;
}

export interface ValidUpload {
  kind: DocumentKind;
  fileName: string;
  contentType: string;
  /** Extension of the stored object, from the content type. */
  extension: string;
  bytes: Buffer;
}

/**
 * The file name as shown and offered for download: its last path segment, without control or bidirectional
 * formatting characters nor characters file systems refuse, not hidden, ending with an extension of its type.
 */
export function sanitizeFileName(raw: string, type: { extensions: readonly string[] }): string {
  if (raw.length > MAX_FILE_NAME_LENGTH) throw badUserInput('filename', `filename must have at most ${MAX_FILE_NAME_LENGTH} characters.`);
  let name = raw
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  if (!name) throw badUserInput('filename', 'filename must name the file, e.g. cv.pdf.');
  if (!extension || !type.extensions.includes(extension)) name = `${name}.${type.extensions[0]}`;
  if (name.length > MAX_FILE_NAME_LENGTH) {
    const suffix = name.slice(name.lastIndexOf('.'));
    name = name.slice(0, MAX_FILE_NAME_LENGTH - suffix.length) + suffix;
  }
  return name;
}

/** Checks an upload (kind, type, size, the file's own signature) and decodes it; BAD_USER_INPUT names the field. */
export function validateUpload(input: UploadFields): ValidUpload {
  if (!UPLOADABLE_KINDS.includes(input.kind)) throw badUserInput('kind', `kind must be one of ${UPLOADABLE_KINDS.join(', ')}: the others are made by Stages.`);
  const contentType = input.contentType.trim().toLowerCase();
  const type = FILE_TYPES[contentType];
  if (!type) throw badUserInput('contentType', `contentType must be one of ${Object.keys(FILE_TYPES).join(', ')}.`);
  if (!type.kinds.includes(input.kind)) throw badUserInput('contentType', `${contentType} is accepted for ${type.kinds.join(', ')} only: a ${input.kind} must be a PDF.`);
  const fileName = sanitizeFileName(input.filename, type);
  // Encoders may wrap lines; the length is checked before decoding anything.
  const base64 = input.contentBase64.replace(/\s+/g, '');
  if (base64.length > Math.ceil(MAX_UPLOAD_BYTES / 3) * 4) throw badUserInput('contentBase64', 'The file must be at most 5 MB.');
  if (base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw badUserInput('contentBase64', 'contentBase64 must be the file encoded in base64.');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw badUserInput('contentBase64', 'The file is empty.');
  if (bytes.length > MAX_UPLOAD_BYTES) throw badUserInput('contentBase64', 'The file must be at most 5 MB.');
  if (!bytes.subarray(0, type.magic.length).equals(type.magic)) throw badUserInput('contentBase64', `The file is not a ${contentType === 'application/pdf' ? 'PDF' : contentType.slice('image/'.length).toUpperCase()} file.`);
  return { kind: input.kind, fileName, contentType, extension: type.extensions[0]!, bytes };
}
