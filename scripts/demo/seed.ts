import type { EntityManager, ObjectStorage, RunningSubgraph } from '@stages/platform';
import { buildDemoDataset } from './dataset.js';
import { simplePdf } from './pdf.js';

async function seedIfEmpty(em: EntityManager, entity: string, rows: object[]): Promise<number> {
  if ((await em.count(entity)) > 0) return 0;
  // Batches keep each INSERT well under Postgres' bind-parameter limit.
  for (let start = 0; start < rows.length; start += 500) await em.insertMany(entity, rows.slice(start, start + 500));
  return rows.length;
}

/**
 * Seeds the demo world into every subgraph whose table is still empty, through each subgraph's own database
 * connection (one schema each). Returns the number of rows written (0 on every later start).
 */
export async function seedDemo(subgraphs: Map<string, RunningSubgraph>, storage: ObjectStorage): Promise<number> {
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

  const counts = await Promise.all([
    seedIfEmpty(fork('auth'), 'User', data.users),
    seedIfEmpty(fork('universities'), 'University', data.universities),
    seedIfEmpty(fork('enterprises'), 'Enterprise', data.enterprises),
    seedIfEmpty(fork('students'), 'Student', data.students),
    seedIfEmpty(fork('applications'), 'Application', data.applications),
    seedIfEmpty(fork('internships'), 'Internship', data.internships),
    seedIfEmpty(fork('documents'), 'Document', documents),
    seedIfEmpty(fork('notifications'), 'Notification', data.notifications),
    seedIfEmpty(fork('reports'), 'PlacementReport', data.placementReports),
  ]);
  // Offers last: their presence is the marker that the demo world is complete.
  counts.push(await seedIfEmpty(fork('offers'), 'Offer', data.offers));
  return counts.reduce((sum, count) => sum + count, 0);
}
