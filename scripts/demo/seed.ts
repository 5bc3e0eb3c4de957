import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager, ObjectStorage, RunningSubgraph } from '@stages/platform';
import { hashPassword } from '@stages/subgraph-auth/passwords';
import { newId } from '@stages/platform';
import { buildDemoDataset } from './dataset.js';
import { findCity } from '@stages/subgraph-offers/gazetteer';
import { applicationDocuments, backfillOfferSnapshots, backfillUploadedDocuments, enterpriseAddresses, enterpriseContacts, offerSnapshots, uploadedDocuments } from './recruiting.js';
import { simplePdf } from '@stages/subgraph-documents/pdf';

/** The enterprises each student applied to (the read model the students subgraph keeps from application events). */
function applicantLinks(applications: Array<{ studentId: string; enterpriseId: string; submittedAt: Date }>) {
  const links = new Map<string, { studentId: string; enterpriseId: string; createdAt: Date }>();
  for (const application of applications) {
    const key = `${application.studentId}|${application.enterpriseId}`;
    if (!links.has(key)) links.set(key, { studentId: application.studentId, enterpriseId: application.enterpriseId, createdAt: application.submittedAt });
  }
  return [...links.values()];
}

/** Students who accepted an offer, each once (the read model the students subgraph keeps from `application.accepted`). */
function placements(applications: Array<{ id: string; studentId: string; status: string; updatedAt: Date }>) {
  const placed = new Map<string, { studentId: string; applicationId: string; placedAt: Date }>();
  for (const application of applications) {
    if (application.status === 'ACCEPTED' && !placed.has(application.studentId)) placed.set(application.studentId, { studentId: application.studentId, applicationId: application.id, placedAt: application.updatedAt });
  }
  return [...placed.values()];
}

/** Data folders seeded before the students subgraph kept placements: taken once from the accepted applications. */
async function backfillPlacements(students: EntityManager, applications: EntityManager): Promise<number> {
  if ((await students.count('Placement')) > 0) return 0;
  const rows = await applications.getConnection().execute<Array<{ id: string; student_id: string; updated_at: Date }>>(`select id, student_id, updated_at from applications.application where status = 'ACCEPTED' order by id`);
  return seedIfEmpty(students, 'Placement', placements(rows.map((row) => ({ id: row.id, studentId: row.student_id, status: 'ACCEPTED', updatedAt: row.updated_at }))));
}

/** Every account as the notifications subgraph's recipient directory knows it (a read model of `user.registered`). */
function recipients(users: Array<{ id: string; email: string; displayName: string; locale: 'fr' | 'en'; roles: string[]; studentId: string | null; enterpriseId: string | null; universityId: string | null; createdAt: Date }>) {
  return users.map(({ id, email, displayName, locale, roles, studentId, enterpriseId, universityId, createdAt }) => ({
    userId: id,
    email,
    displayName,
    locale,
    roles,
    studentId,
    enterpriseId,
    universityId,
    updatedAt: createdAt,
  }));
}

async function seedIfEmpty(em: EntityManager, entity: string, rows: object[]): Promise<number> {
  if ((await em.count(entity)) > 0) return 0;
  // Batches keep each INSERT well under Postgres' bind-parameter limit.
  for (let start = 0; start < rows.length; start += 500) await em.insertMany(entity, rows.slice(start, start + 500));
  return rows.length;
}

/** Data folders seeded before the offers subgraph kept enterprise profiles: copied once from the enterprises. */
async function backfillEnterpriseProfiles(offers: EntityManager, enterprises: EntityManager): Promise<number> {
  if ((await offers.count('EnterpriseProfile')) > 0) return 0;
  const rows = await enterprises.getConnection().execute<Array<{ id: string; sector: string; verification_status: string; created_at: Date }>>('select id, sector, verification_status, created_at from enterprises.enterprise');
  return seedIfEmpty(offers, 'EnterpriseProfile', rows.map((row) => ({ enterpriseId: row.id, sector: row.sector, verificationStatus: row.verification_status, rejectionReason: null, updatedAt: new Date(row.created_at) })));
}

export interface DemoAccounts {
  password: string;
  accounts: Array<{ role: string; email: string }>;
}

/** The demo sign-ins written at seeding time (a random password per data folder, never committed). */
export async function readDemoAccounts(dataDir: string): Promise<DemoAccounts | undefined> {
  const file = path.join(dataDir, 'demo-accounts.json');
  return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as DemoAccounts) : undefined;
}

/**
 * Seeds the demo world into every subgraph whose table is still empty, through each subgraph's own database
 * connection (one schema each), with one account per role that can sign in. Returns the number of rows written
 * (0 on every later start).
 */
export async function seedDemo(subgraphs: Map<string, RunningSubgraph>, storage: ObjectStorage, dataDir: string): Promise<number> {
  const fork = (name: string) => {
    const running = subgraphs.get(name);
    if (!running) throw new Error(`Cannot seed: subgraph ${name} is not running`);
    return running.db.orm.em.fork();
  };
  const data = buildDemoDataset();
  if ((await fork('offers').count('Offer')) > 0) {
    return (
      (await backfillOfferSnapshots(fork('offers'), fork('applications'))) +
      (await backfillEnterpriseProfiles(fork('offers'), fork('enterprises'))) +
      (await backfillPlacements(fork('students'), fork('applications'))) +
      (await backfillUploadedDocuments(fork('applications'), fork('documents')))
    );
  }

  const documents = await Promise.all(
    data.documents.map(async ({ text, ...document }) => {
      const bytes = simplePdf(['Curriculum vitae', ...text.split(' - ')]);
      await storage.put(document.storageKey, bytes, document.contentType);
      return { ...document, sizeBytes: bytes.length };
    }),
  );

  const password = randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(password);
  const demoIds = new Set(data.demoAccounts.map((account) => account.userId));
  const users = data.users.map((user) => (demoIds.has(user.id) ? { ...user, passwordHash } : user));
  await mkdir(dataDir, { recursive: true });
  const accounts: DemoAccounts = { password, accounts: data.demoAccounts.map(({ role, email }) => ({ role, email })) };
  await writeFile(path.join(dataDir, 'demo-accounts.json'), JSON.stringify(accounts, null, 2), { mode: 0o600 });

  const counts = await Promise.all([
    seedIfEmpty(fork('auth'), 'User', users),
    seedIfEmpty(fork('universities'), 'University', data.universities),
    // Addresses and contacts once their enterprises are in (foreign keys).
    seedIfEmpty(fork('enterprises'), 'Enterprise', data.enterprises).then(async (count) => {
      const em = fork('enterprises');
      return count + (await seedIfEmpty(em, 'EnterpriseAddress', enterpriseAddresses(data.enterprises, newId))) + (await seedIfEmpty(em, 'EnterpriseContact', enterpriseContacts(data.enterprises, newId)));
    }),
    seedIfEmpty(fork('students'), 'Student', data.students),
    seedIfEmpty(fork('students'), 'ApplicantLink', applicantLinks(data.applications)),
    seedIfEmpty(
      fork('students'),
      'Supervision',
      data.internships.filter((internship) => internship.supervisorUserId).map((internship) => ({ studentId: internship.studentId, supervisorUserId: internship.supervisorUserId!, createdAt: internship.createdAt })),
    ),
    seedIfEmpty(fork('students'), 'Placement', placements(data.applications)),
    seedIfEmpty(fork('applications'), 'Application', data.applications),
    seedIfEmpty(fork('applications'), 'OfferSnapshot', offerSnapshots(data.offers)),
    seedIfEmpty(fork('internships'), 'Internship', data.internships),
    // The documents sent with applications once the documents are in (foreign key).
    seedIfEmpty(fork('documents'), 'Document', documents).then(async (count) => {
      const { shares, closed } = applicationDocuments(data.applications, newId);
      return count + (await seedIfEmpty(fork('documents'), 'ApplicationDocument', shares)) + (await seedIfEmpty(fork('documents'), 'ClosedApplication', closed));
    }),
    seedIfEmpty(fork('applications'), 'UploadedDocument', uploadedDocuments(data.documents)),
    seedIfEmpty(fork('notifications'), 'Notification', data.notifications),
    // Which enterprises may publish, and their sectors (the offers subgraph's read model of enterprise events).
    seedIfEmpty(fork('offers'), 'EnterpriseProfile', data.enterprises.map((enterprise) => ({ enterpriseId: enterprise.id, sector: enterprise.sector, verificationStatus: enterprise.verificationStatus, rejectionReason: null, updatedAt: enterprise.createdAt }))),
    seedIfEmpty(fork('notifications'), 'Recipient', recipients(data.users)),
    seedIfEmpty(fork('reports'), 'PlacementReport', data.placementReports),
  ]);
  // Offers last: their presence is the marker that the demo world is complete.
  // Placed on the map from the offers subgraph's gazetteer, as createOffer does.
  const placed = data.offers.map((offer) => ({ ...offer, latitude: findCity(offer.city)?.latitude ?? null, longitude: findCity(offer.city)?.longitude ?? null }));
  counts.push(await seedIfEmpty(fork('offers'), 'Offer', placed));
  return counts.reduce((sum, count) => sum + count, 0);
}
