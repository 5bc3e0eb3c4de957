import type { EntityManager } from '@stages/platform';

// Demo rows for the recruiting read models and profiles: enterprises' head offices and contacts, and the offer
// snapshot the applications subgraph keeps from offer events. Derived from the dataset without drawing from its
// random generator, so the rest of the demo world stays the same.

const POSTAL_CODES: Record<string, string> = {
  Paris: '75008', Lyon: '69002', Marseille: '13002', Toulouse: '31000', Bordeaux: '33000', Lille: '59000',
  Nantes: '44000', Strasbourg: '67000', Grenoble: '38000', Montpellier: '34000', Rennes: '35000', Nice: '06000',
};
const STREETS = ['rue de la République', 'avenue Jean Jaurès', 'boulevard Victor Hugo', 'rue Pasteur', 'quai des Chartrons', 'rue du Général de Gaulle', 'place de la Bourse'];

interface DemoEnterprise {
  id: string;
  name: string;
  city: string;
  website: string | null;
}

/** One head office per demo enterprise, in its city. */
export function enterpriseAddresses(enterprises: readonly DemoEnterprise[], id: () => string) {
  return enterprises.map((enterprise, index) => ({
    id: id(),
    enterpriseId: enterprise.id,
    label: 'Siège social',
    line1: `${(index * 7) % 120 + 1} ${STREETS[index % STREETS.length]}`,
    line2: null,
    postalCode: POSTAL_CODES[enterprise.city] ?? '75001',
    city: enterprise.city,
    country: 'FR',
    isHeadOffice: true,
  }));
}

/** A recruitment contact per demo enterprise (a reserved .example address, a fictional number). */
export function enterpriseContacts(enterprises: readonly DemoEnterprise[], id: () => string) {
  return enterprises.map((enterprise, index) => {
    const domain = enterprise.website ? new URL(enterprise.website).hostname.replace(/^www\./, '') : 'entreprise.example';
    return {
      id: id(),
      enterpriseId: enterprise.id,
      name: `Service recrutement ${enterprise.name}`,
      role: 'Ressources humaines',
      email: `recrutement@${domain}`,
      phone: `+33 1 55 ${String(10 + (index % 90)).padStart(2, '0')} ${String(20 + ((index * 3) % 80)).padStart(2, '0')} 00`,
    };
  });
}

interface DemoOffer {
  id: string;
  enterpriseId: string;
  title: string;
  status: string;
  deadline: string | null;
  publishedAt?: Date | null;
  updatedAt: Date;
}

/** What the applications subgraph would have learnt from each offer's events (`offer.published`, `offer.closed`…). */
export function offerSnapshots(offers: readonly DemoOffer[]) {
  return offers.map((offer) => ({ id: offer.id, enterpriseId: offer.enterpriseId, title: offer.title, status: offer.status, deadline: offer.deadline, updatedAt: offer.updatedAt }));
}

/**
 * A data folder seeded before the applications subgraph kept offer snapshots gets them once, from the offers as
 * they are now (later changes arrive as events). Returns the number of rows written.
 */
export async function backfillOfferSnapshots(offers: EntityManager, applications: EntityManager): Promise<number> {
  if ((await applications.count('OfferSnapshot')) > 0) return 0;
  const rows = (await offers.find('Offer', {}, { fields: ['id', 'enterpriseId', 'title', 'status', 'deadline', 'updatedAt'] as never })) as unknown as DemoOffer[];
  if (rows.length === 0) return 0;
  const snapshots = offerSnapshots(rows);
  for (let start = 0; start < snapshots.length; start += 500) await applications.insertMany('OfferSnapshot', snapshots.slice(start, start + 500));
  return snapshots.length;
}

/** Which account uploaded each document (the applications subgraph's read model of `document.uploaded`). */
export function uploadedDocuments(documents: ReadonlyArray<{ id: string; ownerId: string | null; kind: string; createdAt: Date }>) {
  return documents.filter((document) => document.ownerId !== null).map((document) => ({ id: document.id, ownerId: document.ownerId!, kind: document.kind, uploadedAt: document.createdAt }));
}

type DemoApplication = { id: string; enterpriseId: string; status: string; documentIds: readonly string[]; submittedAt: Date; updatedAt: Date };
const closed = (application: DemoApplication) => application.status === 'WITHDRAWN' || application.status === 'REJECTED';

/**
 * The documents of the applications still shared with their enterprise (not withdrawn nor rejected), and the
 * closed ones (the documents subgraph's read model of `application.created`, `.withdrawn` and `.rejected`).
 */
export function applicationDocuments(applications: readonly DemoApplication[], id: () => string) {
  return {
    shares: applications
      .filter((application) => !closed(application))
      .flatMap((application) => application.documentIds.map((documentId) => ({ id: id(), applicationId: application.id, documentId, enterpriseId: application.enterpriseId, sharedAt: application.submittedAt }))),
    closed: applications.filter(closed).map((application) => ({ applicationId: application.id, closedAt: application.updatedAt })),
  };
}

/** Data folders seeded before the applications subgraph knew who uploaded which document: copied once from the documents. */
export async function backfillUploadedDocuments(applications: EntityManager, documents: EntityManager): Promise<number> {
  if ((await applications.count('UploadedDocument')) > 0) return 0;
  const rows = await documents
    .getConnection()
    .execute<Array<{ id: string; owner_id: string; kind: string; created_at: Date }>>('select id, owner_id, kind, created_at from documents.document where owner_id is not null order by id');
  const copies = uploadedDocuments(rows.map((row) => ({ id: row.id, ownerId: row.owner_id, kind: row.kind, createdAt: new Date(row.created_at) })));
  for (let start = 0; start < copies.length; start += 500) await applications.insertMany('UploadedDocument', copies.slice(start, start + 500));
  return copies.length;
}
