import { gql } from '@urql/vue';

export type DocumentKind = 'CV' | 'COVER_LETTER' | 'CONVENTION' | 'INTERNSHIP_REPORT' | 'ATTESTATION' | 'CERTIFICATE' | 'EVALUATION_FORM';

export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
}

export const documentFields = `
  id
  kind
  fileName
  contentType
  sizeBytes
  createdAt
`;

/** The caller's own documents (a student's CVs and letters to attach). */
export const MyDocumentsDocument = gql<
  { documents: { edges: Array<{ node: DocumentSummary }> } | null },
  { first: number }
>`
  query MyDocuments($first: Int!) {
    documents(first: $first) {
      edges {
        node {
          ${documentFields}
        }
      }
    }
  }
`;

/** Keeps a PDF (checked by its signature on the server) of at most 5 MB, sent in base64. */
export const UploadDocumentDocument = gql<
  { uploadDocument: DocumentSummary },
  { input: { kind: DocumentKind; filename: string; contentType: string; contentBase64: string } }
>`
  mutation UploadDocument($input: UploadDocumentInput!) {
    uploadDocument(input: $input) {
      ${documentFields}
    }
  }
`;

/** Shows one of the student's CVs on their profile (null removes it). */
export const SetStudentCvDocument = gql<{ setStudentCv: { id: string; cv: DocumentSummary | null } }, { documentId: string | null }>`
  mutation SetStudentCv($documentId: ID) {
    setStudentCv(documentId: $documentId) {
      id
      cv {
        ${documentFields}
      }
    }
  }
`;

/** A document's bytes (base64), for whoever may read it: its owner, or the enterprise it was sent to with an application. */
export const DocumentContentDocument = gql<{ documentContent: { document: DocumentSummary; contentBase64: string } }, { id: string }>`
  query DocumentContent($id: ID!) {
    documentContent(id: $id) {
      document {
        ${documentFields}
      }
      contentBase64
    }
  }
`;
