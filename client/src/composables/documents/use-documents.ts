import { shallowRef } from 'vue';
import { graphqlClient, uncachedClient } from '../../graphql/client';
import { DocumentContentDocument, MyDocumentsDocument, UploadDocumentDocument, type DocumentKind, type DocumentSummary } from '../../graphql/documents';
import { hasErrorCode } from '../../graphql/errors';

/** The API keeps PDFs of at most 5 MB (sent base64-encoded; the gateway takes request bodies up to 8 MiB). */
export const maxUploadBytes = 5 * 1024 * 1024;

export type UploadOutcome =
  | { ok: true; document: DocumentSummary }
  | { ok: false; reason: 'notPdf' | 'tooLarge' | 'invalid' | 'failed'; message?: string };

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}

/** The signed-in person's documents, and uploading a PDF to them. */
export function useDocuments() {
  const documents = shallowRef<DocumentSummary[]>([]);
  const state = shallowRef<'loading' | 'ready' | 'error'>('loading');

  async function load(): Promise<void> {
    state.value = 'loading';
    const result = await graphqlClient.value.query(MyDocumentsDocument, { first: 100 }, { requestPolicy: 'network-only' }).toPromise();
    if (result.data?.documents) {
      documents.value = result.data.documents.edges.map((edge) => edge.node);
      state.value = 'ready';
    } else {
      state.value = 'error';
    }
  }

  /** Checks the file here first (a PDF by its signature, the size), then uploads it in base64. */
  async function upload(file: File, kind: DocumentKind = 'CV'): Promise<UploadOutcome> {
    if (file.size > maxUploadBytes) return { ok: false, reason: 'tooLarge' };
    const bytes = new Uint8Array(await file.arrayBuffer());
    const signature = String.fromCharCode(...bytes.subarray(0, 5));
    if (signature !== '%PDF-') return { ok: false, reason: 'notPdf' };
    const result = await graphqlClient.value
      .mutation(UploadDocumentDocument, {
        input: { kind, filename: file.name || 'document.pdf', contentType: 'application/pdf', contentBase64: base64Of(bytes) },
      })
      .toPromise();
    const document = result.data?.uploadDocument;
    if (document) {
      documents.value = [...documents.value, document];
      return { ok: true, document };
    }
    if (hasErrorCode(result.error, 'BAD_USER_INPUT')) {
      return { ok: false, reason: 'invalid', message: result.error?.graphQLErrors[0]?.message };
    }
    return { ok: false, reason: result.error?.response?.status === 413 ? 'tooLarge' : 'failed' };
  }

  return { documents, state, load, upload };
}

export type DownloadOutcome = { ok: true } | { ok: false; reason: 'forbidden' | 'notFound' | 'failed' };

/**
 * Fetches a document the caller may read and hands it to the browser as a file named as uploaded (the API sends
 * it base64-encoded; the object URL is released once the download started).
 */
export async function downloadDocument(id: string): Promise<DownloadOutcome> {
  // Not through the app's client: its cache would keep every file downloaded (up to 7 MB of base64 each).
  const result = await uncachedClient.query(DocumentContentDocument, { id }).toPromise();
  const content = result.data?.documentContent;
  if (!content) {
    if (hasErrorCode(result.error, 'FORBIDDEN')) return { ok: false, reason: 'forbidden' };
    if (hasErrorCode(result.error, 'NOT_FOUND')) return { ok: false, reason: 'notFound' };
    return { ok: false, reason: 'failed' };
  }
  const binary = atob(content.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  const url = URL.createObjectURL(new Blob([bytes], { type: content.document.contentType }));
  const link = Object.assign(document.createElement('a'), { href: url, download: content.document.fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true };
}
