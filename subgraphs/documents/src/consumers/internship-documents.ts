import { eventData, type EntityManager, type EventConsumer, type EventData, type ObjectStorage } from '@stages/platform';
import { Document, DocumentKind } from '../document/document.entity.js';
import { attestationPdf, evaluationFormPdf } from '../generated/internship-documents.js';

type InternshipFacts = EventData<'internship.completed'>;

const GENERATED = {
  [DocumentKind.ATTESTATION]: { render: attestationPdf, name: 'attestation-de-stage' },
  [DocumentKind.EVALUATION_FORM]: { render: evaluationFormPdf, name: 'fiche-evaluation-stagiaire' },
} as const;

/**
 * Makes one generated document of an internship, unless it exists: at most one of each kind per internship (a
 * unique index backs this). The object key depends only on the internship and the kind, so a retry after a
 * failed commit overwrites the same object instead of leaving another. Returns null when it already existed.
 */
export async function generateInternshipDocument(
  em: EntityManager,
  storage: ObjectStorage,
  facts: InternshipFacts,
  kind: keyof typeof GENERATED,
): Promise<Document | null> {
  if (await em.findOne(Document, { internshipId: facts.internshipId, kind })) return null;
  const { render, name } = GENERATED[kind];
  const bytes = render(facts, new Date());
  const storageKey = `internships/${facts.internshipId}/${name}.pdf`;
  await storage.put(storageKey, bytes, 'application/pdf');
  return em.create(Document, {
    ownerId: null,
    kind,
    fileName: `${name}-${facts.internshipId.slice(-12)}.pdf`,
    contentType: 'application/pdf',
    sizeBytes: bytes.length,
    storageKey,
    internshipId: facts.internshipId,
    studentId: facts.studentId,
    enterpriseId: facts.enterpriseId,
    universityId: facts.universityId,
    createdAt: new Date(),
  });
}

/**
 * The documents of an internship's life: the tutor's evaluation form when it starts, the attestation de stage
 * when it completes (then `attestation.generated`, committed with the document row).
 */
export const internshipDocumentsConsumer: EventConsumer = {
  name: 'internship-documents',
  topics: ['stages.internship'],
  types: ['internship.started', 'internship.completed'],
  async handle(em, event, context) {
    if (event.type === 'internship.started') {
      await generateInternshipDocument(em, context.infrastructure.storage, eventData(event, 'internship.started'), DocumentKind.EVALUATION_FORM);
      return;
    }
    const facts = eventData(event, 'internship.completed');
    const attestation = await generateInternshipDocument(em, context.infrastructure.storage, facts, DocumentKind.ATTESTATION);
    if (!attestation) return;
    context.emit({
      type: 'attestation.generated',
      subject: attestation.id,
      data: { documentId: attestation.id, internshipId: facts.internshipId, studentId: facts.studentId },
    });
  },
};
