import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DocumentKind } from './document.entity.js';
import { MAX_UPLOAD_BYTES, sanitizeFileName, validateUpload } from './document.upload.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< >>\nendobj\n%%EOF\n', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const pdfType = { extensions: ['pdf'] };

function refusedField(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return (error as GraphQLError).extensions.field as string;
  }
  throw new Error('expected BAD_USER_INPUT');
}

const upload = (overrides: Partial<Parameters<typeof validateUpload>[0]> = {}) =>
  validateUpload({ kind: DocumentKind.CV, filename: 'cv.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64'), ...overrides });

describe('sanitizeFileName', () => {
  it.each([
    ['CV Léa Martin.pdf', 'CV Léa Martin.pdf'],
    ['../../etc/passwd', 'passwd.pdf'],
    ['C:\\Users\\léa\\cv final.PDF', 'cv final.PDF'],
    ['cv<script>.pdf', 'cv_script_.pdf'],
    ['\u202Efdp.exe', 'fdp.exe.pdf'],
    ['  .hidden cv.pdf  ', 'hidden cv.pdf'],
    ['cv', 'cv.pdf'],
    ['cv.', 'cv.pdf'],
    ['.pdf', 'pdf.pdf'],
  ])('should turn %j into %j', (raw, expected) => {
    expect(sanitizeFileName(raw, pdfType)).toBe(expected);
  });

  it('should keep the extension when shortening a long name', () => {
    const name = sanitizeFileName(`${'a'.repeat(250)}.docx`, pdfType);
    expect(name).toHaveLength(255);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it.each(['', '   ', '../', '..', '///'])('should refuse %j', (raw) => {
    expect(refusedField(() => sanitizeFileName(raw, pdfType))).toBe('filename');
  });

  it('should refuse a name over 255 characters', () => {
    expect(refusedField(() => sanitizeFileName(`${'a'.repeat(256)}.pdf`, pdfType))).toBe('filename');
  });
});

describe('validateUpload', () => {
  it('should decode a PDF and keep its type and name', () => {
    const valid = upload({ filename: 'Mon CV.pdf', contentType: ' Application/PDF ' });
    expect(valid).toEqual({ kind: 'CV', fileName: 'Mon CV.pdf', contentType: 'application/pdf', extension: 'pdf', bytes: PDF });
  });

  it('should accept base64 wrapped on several lines', () => {
    const wrapped = PDF.toString('base64').replace(/(.{16})/g, '$1\n');
    expect(upload({ contentBase64: wrapped }).bytes).toEqual(PDF);
  });

  it.each([DocumentKind.ATTESTATION, DocumentKind.CERTIFICATE, DocumentKind.EVALUATION_FORM])('should refuse %s, which only Stages makes', (kind) => {
    expect(refusedField(() => upload({ kind }))).toBe('kind');
  });

  it('should refuse other content types, and images for a CV', () => {
    expect(refusedField(() => upload({ contentType: 'application/msword' }))).toBe('contentType');
    expect(refusedField(() => upload({ contentType: 'image/png', contentBase64: PNG.toString('base64') }))).toBe('contentType');
  });

  it('should accept a PNG scan of a convention', () => {
    expect(upload({ kind: DocumentKind.CONVENTION, filename: 'convention signée', contentType: 'image/png', contentBase64: PNG.toString('base64') }).fileName).toBe('convention signée.png');
  });

  it('should refuse a file whose bytes are not of its declared type', () => {
    expect(refusedField(() => upload({ contentBase64: Buffer.from('<html>not a pdf</html>').toString('base64') }))).toBe('contentBase64');
    expect(refusedField(() => upload({ kind: DocumentKind.CONVENTION, contentType: 'image/jpeg', contentBase64: PDF.toString('base64') }))).toBe('contentBase64');
  });

  it.each(['not base64!', 'abc', 'YWJj=ZA==', ''])('should refuse the content %j', (content) => {
    expect(refusedField(() => upload({ contentBase64: content }))).toBe('contentBase64');
  });

  it('should accept exactly 5 MB and refuse one byte more', () => {
    const padded = (size: number) => Buffer.concat([PDF, Buffer.alloc(size - PDF.length, 0x20)]).toString('base64');
    expect(upload({ contentBase64: padded(MAX_UPLOAD_BYTES) }).bytes).toHaveLength(MAX_UPLOAD_BYTES);
    expect(refusedField(() => upload({ contentBase64: padded(MAX_UPLOAD_BYTES + 1) }))).toBe('contentBase64');
  });
});
