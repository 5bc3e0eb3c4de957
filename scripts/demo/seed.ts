import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager, ObjectStorage, RunningSubgraph } from '@stages/platform';
import { hashPassword } from '@stages/subgraph-auth/passwords';
import { buildDemoDataset } from './dataset.js';
import { simplePdf } from './pdf.js';

/** The enterprises each student applied to (the read model the students subgraph keeps from application events). */
function applicantLinks(applications: Array<{ studentId: string; enterpriseId: string; submittedAt: Date }>) {
  const links = new Map<string, { studentId: string; enterpriseId: string; createdAt: Date }>();
  for (const application of applications) {
    const key = `${application.studentId}|${application.enterpriseId}`;
    if (!links.has(key)) links.set(key, { studentId: application.studentId, enterpriseId: application.enterpriseId, createdAt: application.submittedAt });
  }
  return [...links.values()];
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
  if ((await fork('offers').count('Offer')) > 0) return 0;

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
    seedIfEmpty(fork('enterprises'), 'Enterprise', data.enterprises),
    seedIfEmpty(fork('students'), 'Student', data.students),
    seedIfEmpty(fork('students'), 'ApplicantLink', applicantLinks(data.applications)),
    seedIfEmpty(
      fork('students'),
      'Supervision',
      data.internships.filter((internship) => internship.supervisorUserId).map((internship) => ({ studentId: internship.studentId, supervisorUserId: internship.supervisorUserId!, createdAt: internship.createdAt })),
    ),
    seedIfEmpty(fork('applications'), 'Application', data.applications),
    seedIfEmpty(fork('internships'), 'Internship', data.internships),
    seedIfEmpty(fork('documents'), 'Document', documents),
    seedIfEmpty(fork('notifications'), 'Notification', data.notifications),
    seedIfEmpty(fork('notifications'), 'Recipient', recipients(data.users)),
    seedIfEmpty(fork('reports'), 'PlacementReport', data.placementReports),
  ]);
  // Offers last: their presence is the marker that the demo world is complete.
  counts.push(await seedIfEmpty(fork('offers'), 'Offer', data.offers));
  return counts.reduce((sum, count) => sum + count, 0);
}
