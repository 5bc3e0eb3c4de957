import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, type DomainEvent } from '@stages/platform';
import { codeOf, parisDay, startAcceptance, type Acceptance, type AcceptanceMode } from './acceptance.js';

const UNKNOWN_ID = '0190c3a2-1111-7111-8111-111111111111';

// State changes through the gateway with the demo accounts: the status machines of applications, offers and
// internships, their history and events, the documents and the tally their consumers make from those events.
export function describeStatusChanges(mode: AcceptanceMode): void {
  describe(`status changes and their events (${mode})`, () => {
    let t: Acceptance;
    let demo: { studentId: string; enterpriseId: string; universityId: string };
    const received: DomainEvent[] = [];
    let unsubscribe: () => Promise<void> = async () => undefined;


    async function insertApplication(studentId: string, status = 'SUBMITTED'): Promise<string> {
      const id = newId();
      await t.sql(
        'applications',
        `insert into applications.application (id, student_id, offer_id, enterprise_id, university_id, status, submitted_at, updated_at) values (?, ?, ?, ?, ?, ?, now(), now())`,
        [id, studentId, newId(), demo.enterpriseId, demo.universityId, status],
      );
      return id;
    }

    async function insertOffer(enterpriseId: string, status = 'DRAFT'): Promise<string> {
      const id = newId();
      await t.sql(
        'offers',
        `insert into offers.offer (id, enterprise_id, title, description, city, country, remote, duration_months, start_date, status, created_at, updated_at)
         values (?, ?, 'Stage développeur TypeScript', 'Une équipe produit.', 'Lyon', 'FR', 'HYBRID', 6, '2026-09-01', ?, now(), now())`,
        [id, enterpriseId, status],
      );
      return id;
    }

    async function insertInternship(status = 'PLANNED'): Promise<string> {
      const id = newId();
      await t.sql(
        'internships',
        `insert into internships.internship (id, application_id, student_id, enterprise_id, offer_id, university_id, start_date, end_date, status, created_at)
         values (?, ?, ?, ?, ?, ?, '2026-03-02', '2026-08-28', ?, now())`,
        [id, newId(), demo.studentId, demo.enterpriseId, newId(), demo.universityId, status],
      );
      return id;
    }

    const CHANGE = `mutation Change($id: ID!, $status: ApplicationStatus!, $reason: String) {
      changeApplicationStatus(id: $id, status: $status, reason: $reason) { id status history { from to reason actorUserId at } }
    }`;
    const WITHDRAW = `mutation Withdraw($id: ID!, $reason: String) { withdrawApplication(id: $id, reason: $reason) { id status } }`;

    beforeAll(async () => {
      t = await startAcceptance('status', mode);
      const [student] = await t.sql<{ student_id: string; university_id: string }>('auth', `select student_id, university_id from auth."user" where id = ?`, [t.userIds.get('STUDENT')]);
      const [recruiter] = await t.sql<{ enterprise_id: string }>('auth', `select enterprise_id from auth."user" where id = ?`, [t.userIds.get('ENTERPRISE')]);
      const [admin] = await t.sql<{ university_id: string }>('auth', `select university_id from auth."user" where id = ?`, [t.userIds.get('UNIVERSITY_ADMIN')]);
      demo = { studentId: student!.student_id, enterpriseId: recruiter!.enterprise_id, universityId: student!.university_id };
      expect(admin!.university_id, 'the demo university admin is at the demo student’s university').toBe(demo.universityId);
      unsubscribe = await t.platform.infrastructure.events.subscribe({
        group: `test-${randomUUID()}`,
        topics: ['stages.application', 'stages.offer', 'stages.internship', 'stages.attestation'],
        handler: async (event) => void received.push(event),
      });
    });

    afterAll(async () => {
      await unsubscribe();
      await t?.stop();
    });

    describe('applications', () => {
      it('should take an application from SUBMITTED to ACCEPTED, keep its history oldest first and publish one event per move', async () => {
        const id = await insertApplication(demo.studentId);
        for (const status of ['SHORTLISTED', 'INTERVIEW', 'OFFERED']) {
          const moved = await t.gql('ENTERPRISE', CHANGE, { id, status, reason: status === 'INTERVIEW' ? 'Entretien le 12 mars à 10 h' : null });
          expect(moved.errors, JSON.stringify(moved.errors)).toBeUndefined();
          expect(moved.data!.changeApplicationStatus.status).toBe(status);
        }
        const accepted = await t.gql('STUDENT', CHANGE, { id, status: 'ACCEPTED', reason: '  Avec plaisir  ' });
        expect(accepted.errors, JSON.stringify(accepted.errors)).toBeUndefined();
        const history = accepted.data!.changeApplicationStatus.history as Array<{ from: string; to: string; reason: string | null; actorUserId: string; at: string }>;
        expect(history.map(({ from, to, reason, actorUserId }) => ({ from, to, reason, actorUserId }))).toEqual([
          { from: 'SUBMITTED', to: 'SHORTLISTED', reason: null, actorUserId: t.userIds.get('ENTERPRISE') },
          { from: 'SHORTLISTED', to: 'INTERVIEW', reason: 'Entretien le 12 mars à 10 h', actorUserId: t.userIds.get('ENTERPRISE') },
          { from: 'INTERVIEW', to: 'OFFERED', reason: null, actorUserId: t.userIds.get('ENTERPRISE') },
          { from: 'OFFERED', to: 'ACCEPTED', reason: 'Avec plaisir', actorUserId: t.userIds.get('STUDENT') },
        ]);
        expect([...history].sort((a, b) => a.at.localeCompare(b.at))).toEqual(history);

        // Each move wrote its event to the outbox with the change, and the relay published it.
        const outbox = await t.sql<{ type: string; payload: Record<string, unknown> }>('applications', 'select type, payload from applications.outbox where key = ? order by id', [id]);
        expect(outbox.map((row) => row.type)).toEqual(['application.shortlisted', 'application.interview-scheduled', 'application.offered', 'application.accepted']);
        expect(outbox[3]!.payload).toEqual({
          applicationId: id,
          studentId: demo.studentId,
          offerId: expect.any(String),
          enterpriseId: demo.enterpriseId,
          universityId: demo.universityId,
          from: 'OFFERED',
          to: 'ACCEPTED',
          reason: 'Avec plaisir',
          actorUserId: t.userIds.get('STUDENT'),
        });
        const published = await t.eventually(
          async () => received.filter((event) => event.subject === id).map((event) => event.type),
          (types) => types.length >= 4,
          'the application events',
        );
        expect(published).toEqual(['application.shortlisted', 'application.interview-scheduled', 'application.offered', 'application.accepted']);

        // Accepted is final: the conflict says there is nowhere to go.
        const again = await t.gql('STUDENT', WITHDRAW, { id });
        expect(codeOf(again)).toBe('CONFLICT');
        expect(again.errors![0]!.extensions).toMatchObject({ status: 'ACCEPTED', allowed: [] });
      });

      it('should answer an illegal move with CONFLICT and the moves the caller may make', async () => {
        const id = await insertApplication(demo.studentId);
        const skip = await t.gql('ENTERPRISE', CHANGE, { id, status: 'OFFERED' });
        expect(codeOf(skip)).toBe('CONFLICT');
        expect(skip.errors![0]!.extensions).toMatchObject({ status: 'SUBMITTED', allowed: ['SHORTLISTED', 'REJECTED'] });
        expect(skip.data).toBeNull();
        const early = await t.gql('STUDENT', CHANGE, { id, status: 'ACCEPTED' });
        expect(codeOf(early)).toBe('CONFLICT');
        expect(early.errors![0]!.extensions).toMatchObject({ allowed: ['WITHDRAWN'] });
        const admin = await t.gql('SYSTEM_ADMIN', CHANGE, { id, status: 'SUBMITTED' });
        expect(admin.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', allowed: ['SHORTLISTED', 'REJECTED', 'WITHDRAWN'] });
        expect(await t.sql('applications', 'select 1 from applications.application_status_change where application_id = ?', [id])).toHaveLength(0);
        expect(await t.sql('applications', 'select 1 from applications.outbox where key = ?', [id])).toHaveLength(0);
      });

      it('should keep each party to its own moves', async () => {
        const id = await insertApplication(demo.studentId);
        expect(codeOf(await t.gql('STUDENT', CHANGE, { id, status: 'SHORTLISTED' }))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql('ENTERPRISE', CHANGE, { id, status: 'WITHDRAWN' }))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql('ENTERPRISE', WITHDRAW, { id }))).toBe('FORBIDDEN');
        // The student's university follows the application but does not move it.
        expect(codeOf(await t.gql('UNIVERSITY_ADMIN', CHANGE, { id, status: 'REJECTED' }))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql('UNIVERSITY_SUPERVISOR', CHANGE, { id, status: 'REJECTED' }))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql(null, CHANGE, { id, status: 'REJECTED' }))).toBe('UNAUTHENTICATED');
        expect(codeOf(await t.gql('ENTERPRISE', CHANGE, { id: UNKNOWN_ID, status: 'REJECTED' }))).toBe('NOT_FOUND');
        const tooLong = await t.gql('ENTERPRISE', CHANGE, { id, status: 'REJECTED', reason: 'x'.repeat(1001) });
        expect(tooLong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
        const rejected = await t.gql('ENTERPRISE', CHANGE, { id, status: 'REJECTED', reason: 'x'.repeat(1000) });
        expect(rejected.errors).toBeUndefined();
        expect(rejected.data!.changeApplicationStatus.status).toBe('REJECTED');
      });

      it('should let the student withdraw an open application, with the reason in the event', async () => {
        const id = await insertApplication(demo.studentId, 'INTERVIEW');
        const withdrawn = await t.gql('STUDENT', WITHDRAW, { id, reason: 'J’ai accepté une autre offre.' });
        expect(withdrawn.errors).toBeUndefined();
        expect(withdrawn.data!.withdrawApplication.status).toBe('WITHDRAWN');
        const [row] = await t.sql<{ type: string; payload: Record<string, unknown> }>('applications', 'select type, payload from applications.outbox where key = ?', [id]);
        expect(row).toMatchObject({ type: 'application.withdrawn', payload: { from: 'INTERVIEW', to: 'WITHDRAWN', reason: 'J’ai accepté une autre offre.', actorUserId: t.userIds.get('STUDENT') } });
      });

      it('should commit only one of two identical moves made at once', async () => {
        const id = await insertApplication(demo.studentId);
        const results = await Promise.all([1, 2, 3].map(() => t.gql('ENTERPRISE', CHANGE, { id, status: 'SHORTLISTED' })));
        expect(results.filter((result) => !result.errors)).toHaveLength(1);
        expect(results.filter((result) => codeOf(result) === 'CONFLICT')).toHaveLength(2);
        expect(await t.sql('applications', 'select 1 from applications.application_status_change where application_id = ?', [id])).toHaveLength(1);
        expect(await t.sql('applications', 'select 1 from applications.outbox where key = ?', [id])).toHaveLength(1);
      });

      it('should load the histories of a page of applications in one query', async () => {
        const statements: string[] = [];
        const stop = t.platform.subgraphs.get('applications')!.db.onQuery((text) => {
          if (/application_status_change/.test(text)) statements.push(text);
        });
        try {
          const page = await t.gql('SYSTEM_ADMIN', '{ applications(first: 50) { edges { node { id history { to } } } } }');
          expect(page.errors).toBeUndefined();
          expect(page.data!.applications.edges).toHaveLength(50);
        } finally {
          stop();
        }
        expect(statements).toHaveLength(1);
      });
    });

    describe('offers', () => {
      const PUBLISH = 'mutation ($id: ID!) { publishOffer(id: $id) { id status publishedAt } }';
      const CLOSE = 'mutation ($id: ID!) { closeOffer(id: $id) { id status } }';
      const ARCHIVE = 'mutation ($id: ID!) { archiveOffer(id: $id) { id status } }';

      it('should publish, close and archive an offer, with offer.published and offer.closed', async () => {
        const id = await insertOffer(demo.enterpriseId);
        const published = await t.gql('ENTERPRISE', PUBLISH, { id });
        expect(published.errors).toBeUndefined();
        expect(published.data!.publishOffer).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(String) });
        const twice = await t.gql('ENTERPRISE', PUBLISH, { id });
        expect(twice.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', status: 'PUBLISHED', allowed: ['CLOSED'] });
        expect(codeOf(await t.gql('ENTERPRISE', ARCHIVE, { id }))).toBe('CONFLICT');
        expect((await t.gql('ENTERPRISE', CLOSE, { id })).data!.closeOffer.status).toBe('CLOSED');
        expect((await t.gql('SYSTEM_ADMIN', ARCHIVE, { id })).data!.archiveOffer.status).toBe('ARCHIVED');
        const archived = await t.gql('ENTERPRISE', CLOSE, { id });
        expect(archived.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', status: 'ARCHIVED', allowed: [] });

        const outbox = await t.sql<{ type: string; payload: Record<string, unknown> }>('offers', 'select type, payload from offers.outbox where key = ? order by id', [id]);
        expect(outbox).toEqual([
          {
            type: 'offer.published',
            payload: { offerId: id, enterpriseId: demo.enterpriseId, title: 'Stage développeur TypeScript', city: 'Lyon', country: 'FR', remote: 'HYBRID', durationMonths: 6, startDate: '2026-09-01', deadline: null },
          },
          { type: 'offer.closed', payload: { offerId: id, enterpriseId: demo.enterpriseId, reason: 'MANUAL' } },
        ]);
        await t.eventually(async () => received.filter((event) => event.subject === id).length, (count) => count === 2, 'the offer events');
      });

      it('should archive a draft without an event, and let only its enterprise and administrators change it', async () => {
        const [other] = await t.sql<{ enterprise_id: string }>('offers', 'select enterprise_id from offers.offer where enterprise_id <> ? limit 1', [demo.enterpriseId]);
        const othersDraft = await insertOffer(other!.enterprise_id);
        expect(codeOf(await t.gql('ENTERPRISE', PUBLISH, { id: othersDraft }))).toBe('FORBIDDEN');
        const othersPublished = await insertOffer(other!.enterprise_id, 'PUBLISHED');
        expect(codeOf(await t.gql('ENTERPRISE', CLOSE, { id: othersPublished }))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql('STUDENT', CLOSE, { id: othersPublished }))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql(null, CLOSE, { id: othersPublished }))).toBe('UNAUTHENTICATED');
        expect(codeOf(await t.gql('ENTERPRISE', CLOSE, { id: UNKNOWN_ID }))).toBe('NOT_FOUND');
        const draft = await insertOffer(demo.enterpriseId);
        expect((await t.gql('ENTERPRISE', ARCHIVE, { id: draft })).data!.archiveOffer.status).toBe('ARCHIVED');
        expect(await t.sql('offers', 'select 1 from offers.outbox where key = ?', [draft])).toHaveLength(0);
      });
    });

    describe('internships, their documents and the tally', () => {
      const FIELDS = 'id status startDate endDate';

      async function tally(): Promise<Map<string, number>> {
        const result = await t.gql('SYSTEM_ADMIN', `{ activityReport(from: "${parisDay(-1)}", to: "${parisDay(1)}") { day type count } }`);
        expect(result.errors).toBeUndefined();
        const totals = new Map<string, number>();
        for (const row of result.data!.activityReport as Array<{ type: string; count: number }>) totals.set(row.type, (totals.get(row.type) ?? 0) + row.count);
        return totals;
      }

      async function attestationsOf(internshipId: string) {
        return t.sql<{ id: string; storage_key: string; size_bytes: number; owner_id: string | null }>(
          'documents',
          `select id, storage_key, size_bytes, owner_id from documents.document where internship_id = ? and kind = 'ATTESTATION'`,
          [internshipId],
        );
      }

      it('should reschedule, assign the referent teacher, start and complete an internship, with its events', async () => {
        const id = await insertInternship();
        const backwards = await t.gql('ENTERPRISE', `mutation ($id: ID!) { rescheduleInternship(id: $id, startDate: "2026-04-01", endDate: "2026-04-01") { ${FIELDS} } }`, { id });
        expect(backwards.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endDate' });
        const moved = await t.gql('ENTERPRISE', `mutation ($id: ID!) { rescheduleInternship(id: $id, startDate: "2026-03-09", endDate: "2026-09-04") { ${FIELDS} } }`, { id });
        expect(moved.data!.rescheduleInternship).toMatchObject({ status: 'PLANNED', startDate: '2026-03-09', endDate: '2026-09-04' });

        const ASSIGN = `mutation ($id: ID!, $user: ID!) { assignInternshipSupervisor(id: $id, supervisorUserId: $user) { id } }`;
        expect(codeOf(await t.gql('ENTERPRISE', ASSIGN, { id, user: t.userIds.get('UNIVERSITY_SUPERVISOR') }))).toBe('FORBIDDEN');
        expect((await t.gql('UNIVERSITY_ADMIN', ASSIGN, { id, user: t.userIds.get('UNIVERSITY_SUPERVISOR') })).errors).toBeUndefined();
        // The referent teacher now sees the internship.
        expect((await t.gql('UNIVERSITY_SUPERVISOR', `{ internship(id: "${id}") { id } }`)).errors).toBeUndefined();

        const early = await t.gql('ENTERPRISE', `mutation ($id: ID!) { completeInternship(id: $id) { id } }`, { id });
        expect(early.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', status: 'PLANNED', allowed: ['ONGOING', 'TERMINATED'] });
        expect(codeOf(await t.gql('STUDENT', `mutation ($id: ID!) { startInternship(id: $id) { id } }`, { id }))).toBe('FORBIDDEN');
        expect((await t.gql('UNIVERSITY_ADMIN', `mutation ($id: ID!) { startInternship(id: $id) { ${FIELDS} } }`, { id })).data!.startInternship.status).toBe('ONGOING');
        expect((await t.gql('ENTERPRISE', `mutation ($id: ID!) { completeInternship(id: $id) { ${FIELDS} } }`, { id })).data!.completeInternship.status).toBe('COMPLETED');
        const late = await t.gql('ENTERPRISE', `mutation ($id: ID!) { rescheduleInternship(id: $id, startDate: "2026-03-09", endDate: "2026-09-05") { id } }`, { id });
        expect(late.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', status: 'COMPLETED' });

        const outbox = await t.sql<{ type: string; payload: Record<string, unknown> }>('internships', 'select type, payload from internships.outbox where key = ? order by id', [id]);
        expect(outbox.map((row) => row.type)).toEqual(['internship.updated', 'internship.supervisor-assigned', 'internship.started', 'internship.completed']);
        expect(outbox[3]!.payload).toEqual({
          internshipId: id,
          studentId: demo.studentId,
          enterpriseId: demo.enterpriseId,
          universityId: demo.universityId,
          supervisorUserId: t.userIds.get('UNIVERSITY_SUPERVISOR'),
          status: 'COMPLETED',
          startDate: '2026-03-09',
          endDate: '2026-09-04',
        });
      });

      it('should make the evaluation form when an internship starts and the attestation once when it completes, even if the event comes twice', async () => {
        const id = await insertInternship('PLANNED');
        await t.gql('ENTERPRISE', `mutation ($id: ID!) { startInternship(id: $id) { id } }`, { id });
        const [form] = await t.eventually(
          () => t.sql<{ id: string; storage_key: string }>('documents', `select id, storage_key from documents.document where internship_id = ? and kind = 'EVALUATION_FORM'`, [id]),
          (rows) => rows.length === 1,
          'the evaluation form',
        );
        expect((await t.platform.infrastructure.storage.get(form!.storage_key))!.subarray(0, 5).toString('latin1')).toBe('%PDF-');

        const before = await tally();
        await t.gql('ENTERPRISE', `mutation ($id: ID!) { completeInternship(id: $id) { id } }`, { id });
        const [attestation] = await t.eventually(() => attestationsOf(id), (rows) => rows.length === 1, 'the attestation');
        const bytes = (await t.platform.infrastructure.storage.get(attestation!.storage_key))!;
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(bytes.toString('latin1')).toContain('ATTESTATION DE STAGE');
        expect(bytes.length).toBe(attestation!.size_bytes);
        expect(attestation!.owner_id).toBeNull();
        const generated = await t.eventually(
          async () => received.filter((event) => event.type === 'attestation.generated' && event.data.internshipId === id),
          (events) => events.length === 1,
          'attestation.generated',
        );
        expect(generated[0]!.data).toEqual({ documentId: attestation!.id, internshipId: id, studentId: demo.studentId });

        // The same event delivered again (at-least-once), and a second copy under another id: still one attestation.
        const [row] = await t.sql<{ id: string; topic: string; type: string; key: string; payload: Record<string, unknown>; occurred_at: string }>(
          'internships',
          `select id, topic, type, key, payload, occurred_at from internships.outbox where key = ? and type = 'internship.completed'`,
          [id],
        );
        const completed: DomainEvent = { id: row!.id, source: '/subgraphs/internships', type: row!.type, subject: row!.key, time: new Date(row!.occurred_at).toISOString(), topic: row!.topic, data: row!.payload };
        const duplicateId = newId();
        await t.platform.infrastructure.events.publish([completed, { ...completed, id: duplicateId }]);
        await t.eventually(
          () => t.sql('documents', 'select 1 from documents.processed_event where event_id = ?', [duplicateId]),
          (rows) => rows.length === 1,
          'the duplicate to be processed',
        );
        expect(await attestationsOf(id)).toHaveLength(1);
        expect(await t.sql('documents', `select 1 from documents.outbox where type = 'attestation.generated' and payload->>'internshipId' = ?`, [id])).toHaveLength(1);

        // The tally counted the completion once, then the copy under another id once more; the redelivery not at all.
        await t.eventually(
          () => t.sql('reports', 'select 1 from reports.processed_event where event_id = ?', [duplicateId]),
          (rows) => rows.length === 1,
          'the tally of the duplicate',
        );
        const after = await tally();
        expect((after.get('internship.completed') ?? 0) - (before.get('internship.completed') ?? 0)).toBe(2);
        expect((after.get('attestation.generated') ?? 0) - (before.get('attestation.generated') ?? 0)).toBe(1);

        // The internship's parties see its attestation; others do not.
        const documentQuery = `{ document(id: "${attestation!.id}") { id kind fileName contentType sizeBytes } }`;
        for (const role of ['STUDENT', 'ENTERPRISE', 'UNIVERSITY_ADMIN', 'SYSTEM_ADMIN'] as const) {
          const seen = await t.gql(role, documentQuery);
          expect(seen.errors, `${role}: ${JSON.stringify(seen.errors)}`).toBeUndefined();
          expect(seen.data!.document).toMatchObject({ kind: 'ATTESTATION', contentType: 'application/pdf', sizeBytes: bytes.length });
        }
        expect(codeOf(await t.gql('UNIVERSITY_SUPERVISOR', documentQuery))).toBe('FORBIDDEN');
        const listed = await t.gql('STUDENT', '{ documents(first: 100) { edges { node { id kind } } } }');
        expect(listed.data!.documents.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(attestation!.id);
      });

      it('should count every event of the catalog once per day and type', async () => {
        const counted = await t.eventually(
          async () => {
            const outboxes = await Promise.all(
              ['applications', 'offers', 'internships', 'documents'].map((name) =>
                t.sql<{ type: string; count: string }>(name, `select type, count(*) as count from ${name}.outbox where published_at is not null group by type`),
              ),
            );
            const expected = new Map<string, number>();
            for (const row of outboxes.flat()) expected.set(row.type, (expected.get(row.type) ?? 0) + Number(row.count));
            return { expected, actual: await tally() };
          },
          // Two internship.completed events were published by the test itself (a redelivery and a copy), one counted.
          ({ expected, actual }) => [...expected].every(([type, count]) => (actual.get(type) ?? 0) === count + (type === 'internship.completed' ? 1 : 0)),
          'the tally to match the published events',
        );
        expect(counted.actual.get('application.shortlisted')).toBeGreaterThan(0);
      });

      it('should refuse activity reports to anyone but system administrators, and periods that are reversed or too long', async () => {
        const report = (from: string, to: string) => `{ activityReport(from: "${from}", to: "${to}") { day type count } }`;
        expect(codeOf(await t.gql(null, report('2026-01-01', '2026-01-31')))).toBe('UNAUTHENTICATED');
        expect(codeOf(await t.gql('UNIVERSITY_ADMIN', report('2026-01-01', '2026-01-31')))).toBe('FORBIDDEN');
        expect((await t.gql('SYSTEM_ADMIN', report('2026-01-31', '2026-01-01'))).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
        expect((await t.gql('SYSTEM_ADMIN', report('2028-01-01', '2028-12-31'))).errors).toBeUndefined();
        expect((await t.gql('SYSTEM_ADMIN', report('2026-01-01', '2027-01-02'))).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
      });

      // The subgraph answers a malformed scalar with HTTP 400 and its errors: the gateway passes them on.
      it('should answer a malformed date with BAD_USER_INPUT', async () => {
        const result = await t.gql('SYSTEM_ADMIN', 'query ($from: LocalDate!, $to: LocalDate!) { activityReport(from: $from, to: $to) { day } }', { from: '2026-02-30', to: '2026-03-01' });
        expect(result.data ?? null).toBeNull();
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
      });
    });
  });
}
