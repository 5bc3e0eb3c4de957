import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@stages/platform';
import { simplePdf } from '@stages/subgraph-documents/pdf';
import { ANNOUNCE_UPLOADS_SQL } from '../subgraphs/documents/migrations/0006-announce-uploads.js';
import { codeOf, parisDay, startAcceptance, type Acceptance, type AcceptanceMode, type Result } from './acceptance.js';

/** A SIRET with a valid Luhn checksum, different on each call. */
function validSiret(): string {
  const digits = Array.from({ length: 13 }, () => Math.floor(Math.random() * 10));
  const sum = (values: number[]) =>
    [...values].reverse().reduce((total, digit, index) => total + (index % 2 === 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit), 0);
  return [...digits, (10 - (sum([...digits, 0]) % 10)) % 10].join('');
}

// Recruiting through the gateway with the demo accounts: the enterprise profile and its verification (with the
// recruiters' notifications), applying (deadline, closed offers, twice), evaluations, shortlists, and an offer's
// applications by status, batched.
export function describeRecruiting(mode: AcceptanceMode): void {
  describe(`recruiting (${mode})`, () => {
    let t: Acceptance;
    let demo: { studentId: string; enterpriseId: string; universityId: string; recruiterEmail: string };

    async function snapshotOf(offerId: string) {
      const [row] = await t.sql<{ status: string; deadline: string | null; enterprise_id: string; title: string | null }>(
        'applications',
        `select status, to_char(deadline, 'YYYY-MM-DD') as deadline, enterprise_id, title from applications.offer_snapshot where id = ?`,
        [offerId],
      );
      return row ?? null;
    }

    /** A new offer of the demo enterprise as the applications subgraph hears of it: published, with this deadline. */
    async function publishedOffer(deadline: string | null, enterpriseId = demo.enterpriseId): Promise<string> {
      const offerId = newId();
      await t.emit('offers', {
        type: 'offer.published',
        subject: offerId,
        data: { offerId, enterpriseId, title: 'Stage développeur·se TypeScript', city: 'Lyon', country: 'FR', remote: 'HYBRID', durationMonths: 6, startDate: parisDay(90), deadline },
      });
      await t.eventually(() => snapshotOf(offerId), (row) => row?.status === 'PUBLISHED', 'the offer snapshot');
      return offerId;
    }


    /** A PDF uploaded through the gateway as `role`, once the applications subgraph heard of it (`document.uploaded`). */
    async function uploaded(role: 'STUDENT' | 'ENTERPRISE', kind: string, filename: string): Promise<string> {
      const contentBase64 = simplePdf([filename, new Date().toISOString()]).toString('base64');
      const result = await t.gql(role, `mutation ($input: UploadDocumentInput!) { uploadDocument(input: $input) { id } }`, { input: { kind, filename, contentType: 'application/pdf', contentBase64 } });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      const id: string = result.data!.uploadDocument.id;
      await t.eventually(() => t.sql('applications', 'select owner_id from applications.uploaded_document where id = ?', [id]), (rows) => rows.length === 1, 'the upload heard of');
      return id;
    }

    const APPLY = `mutation Apply($input: ApplyToOfferInput!) { applyToOffer(input: $input) { id status coverLetter documentIds submittedAt } }`;
    const WITHDRAW = `mutation ($id: ID!) { withdrawApplication(id: $id) { id status } }`;

    beforeAll(async () => {
      t = await startAcceptance('recruiting', mode);
      const [student] = await t.sql<{ student_id: string; university_id: string }>('auth', `select student_id, university_id from auth."user" where id = ?`, [t.userIds.get('STUDENT')]);
      const [recruiter] = await t.sql<{ enterprise_id: string; email: string }>('auth', `select enterprise_id, email from auth."user" where id = ?`, [t.userIds.get('ENTERPRISE')]);
      demo = { studentId: student!.student_id, enterpriseId: recruiter!.enterprise_id, universityId: student!.university_id, recruiterEmail: recruiter!.email };
    });

    afterAll(async () => {
      await t?.stop();
    });

    describe('enterprise profile', () => {
      const PROFILE = `query Profile($id: ID!) { enterprise(id: $id) { name siret nafCode description website certifications verificationStatus verificationNote
        addresses { id label line1 postalCode city country isHeadOffice } contacts { id name role email phone } } }`;
      const UPDATE = `mutation Update($id: ID!, $input: UpdateEnterpriseProfileInput!) { updateEnterpriseProfile(id: $id, input: $input) {
        id verificationStatus description website certifications addresses { id label postalCode country isHeadOffice } contacts { id name email phone } } }`;

      it('should let the enterprise’s recruiters change its profile and keep addresses and contacts by id', async () => {
        const before = await t.gql('ENTERPRISE', PROFILE, { id: demo.enterpriseId });
        expect(before.errors).toBeUndefined();
        const [headOffice] = before.data!.enterprise.addresses;
        expect(headOffice).toMatchObject({ isHeadOffice: true, country: 'FR', postalCode: expect.stringMatching(/^\d{5}$/) });

        const updated = await t.gql('ENTERPRISE', UPDATE, {
          id: demo.enterpriseId,
          input: {
            description: '  Conseil en transformation numérique pour les PME.  ',
            website: 'https://www.numeria-conseil.example/',
            certifications: ['ISO 9001', 'iso 9001', 'Qualiopi'],
            addresses: [
              { id: headOffice.id, label: 'Siège', line1: '8 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR', isHeadOffice: true },
              { label: 'Bureau de Genève', line1: 'Rue du Rhône 14', postalCode: '1204', city: 'Genève', country: 'ch' },
            ],
            contacts: [{ name: 'Camille Roux', role: 'Responsable RH', email: 'camille.roux@numeria-conseil.example', phone: '+33 1 23 45 67 89' }],
          },
        });
        expect(updated.errors, JSON.stringify(updated.errors)).toBeUndefined();
        expect(updated.data!.updateEnterpriseProfile).toMatchObject({
          verificationStatus: 'VERIFIED',
          description: 'Conseil en transformation numérique pour les PME.',
          website: 'https://www.numeria-conseil.example/',
          certifications: ['ISO 9001', 'Qualiopi'],
          addresses: [
            { id: headOffice.id, label: 'Siège', postalCode: '75002', country: 'FR', isHeadOffice: true },
            { id: expect.any(String), label: 'Bureau de Genève', postalCode: '1204', country: 'CH', isHeadOffice: false },
          ],
          contacts: [{ name: 'Camille Roux', email: 'camille.roux@numeria-conseil.example', phone: '+33 1 23 45 67 89' }],
        });
        // The seeded contact, not listed, is gone; the head office kept its id.
        expect(await t.sql('enterprises', 'select 1 from enterprises.enterprise_contact where enterprise_id = ?', [demo.enterpriseId])).toHaveLength(1);
      });

      it('should show contacts’ e-mail addresses and phones to the enterprise, university staff and administrators only', async () => {
        const CONTACTS = `query ($id: ID!) { enterprise(id: $id) { contacts { name role email phone } } }`;
        for (const role of ['ENTERPRISE', 'UNIVERSITY_ADMIN', 'UNIVERSITY_SUPERVISOR', 'SYSTEM_ADMIN'] as const) {
          const seen = await t.gql(role, CONTACTS, { id: demo.enterpriseId });
          expect(seen.data!.enterprise.contacts[0], role).toMatchObject({ name: 'Camille Roux', email: 'camille.roux@numeria-conseil.example', phone: '+33 1 23 45 67 89' });
        }
        for (const role of ['STUDENT', null] as const) {
          const seen = await t.gql(role, CONTACTS, { id: demo.enterpriseId });
          expect(seen.errors).toBeUndefined();
          expect(seen.data!.enterprise.contacts[0], String(role)).toEqual({ name: 'Camille Roux', role: 'Responsable RH', email: null, phone: null });
        }
      });

      it('should refuse invalid fields with BAD_USER_INPUT naming each, and other callers', async () => {
        const refusals: Array<[Record<string, unknown>, string]> = [
          [{ siret: '12345678901234' }, 'siret'],
          [{ nafCode: '6201Z' }, 'nafCode'],
          [{ website: 'http://www.numeria-conseil.example' }, 'website'],
          [{ name: '' }, 'name'],
          [{ description: 'x'.repeat(5001) }, 'description'],
          [{ addresses: [{ line1: '1 rue A', postalCode: '750', city: 'Paris', country: 'FR' }] }, 'addresses[0].postalCode'],
          [{ addresses: [{ line1: '1 rue A', postalCode: '75001', city: 'Paris', country: 'XX' }] }, 'addresses[0].country'],
          [{ addresses: [{ id: newId(), line1: '1 rue A', postalCode: '75001', city: 'Paris', country: 'FR' }] }, 'addresses[0].id'],
          [{ contacts: [{ name: 'A', email: 'not-an-address' }] }, 'contacts[0].email'],
        ];
        for (const [input, field] of refusals) {
          const result = await t.gql('ENTERPRISE', UPDATE, { id: demo.enterpriseId, input });
          expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
        }
        expect(codeOf(await t.gql('STUDENT', UPDATE, { id: demo.enterpriseId, input: { description: 'x' } }))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql('UNIVERSITY_ADMIN', UPDATE, { id: demo.enterpriseId, input: { description: 'x' } }))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql(null, UPDATE, { id: demo.enterpriseId, input: { description: 'x' } }))).toBe('UNAUTHENTICATED');
        const [other] = await t.sql<{ id: string }>('enterprises', 'select id from enterprises.enterprise where id <> ? order by id limit 1', [demo.enterpriseId]);
        expect(codeOf(await t.gql('ENTERPRISE', UPDATE, { id: other!.id, input: { description: 'x' } }))).toBe('FORBIDDEN');
        const [profile] = await t.sql<{ description: string }>('enterprises', 'select description from enterprises.enterprise where id = ?', [demo.enterpriseId]);
        expect(profile!.description).toBe('Conseil en transformation numérique pour les PME.');
      });
    });

    describe('enterprise verification', () => {
      const REQUEST = `mutation ($id: ID!) { requestEnterpriseVerification(id: $id) { id verificationStatus verificationRequestedAt } }`;
      const VERIFY = `mutation ($id: ID!) { verifyEnterprise(id: $id) { id verificationStatus verificationNote verificationDecidedAt } }`;
      const REJECT = `mutation ($id: ID!, $reason: String!) { rejectEnterprise(id: $id, reason: $reason) { id verificationStatus verificationNote } }`;
      const AWAITING = `{ enterprisesAwaitingVerification(first: 100) { totalCount edges { node { id verificationStatus } } } }`;
      const REASON = 'Le Kbis fourni date de plus de trois mois : envoyez un extrait récent.';

      it('should send a verified enterprise whose SIRET changes back to PENDING, then take it through SUBMITTED → REJECTED → SUBMITTED → VERIFIED with its events', async () => {
        // Verified already: nothing to ask for.
        const already = await t.gql('ENTERPRISE', REQUEST, { id: demo.enterpriseId });
        expect(already.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', status: 'VERIFIED', allowed: [] });

        const siret = validSiret();
        const moved = await t.gql('ENTERPRISE', `mutation ($id: ID!, $siret: String!) { updateEnterpriseProfile(id: $id, input: { siret: $siret }) { siret verificationStatus } }`, { id: demo.enterpriseId, siret });
        expect(moved.errors, JSON.stringify(moved.errors)).toBeUndefined();
        expect(moved.data!.updateEnterpriseProfile).toEqual({ siret, verificationStatus: 'PENDING' });
        // The offers subgraph hears of it (enterprise.verification-reset) and stops letting it publish.
        const verificationInOffers = () =>
          t.sql<{ verification_status: string }>('offers', 'select verification_status from offers.enterprise_profile where enterprise_id = ?', [demo.enterpriseId]).then(([row]) => row?.verification_status);
        await t.eventually(verificationInOffers, (status) => status === 'PENDING', 'the offers read model to reset');

        // Administrators decide only what was submitted.
        expect((await t.gql('SYSTEM_ADMIN', VERIFY, { id: demo.enterpriseId })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', status: 'PENDING', allowed: [] });
        // Only the enterprise's recruiters ask.
        for (const role of ['STUDENT', 'UNIVERSITY_ADMIN', 'SYSTEM_ADMIN'] as const) expect(codeOf(await t.gql(role, REQUEST, { id: demo.enterpriseId })), role).toBe('FORBIDDEN');
        expect(codeOf(await t.gql(null, REQUEST, { id: demo.enterpriseId }))).toBe('UNAUTHENTICATED');

        // Without a head office address there is nothing to check.
        const addresses = (await t.gql('ENTERPRISE', `query ($id: ID!) { enterprise(id: $id) { addresses { id label line1 line2 postalCode city country isHeadOffice } } }`, { id: demo.enterpriseId })).data!.enterprise.addresses;
        await t.gql('ENTERPRISE', `mutation ($id: ID!) { updateEnterpriseProfile(id: $id, input: { addresses: [] }) { id } }`, { id: demo.enterpriseId });
        expect((await t.gql('ENTERPRISE', REQUEST, { id: demo.enterpriseId })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', missing: ['addresses'] });
        const restored = await t.gql('ENTERPRISE', `mutation ($id: ID!, $addresses: [EnterpriseAddressInput!]) { updateEnterpriseProfile(id: $id, input: { addresses: $addresses }) { addresses { isHeadOffice } } }`, {
          id: demo.enterpriseId,
          addresses: addresses.map(({ id: _id, ...address }: Record<string, unknown>) => address),
        });
        expect(restored.data!.updateEnterpriseProfile.addresses.filter((address: { isHeadOffice: boolean }) => address.isHeadOffice)).toHaveLength(1);

        const submitted = await t.gql('ENTERPRISE', REQUEST, { id: demo.enterpriseId });
        expect(submitted.errors, JSON.stringify(submitted.errors)).toBeUndefined();
        expect(submitted.data!.requestEnterpriseVerification).toMatchObject({ verificationStatus: 'SUBMITTED', verificationRequestedAt: expect.any(String) });
        expect((await t.gql('ENTERPRISE', REQUEST, { id: demo.enterpriseId })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', status: 'SUBMITTED', allowed: [] });

        const awaiting = await t.gql('SYSTEM_ADMIN', AWAITING);
        expect(awaiting.data!.enterprisesAwaitingVerification.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(demo.enterpriseId);
        expect(awaiting.data!.enterprisesAwaitingVerification.edges.every((edge: { node: { verificationStatus: string } }) => edge.node.verificationStatus === 'SUBMITTED')).toBe(true);
        expect(codeOf(await t.gql('ENTERPRISE', AWAITING))).toBe('FORBIDDEN');

        // Only administrators decide, with a reason of 1 to 1000 characters to reject.
        expect(codeOf(await t.gql('ENTERPRISE', VERIFY, { id: demo.enterpriseId }))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql('ENTERPRISE', REJECT, { id: demo.enterpriseId, reason: REASON }))).toBe('FORBIDDEN');
        expect((await t.gql('SYSTEM_ADMIN', REJECT, { id: demo.enterpriseId, reason: '  ' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
        expect((await t.gql('SYSTEM_ADMIN', REJECT, { id: demo.enterpriseId, reason: 'x'.repeat(1001) })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
        const rejected = await t.gql('SYSTEM_ADMIN', REJECT, { id: demo.enterpriseId, reason: REASON });
        expect(rejected.errors, JSON.stringify(rejected.errors)).toBeUndefined();
        expect(rejected.data!.rejectEnterprise).toMatchObject({ verificationStatus: 'REJECTED', verificationNote: REASON });

        // The reason is the enterprise's business: others read null.
        const NOTE = `query ($id: ID!) { enterprise(id: $id) { verificationStatus verificationNote } }`;
        expect((await t.gql('ENTERPRISE', NOTE, { id: demo.enterpriseId })).data!.enterprise).toEqual({ verificationStatus: 'REJECTED', verificationNote: REASON });
        for (const role of ['STUDENT', 'UNIVERSITY_ADMIN', null] as const) {
          expect((await t.gql(role, NOTE, { id: demo.enterpriseId })).data!.enterprise, String(role)).toEqual({ verificationStatus: 'REJECTED', verificationNote: null });
        }

        expect((await t.gql('ENTERPRISE', REQUEST, { id: demo.enterpriseId })).data!.requestEnterpriseVerification.verificationStatus).toBe('SUBMITTED');
        const verified = await t.gql('SYSTEM_ADMIN', VERIFY, { id: demo.enterpriseId });
        expect(verified.errors, JSON.stringify(verified.errors)).toBeUndefined();
        expect(verified.data!.verifyEnterprise).toMatchObject({ verificationStatus: 'VERIFIED', verificationNote: null, verificationDecidedAt: expect.any(String) });
        expect((await t.gql('SYSTEM_ADMIN', VERIFY, { id: demo.enterpriseId })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', status: 'VERIFIED', allowed: [] });

        await t.eventually(verificationInOffers, (status) => status === 'VERIFIED', 'the offers read model to verify');

        // Each move committed its event with it.
        const outbox = await t.sql<{ type: string; payload: Record<string, unknown> }>('enterprises', 'select type, payload from enterprises.outbox where key = ? order by id', [demo.enterpriseId]);
        expect(outbox.map((row) => row.type)).toEqual(['enterprise.verification-reset', 'enterprise.verification-requested', 'enterprise.rejected', 'enterprise.verification-requested', 'enterprise.verified']);
        expect(outbox[0]!.payload).toEqual({ enterpriseId: demo.enterpriseId, changedBy: t.userIds.get('ENTERPRISE'), reason: 'SIRET_CHANGED' });
        expect(outbox[1]!.payload).toEqual({ enterpriseId: demo.enterpriseId, requestedBy: t.userIds.get('ENTERPRISE') });
        expect(outbox[2]!.payload).toEqual({ enterpriseId: demo.enterpriseId, decidedBy: t.userIds.get('SYSTEM_ADMIN'), reason: REASON });
        expect(outbox[4]!.payload).toEqual({ enterpriseId: demo.enterpriseId, decidedBy: t.userIds.get('SYSTEM_ADMIN') });
      });

      it('should tell the enterprise’s recruiters of the rejection with its reason and of the verification, in the app and by e-mail', async () => {
        const NOTIFICATIONS = `{ myNotifications(first: 20) { edges { node { title body } } } }`;
        type Item = { title: string; body: string };
        const notifications = await t.eventually(
          async (): Promise<Item[]> => ((await t.gql('ENTERPRISE', NOTIFICATIONS)).data?.myNotifications.edges ?? []).map((edge: { node: Item }) => edge.node),
          (nodes) => nodes.some((node) => node.title === 'Entreprise vérifiée') && nodes.some((node) => node.title === 'Vérification refusée'),
          'the verification notifications',
        );
        expect(notifications.find((node) => node.title === 'Vérification refusée')!.body).toContain(`Motif : ${REASON}`);
        const mails = await t.eventually(() => t.mailTo(demo.recruiterEmail), (messages) => messages.filter((message) => /Vérification refusée|Entreprise vérifiée/.test(message.subject)).length >= 2, 'the e-mails');
        expect(mails.find((message) => /Vérification refusée/.test(message.subject))!.text).toContain(REASON);
        // The student is told nothing of it.
        const student = (await t.gql('STUDENT', NOTIFICATIONS)).data!.myNotifications.edges.map((edge: { node: { title: string } }) => edge.node.title);
        expect(student).not.toContain('Entreprise vérifiée');
      });

      it('should ask the system administrators to review each request for verification, with a link to the queue', async () => {
        const NOTIFICATIONS = `{ myNotifications(first: 50) { edges { node { title link eventType } } } }`;
        type Item = { title: string; link: string | null; eventType: string };
        const requests = await t.eventually(
          async (): Promise<Item[]> =>
            ((await t.gql('SYSTEM_ADMIN', NOTIFICATIONS)).data?.myNotifications.edges ?? []).map((edge: { node: Item }) => edge.node).filter((node: Item) => node.eventType === 'enterprise.verification-requested'),
          (nodes) => nodes.length >= 2,
          'the administrator’s notifications',
        );
        // The profile asked twice above (before its rejection and after): two requests to review.
        expect(requests).toEqual([
          { title: 'Entreprise à vérifier', link: '/admin/enterprises', eventType: 'enterprise.verification-requested' },
          { title: 'Entreprise à vérifier', link: '/admin/enterprises', eventType: 'enterprise.verification-requested' },
        ]);
        for (const role of ['ENTERPRISE', 'STUDENT'] as const) {
          const titles = (await t.gql(role, NOTIFICATIONS)).data!.myNotifications.edges.map((edge: { node: Item }) => edge.node.eventType);
          expect(titles, role).not.toContain('enterprise.verification-requested');
        }
      });
    });

    describe('applying', () => {
      it('should have an offer snapshot for every seeded offer', async () => {
        const [offers] = await t.sql<{ count: string }>('offers', 'select count(*) as count from offers.offer');
        const [snapshots] = await t.sql<{ count: string }>('applications', `select count(*) as count from applications.offer_snapshot`);
        expect(Number(snapshots!.count)).toBe(Number(offers!.count));
      });

      it('should take a student’s application with its cover letter and documents, from the token and the offer snapshot, and publish application.created', async () => {
        const offerId = await publishedOffer(parisDay(10));
        const documentIds = [await uploaded('STUDENT', 'CV', 'cv.pdf'), await uploaded('STUDENT', 'COVER_LETTER', 'lettre.pdf')];
        const applied = await t.gql('STUDENT', APPLY, { input: { offerId, coverLetter: '  Madame, Monsieur, …  ', documentIds: [...documentIds, documentIds[0]] } });
        expect(applied.errors, JSON.stringify(applied.errors)).toBeUndefined();
        expect(applied.data!.applyToOffer).toMatchObject({ status: 'SUBMITTED', coverLetter: 'Madame, Monsieur, …', documentIds });
        const id = applied.data!.applyToOffer.id;
        const [row] = await t.sql('applications', 'select student_id, offer_id, enterprise_id, university_id from applications.application where id = ?', [id]);
        expect(row).toEqual({ student_id: demo.studentId, offer_id: offerId, enterprise_id: demo.enterpriseId, university_id: demo.universityId });
        const outbox = await t.sql<{ type: string; payload: Record<string, unknown> }>('applications', 'select type, payload from applications.outbox where key = ?', [id]);
        expect(outbox).toEqual([{ type: 'application.created', payload: { applicationId: id, studentId: demo.studentId, offerId, enterpriseId: demo.enterpriseId, universityId: demo.universityId, documentIds, studentUserId: t.userIds.get('STUDENT') } }]);
        // The enterprise's recruiters hear of it (notifications consume the event).
        await t.eventually(
          async () => (await t.sql('notifications', `select 1 from notifications.notification where event_type = 'application.created' and recipient_user_id = ? and event_id is not null`, [t.userIds.get('ENTERPRISE')])).length,
          (count) => count > 0,
          'the recruiter’s notification',
        );

        // Twice is a CONFLICT saying why; after withdrawing, the student may apply again.
        const twice = await t.gql('STUDENT', APPLY, { input: { offerId } });
        expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_APPLIED', applicationId: id, status: 'SUBMITTED' });
        expect(twice.errors?.[0]?.message).toMatch(/already applied/);
        expect((await t.gql('STUDENT', WITHDRAW, { id })).data!.withdrawApplication.status).toBe('WITHDRAWN');
        const again = await t.gql('STUDENT', APPLY, { input: { offerId } });
        expect(again.errors).toBeUndefined();
        expect(again.data!.applyToOffer.id).not.toBe(id);
      });

      it('should let only one of several applications sent at once through (the unique index)', async () => {
        const offerId = await publishedOffer(null);
        const results = await Promise.all([1, 2, 3, 4].map(() => t.gql('STUDENT', APPLY, { input: { offerId } })));
        expect(results.filter((result) => !result.errors)).toHaveLength(1);
        for (const result of results.filter((candidate) => candidate.errors)) expect(result.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_APPLIED' });
        expect(await t.sql('applications', 'select 1 from applications.application where offer_id = ?', [offerId])).toHaveLength(1);
        expect(await t.sql('applications', `select 1 from applications.outbox where type = 'application.created' and payload->>'offerId' = ?`, [offerId])).toHaveLength(1);
      });

      it('should take applications on the deadline day (Europe/Paris) and refuse them after it, naming the deadline', async () => {
        const today = await publishedOffer(parisDay(0));
        expect((await t.gql('STUDENT', APPLY, { input: { offerId: today } })).errors).toBeUndefined();
        const yesterday = parisDay(-1);
        const late = await publishedOffer(yesterday);
        const refused = await t.gql('STUDENT', APPLY, { input: { offerId: late } });
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DEADLINE_PASSED', deadline: yesterday });
        expect(refused.errors?.[0]?.message).toBe(`The deadline to apply to this offer was ${yesterday}.`);
        expect(refused.data).toBeNull();

        // offer.updated moves the deadline: earlier, then later.
        const moved = await publishedOffer(parisDay(30));
        const update = (deadline: string) =>
          t.emit('offers', { type: 'offer.updated', subject: moved, data: { offerId: moved, enterpriseId: demo.enterpriseId, title: 'Stage développeur·se TypeScript', status: 'PUBLISHED', deadline } });
        await update(yesterday);
        await t.eventually(() => snapshotOf(moved), (row) => row?.deadline === yesterday, 'the updated deadline');
        expect((await t.gql('STUDENT', APPLY, { input: { offerId: moved } })).errors?.[0]?.extensions).toMatchObject({ reason: 'DEADLINE_PASSED' });
        await update(parisDay(5));
        await t.eventually(() => snapshotOf(moved), (row) => row?.deadline === parisDay(5), 'the new deadline');
        expect((await t.gql('STUDENT', APPLY, { input: { offerId: moved } })).errors).toBeUndefined();
      });

      it('should refuse an offer that is closed, a draft or unknown here: “offer is not open”', async () => {
        const closed = await publishedOffer(null);
        await t.emit('offers', { type: 'offer.closed', subject: closed, data: { offerId: closed, enterpriseId: demo.enterpriseId, reason: 'FILLED' } });
        await t.eventually(() => snapshotOf(closed), (row) => row?.status === 'CLOSED', 'the closed snapshot');
        const refused = await t.gql('STUDENT', APPLY, { input: { offerId: closed } });
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OFFER_NOT_OPEN', offerStatus: 'CLOSED' });
        expect(refused.errors?.[0]?.message).toBe('This offer is not open to applications.');
        expect((await t.gql('STUDENT', APPLY, { input: { offerId: newId() } })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OFFER_NOT_OPEN', offerStatus: null });
      });

      it('should follow the offers subgraph: closeOffer through the gateway closes the offer to applications', async () => {
        const [offer] = await t.sql<{ id: string }>(
          'applications',
          `select s.id from applications.offer_snapshot s where s.enterprise_id = ? and s.status = 'PUBLISHED' and (s.deadline is null or s.deadline >= ?::date)
             and not exists (select 1 from applications.application a where a.offer_id = s.id and a.student_id = ?) order by s.id limit 1`,
          [demo.enterpriseId, parisDay(0), demo.studentId],
        );
        expect(offer, 'a published offer of the demo enterprise the demo student has not applied to').toBeDefined();
        const closed = await t.gql('ENTERPRISE', 'mutation ($id: ID!) { closeOffer(id: $id) { id status } }', { id: offer!.id });
        expect(closed.errors, JSON.stringify(closed.errors)).toBeUndefined();
        await t.eventually(() => snapshotOf(offer!.id), (row) => row?.status === 'CLOSED', 'the snapshot to follow closeOffer');
        expect((await t.gql('STUDENT', APPLY, { input: { offerId: offer!.id } })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OFFER_NOT_OPEN' });
      });

      it('should let only students apply, and check the input first', async () => {
        const offerId = await publishedOffer(null);
        for (const role of ['ENTERPRISE', 'UNIVERSITY_ADMIN', 'UNIVERSITY_SUPERVISOR', 'SYSTEM_ADMIN'] as const) expect(codeOf(await t.gql(role, APPLY, { input: { offerId } })), role).toBe('FORBIDDEN');
        expect(codeOf(await t.gql(null, APPLY, { input: { offerId } }))).toBe('UNAUTHENTICATED');
        expect((await t.gql('STUDENT', APPLY, { input: { offerId, coverLetter: 'x'.repeat(5001) } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'coverLetter' });
        expect((await t.gql('STUDENT', APPLY, { input: { offerId, documentIds: Array.from({ length: 6 }, () => newId()) } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documentIds' });
        expect((await t.gql('STUDENT', APPLY, { input: { offerId: 'offer-1' } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offerId' });
        expect(await t.sql('applications', 'select 1 from applications.application where offer_id = ?', [offerId])).toHaveLength(0);
      });

      it('should attach only the student’s own uploads, naming the others', async () => {
        const offerId = await publishedOffer(null);
        const own = await uploaded('STUDENT', 'CV', 'mon-cv.pdf');
        const foreign = await uploaded('ENTERPRISE', 'CV', 'pas-le-mien.pdf');
        const unknown = newId();
        // Someone else's: refused at once, named.
        const refused = await t.gql('STUDENT', APPLY, { input: { offerId, documentIds: [own, foreign, unknown] } });
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documentIds', reason: 'NOT_YOURS', documentIds: [foreign] });
        expect(refused.errors?.[0]?.message).toBe(`documentIds must be documents you uploaded: ${foreign} is someone else's.`);
        // Unknown (after waiting for it a moment): named too.
        const unheard = await t.gql('STUDENT', APPLY, { input: { offerId, documentIds: [own, unknown] } });
        expect(unheard.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documentIds', reason: 'UNKNOWN_DOCUMENT', documentIds: [unknown] });
        expect(unheard.errors?.[0]?.message).toBe(`documentIds must be documents you uploaded: ${unknown} is unknown.`);
        expect(await t.sql('applications', 'select 1 from applications.application where offer_id = ?', [offerId])).toHaveLength(0);
        expect(await t.sql('applications', `select 1 from applications.outbox where payload->>'offerId' = ?`, [offerId])).toHaveLength(0);
      });

      it('should wait a moment for an upload it has not heard of yet, then take it', async () => {
        const offerId = await publishedOffer(null);
        const documentId = newId();
        // The upload's event arrives while the application waits for it (as when applying right after uploading).
        const heard = new Promise((resolve) => setTimeout(resolve, 300)).then(() =>
          t.emit('documents', { type: 'document.uploaded', subject: documentId, data: { documentId, ownerId: t.userIds.get('STUDENT')!, kind: 'CV' } }),
        );
        const applied = await t.gql('STUDENT', APPLY, { input: { offerId, documentIds: [documentId] } });
        await heard;
        expect(applied.errors, JSON.stringify(applied.errors)).toBeUndefined();
        expect(applied.data!.applyToOffer.documentIds).toEqual([documentId]);
      });

      it('should let the enterprise read the documents sent with an application, and no more once the student withdraws it', async () => {
        const offerId = await publishedOffer(null);
        const cv = await uploaded('STUDENT', 'CV', 'cv-candidature.pdf');
        const kept = await uploaded('STUDENT', 'COVER_LETTER', 'brouillon.pdf');
        const CONTENT = `query ($id: ID!) { documentContent(id: $id) { document { id fileName } contentBase64 } }`;
        const DOCUMENTS = `query ($id: ID!) { application(id: $id) { id documentIds documents { id kind fileName } } }`;
        // Before: the recruiter may not read the student's uploads.
        expect(codeOf(await t.gql('ENTERPRISE', CONTENT, { id: cv }))).toBe('FORBIDDEN');

        const applied = await t.gql('STUDENT', APPLY, { input: { offerId, documentIds: [cv] } });
        expect(applied.errors, JSON.stringify(applied.errors)).toBeUndefined();
        const applicationId = applied.data!.applyToOffer.id;
        const node = await t.eventually(
          async () => (await t.gql('ENTERPRISE', DOCUMENTS, { id: applicationId })).data?.application,
          (found) => found?.documents.length === 1,
          'the shared documents',
        );
        expect(node).toEqual({ id: applicationId, documentIds: [cv], documents: [{ id: cv, kind: 'CV', fileName: 'cv-candidature.pdf' }] });
        const content = await t.gql('ENTERPRISE', CONTENT, { id: cv });
        expect(content.errors, JSON.stringify(content.errors)).toBeUndefined();
        expect(Buffer.from(content.data!.documentContent.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
        // Only what was sent: the student's other upload stays private; others still may not read the CV.
        expect(codeOf(await t.gql('ENTERPRISE', CONTENT, { id: kept }))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql('UNIVERSITY_SUPERVISOR', CONTENT, { id: cv }))).toBe('FORBIDDEN');
        // The student sees the same list on their application.
        const mine = await t.gql('STUDENT', `query ($id: ID!) { application(id: $id) { documents { id } } }`, { id: applicationId });
        expect(mine.data!.application.documents).toEqual([{ id: cv }]);

        expect((await t.gql('STUDENT', WITHDRAW, { id: applicationId })).data!.withdrawApplication.status).toBe('WITHDRAWN');
        await t.eventually(() => t.gql('ENTERPRISE', CONTENT, { id: cv }).then(codeOf), (code) => code === 'FORBIDDEN', 'the share to end');
        // The recruiter's list is empty; the student still sees what they sent.
        expect((await t.gql('ENTERPRISE', DOCUMENTS, { id: applicationId })).data!.application.documents).toEqual([]);
        expect((await t.gql('STUDENT', DOCUMENTS, { id: applicationId })).data!.application.documents).toEqual([{ id: cv, kind: 'CV', fileName: 'cv-candidature.pdf' }]);
        expect((await t.gql('STUDENT', CONTENT, { id: cv })).errors).toBeUndefined();
      });

      it('should end the share when the enterprise rejects the application', async () => {
        const offerId = await publishedOffer(null);
        const cv = await uploaded('STUDENT', 'CV', 'cv-refuse.pdf');
        const CONTENT = `query ($id: ID!) { documentContent(id: $id) { document { id } } }`;
        const applied = await t.gql('STUDENT', APPLY, { input: { offerId, documentIds: [cv] } });
        expect(applied.errors, JSON.stringify(applied.errors)).toBeUndefined();
        const applicationId = applied.data!.applyToOffer.id;
        await t.eventually(() => t.gql('ENTERPRISE', CONTENT, { id: cv }).then(codeOf), (code) => code === undefined, 'the share');
        const rejected = await t.gql('ENTERPRISE', `mutation ($id: ID!) { changeApplicationStatus(id: $id, status: REJECTED) { status } }`, { id: applicationId });
        expect(rejected.errors, JSON.stringify(rejected.errors)).toBeUndefined();
        await t.eventually(() => t.gql('ENTERPRISE', CONTENT, { id: cv }).then(codeOf), (code) => code === 'FORBIDDEN', 'the share to end');
        expect(await t.sql('documents', 'select application_id from documents.closed_application where application_id = ?', [applicationId])).toHaveLength(1);
      });

      describe('application events as the documents subgraph hears them', () => {
        const created = (applicationId: string, documentIds: string[], enterpriseId = demo.enterpriseId) => ({
          type: 'application.created' as const,
          subject: applicationId,
          data: { applicationId, studentId: demo.studentId, offerId: newId(), enterpriseId, universityId: demo.universityId, documentIds, studentUserId: t.userIds.get('STUDENT')! },
        });
        const sharesOf = (applicationId: string) =>
          t.sql<{ document_id: string; enterprise_id: string }>('documents', 'select document_id, enterprise_id from documents.application_document where application_id = ?', [applicationId]);

        it('should share only documents the applicant uploaded, whatever the event names', async () => {
          const stranger = await uploaded('ENTERPRISE', 'CV', 'autre.pdf');
          const own = await uploaded('STUDENT', 'CV', 'le-mien.pdf');
          const applicationId = newId();
          await t.emit('applications', created(applicationId, [stranger, own]));
          const shares = await t.eventually(() => sharesOf(applicationId), (rows) => rows.length > 0, 'the shares');
          expect(shares).toEqual([{ document_id: own, enterprise_id: demo.enterpriseId }]);
        });

        it('should let only the enterprise it went to read a document', async () => {
          const own = await uploaded('STUDENT', 'CV', 'pour-une-autre.pdf');
          const applicationId = newId();
          await t.emit('applications', created(applicationId, [own], newId()));
          await t.eventually(() => sharesOf(applicationId), (rows) => rows.length === 1, 'the share with another enterprise');
          expect(codeOf(await t.gql('ENTERPRISE', `query ($id: ID!) { documentContent(id: $id) { document { id } } }`, { id: own }))).toBe('FORBIDDEN');
        });

        it('should share nothing again for an application closed before (a late or replayed application.created)', async () => {
          const own = await uploaded('STUDENT', 'CV', 'rejoue.pdf');
          const applicationId = newId();
          const closing = { applicationId, studentId: demo.studentId, offerId: newId(), enterpriseId: demo.enterpriseId, universityId: demo.universityId, from: 'SUBMITTED', to: 'WITHDRAWN', reason: null, actorUserId: t.userIds.get('STUDENT')! };
          await t.emit('applications', { type: 'application.withdrawn', subject: applicationId, data: closing });
          await t.eventually(() => t.sql('documents', 'select 1 from documents.closed_application where application_id = ?', [applicationId]), (rows) => rows.length === 1, 'the closed application');
          await t.emit('applications', created(applicationId, [own]));
          // Another application's event, emitted after it, shows the consumer went past it.
          const later = newId();
          await t.emit('applications', created(later, [own]));
          await t.eventually(() => sharesOf(later), (rows) => rows.length === 1, 'the later share');
          expect(await sharesOf(applicationId)).toEqual([]);
        });

        it('should ignore application events from another source', async () => {
          const own = await uploaded('STUDENT', 'CV', 'source.pdf');
          const forged = newId();
          await t.emit('offers', created(forged, [own]));
          const later = newId();
          await t.emit('applications', created(later, [own]));
          await t.eventually(() => sharesOf(later), (rows) => rows.length === 1, 'the genuine share');
          expect(await sharesOf(forged)).toEqual([]);
        });

        it('should announce uploads made before the applications subgraph heard of them (migration 0006)', async () => {
          const documentId = newId();
          await t.sql(
            'documents',
            `insert into documents.document (id, owner_id, student_id, kind, file_name, content_type, size_bytes, storage_key, created_at, profile_cv) values (?, ?, ?, 'CV', 'ancien.pdf', 'application/pdf', 10, 'old/ancien.pdf', now(), false)`,
            [documentId, t.userIds.get('STUDENT'), demo.studentId],
          );
          await t.sql('documents', ANNOUNCE_UPLOADS_SQL);
          await t.emit('documents');
          await t.eventually(() => t.sql('applications', 'select owner_id from applications.uploaded_document where id = ?', [documentId]), (rows) => rows.length === 1, 'the announced upload');
          const applied = await t.gql('STUDENT', APPLY, { input: { offerId: await publishedOffer(null), documentIds: [documentId] } });
          expect(applied.errors, JSON.stringify(applied.errors)).toBeUndefined();
        });
      });
    });

    describe('evaluations and shortlists', () => {
      const EVALUATE = `mutation ($id: ID!, $input: EvaluateApplicationInput!) { evaluateApplication(applicationId: $id, input: $input) { id evaluatorUserId scores { criterion score } comment application { id averageScore } } }`;
      const READ = `query ($id: ID!) { application(id: $id) { id status evaluations { evaluatorUserId scores { criterion score } comment } averageScore } }`;
      let applicationId = '';

      beforeAll(async () => {
        const offerId = await publishedOffer(null);
        applicationId = (await t.gql('STUDENT', APPLY, { input: { offerId, coverLetter: 'Candidature pour évaluation.' } })).data!.applyToOffer.id;
      });

      it('should keep one evaluation per recruiter and application, updated when re-submitted, with the average', async () => {
        const first = await t.gql('ENTERPRISE', EVALUATE, { id: applicationId, input: { scores: [{ criterion: 'Motivation', score: 5 }, { criterion: 'Compétences techniques', score: 3 }], comment: 'Bon profil.' } });
        expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
        expect(first.data!.evaluateApplication).toMatchObject({ evaluatorUserId: t.userIds.get('ENTERPRISE'), comment: 'Bon profil.', application: { id: applicationId, averageScore: 4 } });
        const second = await t.gql('ENTERPRISE', EVALUATE, { id: applicationId, input: { scores: [{ criterion: 'Motivation', score: 4 }, { criterion: 'Compétences techniques', score: 3 }, { criterion: 'Communication', score: 2 }] } });
        expect(second.data!.evaluateApplication.id).toBe(first.data!.evaluateApplication.id);
        expect(await t.sql('applications', 'select 1 from applications.application_evaluation where application_id = ?', [applicationId])).toHaveLength(1);
        const read = await t.gql('ENTERPRISE', READ, { id: applicationId });
        expect(read.data!.application).toMatchObject({ averageScore: 3, evaluations: [{ evaluatorUserId: t.userIds.get('ENTERPRISE'), comment: null, scores: [{ criterion: 'Motivation', score: 4 }, { criterion: 'Compétences techniques', score: 3 }, { criterion: 'Communication', score: 2 }] }] });
        expect((await t.gql('SYSTEM_ADMIN', READ, { id: applicationId })).data!.application.evaluations).toHaveLength(1);
      });

      it('should never show evaluations to the student, nor to their university', async () => {
        for (const role of ['STUDENT', 'UNIVERSITY_ADMIN'] as const) {
          const read = await t.gql(role, READ, { id: applicationId });
          expect(read.errors, role).toBeUndefined();
          expect(read.data!.application, role).toEqual({ id: applicationId, status: 'SUBMITTED', evaluations: null, averageScore: null });
        }
        const mine = await t.gql('STUDENT', `{ applications(first: 100) { edges { node { id evaluations { comment } averageScore } } } }`);
        expect(mine.data!.applications.edges.every((edge: { node: { evaluations: unknown; averageScore: unknown } }) => edge.node.evaluations === null && edge.node.averageScore === null)).toBe(true);
      });

      it('should let only the enterprise’s recruiters evaluate, with 1 to 10 distinct criteria scored 1 to 5', async () => {
        const input = { scores: [{ criterion: 'Motivation', score: 3 }] };
        for (const role of ['STUDENT', 'UNIVERSITY_ADMIN', 'SYSTEM_ADMIN'] as const) expect(codeOf(await t.gql(role, EVALUATE, { id: applicationId, input })), role).toBe('FORBIDDEN');
        expect(codeOf(await t.gql(null, EVALUATE, { id: applicationId, input }))).toBe('UNAUTHENTICATED');
        const refusals: Array<[unknown, string]> = [
          [{ scores: [{ criterion: 'Motivation', score: 6 }] }, 'scores[0].score'],
          [{ scores: [{ criterion: 'Motivation', score: 0 }] }, 'scores[0].score'],
          [{ scores: [] }, 'scores'],
          [{ scores: Array.from({ length: 11 }, (_, index) => ({ criterion: `Critère ${index}`, score: 3 })) }, 'scores'],
          [{ scores: [{ criterion: 'Motivation', score: 3 }, { criterion: ' motivation', score: 4 }] }, 'scores[1].criterion'],
          [{ scores: [{ criterion: 'x'.repeat(61), score: 3 }] }, 'scores[0].criterion'],
          [{ scores: [{ criterion: 'Motivation', score: 3 }], comment: 'x'.repeat(2001) }, 'comment'],
        ];
        for (const [bad, field] of refusals) expect((await t.gql('ENTERPRISE', EVALUATE, { id: applicationId, input: bad })).errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
        const [other] = await t.sql<{ id: string }>('applications', 'select id from applications.application where enterprise_id <> ? order by id limit 1', [demo.enterpriseId]);
        expect(codeOf(await t.gql('ENTERPRISE', EVALUATE, { id: other!.id, input }))).toBe('FORBIDDEN');
      });

      it('should keep named shortlists of the enterprise’s applications, per offer or across offers', async () => {
        const CREATE = `mutation ($name: String!, $offerId: ID) { createShortlist(name: $name, offerId: $offerId) { id name offer { id } size applications { id } } }`;
        const ADD = `mutation ($list: ID!, $app: ID!) { addToShortlist(shortlistId: $list, applicationId: $app) { id size applications { id status } } }`;
        const REMOVE = `mutation ($list: ID!, $app: ID!) { removeFromShortlist(shortlistId: $list, applicationId: $app) { id size } }`;
        const [application] = await t.sql<{ offer_id: string }>('applications', 'select offer_id from applications.application where id = ?', [applicationId]);
        const across = await t.gql('ENTERPRISE', CREATE, { name: '  Finalistes  printemps ' });
        expect(across.errors, JSON.stringify(across.errors)).toBeUndefined();
        expect(across.data!.createShortlist).toMatchObject({ name: 'Finalistes printemps', offer: null, size: 0, applications: [] });
        expect((await t.gql('ENTERPRISE', CREATE, { name: 'finalistes PRINTEMPS' })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
        const perOffer = await t.gql('ENTERPRISE', CREATE, { name: 'Pour cette offre', offerId: application!.offer_id });
        expect(perOffer.data!.createShortlist.offer).toEqual({ id: application!.offer_id });
        const [foreignOffer] = await t.sql<{ id: string }>('applications', 'select id from applications.offer_snapshot where enterprise_id <> ? order by id limit 1', [demo.enterpriseId]);
        expect((await t.gql('ENTERPRISE', CREATE, { name: 'Ailleurs', offerId: foreignOffer!.id })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offerId' });

        const acrossId = across.data!.createShortlist.id;
        const perOfferId = perOffer.data!.createShortlist.id;
        const added = await t.gql('ENTERPRISE', ADD, { list: acrossId, app: applicationId });
        expect(added.data!.addToShortlist).toEqual({ id: acrossId, size: 1, applications: [{ id: applicationId, status: 'SUBMITTED' }] });
        expect((await t.gql('ENTERPRISE', ADD, { list: acrossId, app: applicationId })).data!.addToShortlist.size).toBe(1);
        expect((await t.gql('ENTERPRISE', ADD, { list: perOfferId, app: applicationId })).data!.addToShortlist.size).toBe(1);
        // Another offer's application does not go on this offer's list; another enterprise's application on none.
        const [otherOffer] = await t.sql<{ id: string }>('applications', 'select id from applications.application where enterprise_id = ? and offer_id <> ? order by id limit 1', [demo.enterpriseId, application!.offer_id]);
        expect((await t.gql('ENTERPRISE', ADD, { list: perOfferId, app: otherOffer!.id })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', offerId: application!.offer_id });
        expect((await t.gql('ENTERPRISE', ADD, { list: acrossId, app: otherOffer!.id })).data!.addToShortlist.size).toBe(2);
        const [foreign] = await t.sql<{ id: string }>('applications', 'select id from applications.application where enterprise_id <> ? order by id limit 1', [demo.enterpriseId]);
        expect(codeOf(await t.gql('ENTERPRISE', ADD, { list: acrossId, app: foreign!.id }))).toBe('FORBIDDEN');

        const lists = await t.gql('ENTERPRISE', `{ shortlists(first: 10) { totalCount edges { node { name size applications { id } } } } }`);
        expect(lists.data!.shortlists.edges.map((edge: { node: { name: string; size: number } }) => [edge.node.name, edge.node.size])).toEqual([['Finalistes printemps', 2], ['Pour cette offre', 1]]);
        const ofOffer = await t.gql('ENTERPRISE', `query ($offerId: ID) { shortlists(first: 10, offerId: $offerId) { totalCount } }`, { offerId: application!.offer_id });
        expect(ofOffer.data!.shortlists.totalCount).toBe(1);

        expect((await t.gql('ENTERPRISE', REMOVE, { list: acrossId, app: applicationId })).data!.removeFromShortlist.size).toBe(1);
        expect((await t.gql('ENTERPRISE', `mutation ($id: ID!) { deleteShortlist(id: $id) }`, { id: perOfferId })).data!.deleteShortlist).toBe(perOfferId);
        expect((await t.gql('ENTERPRISE', `{ shortlists(first: 10) { totalCount } }`)).data!.shortlists.totalCount).toBe(1);
        // The applications themselves are untouched.
        expect((await t.sql('applications', 'select status from applications.application where id = ?', [applicationId]))[0]).toEqual({ status: 'SUBMITTED' });

        // Shortlists are the enterprise's own.
        for (const role of ['STUDENT', 'UNIVERSITY_ADMIN', 'SYSTEM_ADMIN'] as const) {
          expect(codeOf(await t.gql(role, `{ shortlists(first: 5) { totalCount } }`)), role).toBe('FORBIDDEN');
          expect(codeOf(await t.gql(role, ADD, { list: acrossId, app: applicationId })), role).toBe('FORBIDDEN');
        }
        expect(codeOf(await t.gql(null, `{ shortlists(first: 5) { totalCount } }`))).toBe('UNAUTHENTICATED');
        expect(codeOf(await t.gql('ENTERPRISE', ADD, { list: newId(), app: applicationId }))).toBe('NOT_FOUND');
      });
    });

    describe('an offer’s applications', () => {
      const OWN_OFFERS = `query Own($id: ID!, $first: Int!, $status: [ApplicationStatus!]) {
        enterprise(id: $id) { offers(first: $first) { edges { node { id applicationCount applicationCounts { status count } applications(status: $status, first: 3) { totalCount edges { node { id status } } } } } } }
      }`;

      it('should filter by status and count by status, matching the database', async () => {
        const result = await t.gql('ENTERPRISE', OWN_OFFERS, { id: demo.enterpriseId, first: 20, status: ['SUBMITTED', 'SHORTLISTED'] });
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        const offers = result.data!.enterprise.offers.edges.map((edge: { node: any }) => edge.node);
        expect(offers.length).toBeGreaterThan(0);
        const stored = await t.sql<{ offer_id: string; status: string; count: string }>('applications', 'select offer_id, status, count(*) as count from applications.application where offer_id in (?) group by offer_id, status', [offers.map((offer: { id: string }) => offer.id)]);
        for (const offer of offers) {
          const expected = Object.fromEntries(stored.filter((row) => row.offer_id === offer.id).map((row) => [row.status, Number(row.count)]));
          expect(offer.applicationCounts.map((entry: { status: string }) => entry.status)).toEqual(['SUBMITTED', 'SHORTLISTED', 'INTERVIEW', 'OFFERED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN']);
          for (const { status, count } of offer.applicationCounts) expect(count, `${offer.id} ${status}`).toBe(expected[status] ?? 0);
          expect(offer.applications.totalCount).toBe((expected.SUBMITTED ?? 0) + (expected.SHORTLISTED ?? 0));
          expect(offer.applications.edges.every((edge: { node: { status: string } }) => ['SUBMITTED', 'SHORTLISTED'].includes(edge.node.status))).toBe(true);
          expect(offer.applicationCount).toBe(Object.values(expected).reduce((sum: number, count) => sum + (count as number), 0));
        }
        expect(offers.some((offer: { applications: { totalCount: number } }) => offer.applications.totalCount > 0)).toBe(true);
      });

      it('should show counts by status only to the offer’s enterprise and administrators', async () => {
        const [foreign] = await t.sql<{ id: string }>('offers', `select id from offers.offer where status = 'PUBLISHED' and enterprise_id <> ? order by id limit 1`, [demo.enterpriseId]);
        const COUNTS = `query ($id: ID!) { offer(id: $id) { id applicationCounts { status count } } }`;
        expect((await t.gql('SYSTEM_ADMIN', COUNTS, { id: foreign!.id })).errors).toBeUndefined();
        for (const role of ['ENTERPRISE', 'STUDENT', 'UNIVERSITY_ADMIN'] as const) expect(codeOf(await t.gql(role, COUNTS, { id: foreign!.id })), role).toBe('FORBIDDEN');
        expect(codeOf(await t.gql(null, COUNTS, { id: foreign!.id }))).toBe('UNAUTHENTICATED');
      });

      it('should load the counts and filtered pages of many offers with a fixed number of SQL queries (no N+1)', async () => {
        const ALL = `query All($first: Int!) { offers(first: $first) { edges { node { id applicationCounts { status count } applications(status: [SUBMITTED, SHORTLISTED], first: 2) { totalCount edges { node { id } } } } } } }`;
        let result: Result = {};
        const admin = await t.sqlOf('applications', async () => {
          result = await t.gql('SYSTEM_ADMIN', ALL, { first: 50 });
        });
        expect(result.errors).toBeUndefined();
        expect(result.data!.offers.edges).toHaveLength(50);
        // One grouped count by status, one windowed page query, one grouped total: for all 50 offers.
        expect(admin, admin.join('\n')).toHaveLength(3);
        expect(admin.filter((text) => /count\(\*\)/.test(text))).toHaveLength(2);
        expect(admin.filter((text) => /row_number\(\) over/.test(text))).toHaveLength(1);

        // A recruiter's own offers: the same, plus one query for the offers' snapshots (whose offers they are).
        const one = await t.sqlOf('applications', () => t.gql('ENTERPRISE', OWN_OFFERS, { id: demo.enterpriseId, first: 1, status: ['SUBMITTED'] }));
        const many = await t.sqlOf('applications', () => t.gql('ENTERPRISE', OWN_OFFERS, { id: demo.enterpriseId, first: 20, status: ['SUBMITTED'] }));
        // applicationCount adds its own grouped count.
        expect(many).toHaveLength(one.length);
        expect(many.filter((text) => /offer_snapshot/.test(text))).toHaveLength(1);
        expect(many.length).toBeLessThanOrEqual(5);

        // The documents of every application on those pages (the seeded CVs): two queries in the documents
        // subgraph whatever the number of applications (the documents by id, then their shares).
        const WITH_DOCUMENTS = `query ($id: ID!, $first: Int!) { enterprise(id: $id) { offers(first: $first) { edges { node { applications(first: 20) { edges { node { documents { id } } } } } } } } }`;
        let answer: Result = {};
        const few = await t.sqlOf('documents', async () => void (await t.gql('ENTERPRISE', WITH_DOCUMENTS, { id: demo.enterpriseId, first: 1 })));
        const all = await t.sqlOf('documents', async () => {
          answer = await t.gql('ENTERPRISE', WITH_DOCUMENTS, { id: demo.enterpriseId, first: 20 });
        });
        expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
        const documents = answer.data!.enterprise.offers.edges.flatMap((offer: any) => offer.node.applications.edges.flatMap((application: any) => application.node.documents));
        expect(documents.length).toBeGreaterThan(1);
        expect(all, all.join('\n')).toHaveLength(2);
        expect(few.length).toBeLessThanOrEqual(2);
      });

      it('should list an enterprise’s offers by status: drafts to its recruiters, published ones to everyone', async () => {
        const BY_STATUS = 'query ($id: ID!, $status: OfferStatus) { enterprise(id: $id) { offers(status: $status, first: 100) { totalCount edges { node { id status } } } } }';
        const stored = await t.sql<{ status: string; count: string }>('offers', 'select status, count(*) as count from offers.offer where enterprise_id = ? group by status', [demo.enterpriseId]);
        const countOf = (status: string) => Number(stored.find((row) => row.status === status)?.count ?? 0);
        for (const status of ['DRAFT', 'PUBLISHED', 'CLOSED']) {
          const own = await t.gql('ENTERPRISE', BY_STATUS, { id: demo.enterpriseId, status });
          expect(own.errors, JSON.stringify(own.errors)).toBeUndefined();
          expect(own.data!.enterprise.offers.totalCount, status).toBe(countOf(status));
          expect(own.data!.enterprise.offers.edges.every((edge: { node: { status: string } }) => edge.node.status === status)).toBe(true);
        }
        expect(countOf('DRAFT') + countOf('PUBLISHED')).toBeGreaterThan(0);
        const [other] = await t.sql<{ enterprise_id: string }>('offers', 'select enterprise_id from offers.offer where enterprise_id <> ? limit 1', [demo.enterpriseId]);
        expect(codeOf(await t.gql('ENTERPRISE', BY_STATUS, { id: other!.enterprise_id, status: 'DRAFT' }))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql(null, BY_STATUS, { id: demo.enterpriseId, status: 'DRAFT' }))).toBe('UNAUTHENTICATED');
        expect(codeOf(await t.gql('STUDENT', BY_STATUS, { id: demo.enterpriseId, status: 'ARCHIVED' }))).toBe('FORBIDDEN');
        const published = await t.gql(null, BY_STATUS, { id: demo.enterpriseId });
        expect(published.data!.enterprise.offers.totalCount).toBe(countOf('PUBLISHED'));
        const admin = await t.gql('SYSTEM_ADMIN', BY_STATUS, { id: demo.enterpriseId, status: 'DRAFT' });
        expect(admin.data!.enterprise.offers.totalCount).toBe(countOf('DRAFT'));
      });
    });
  });
}
