import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@stages/platform';
import { closeOffersPastDeadline } from '../subgraphs/offers/src/jobs/deadline.js';
import { summaryRefreshes } from '../subgraphs/offers/src/search/search.summary-cache.js';
import { parisDay, startAcceptance, type Acceptance, type AcceptanceMode, type Result, type Role } from './acceptance.js';

const OFFER_FIELDS = 'id title status skills sector city country location { city country latitude longitude } remote durationMonths weeklyHours stipendCents minimumStipendCents startDate deadline';
const CREATE = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { ${OFFER_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { ${OFFER_FIELDS} } }`;
const PUBLISH = 'mutation ($id: ID!) { publishOffer(id: $id) { id status publishedAt } }';
const CLOSE = 'mutation ($id: ID!) { closeOffer(id: $id) { id status } }';
const SEARCH = `query ($query: String, $filter: OfferSearchFilter, $first: Int, $after: String) {
  searchOffers(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor score node { id title city } }
    facets { remote { value count } sectors { value count } cities { value count } durations { value count } }
  }
}`;

// Offers through the gateway with the demo accounts: creation and edits with their validation, publication of
// verified enterprises only, the deadline job, full-text search with filters and facets, recommendations with
// their reasons, and saved searches alerting the student.
export function describeOffers(mode: AcceptanceMode): void {
  describe(`offers: create, publish, search, recommend (${mode})`, () => {
    let t: Acceptance;
    let demo: { studentId: string; enterpriseId: string; universityId: string; sector: string };

    const error = (result: Result) => result.errors?.[0]?.extensions ?? {};

    const offerInput = (changes: Record<string, unknown> = {}) => ({
      title: 'Stage développeur·se TypeScript',
      description: 'Une équipe produit cherche un·e stagiaire pour son application web.',
      skills: ['TypeScript', ' typescript ', 'PostgreSQL'],
      city: 'Saint-Étienne',
      remote: 'HYBRID',
      startDate: parisDay(90),
      durationMonths: 6,
      weeklyHours: 35,
      stipendCents: 70_000,
      deadline: parisDay(30),
      ...changes,
    });

    async function createOffer(role: Role, changes: Record<string, unknown> = {}): Promise<Record<string, any>> {
      const result = await t.gql(role, CREATE, { input: offerInput(changes) });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data!.createOffer;
    }

    /** A published offer written directly (the fixtures of search): returns its id. */
    async function insertPublished(fields: { title: string; description?: string; city: string; latitude: number; longitude: number; skills: string[]; remote?: string; durationMonths?: number; stipendCents?: number | null; startDate?: string; sector?: string; status?: string; deadline?: string | null; publishedDaysAgo?: number }): Promise<string> {
      const id = newId();
      await t.sql(
        'offers',
        `insert into offers.offer (id, enterprise_id, title, description, city, country, latitude, longitude, remote, duration_months, weekly_hours, stipend_cents, start_date, deadline, status, skills, sector, published_at, created_at, updated_at)
         values (?, ?, ?, ?, ?, 'FR', ?, ?, ?, ?, 35, ?, ?, ?, ?, ?::text[], ?, now() - ? * interval '1 day', now(), now())`,
        [
          id,
          demo.enterpriseId,
          fields.title,
          fields.description ?? 'Une mission au sein de notre équipe.',
          fields.city,
          fields.latitude,
          fields.longitude,
          fields.remote ?? 'ON_SITE',
          fields.durationMonths ?? 6,
          fields.stipendCents === undefined ? 80_000 : fields.stipendCents,
          fields.startDate ?? parisDay(120),
          fields.deadline ?? null,
          fields.status ?? 'PUBLISHED',
          `{${fields.skills.map((skill) => `"${skill}"`).join(',')}}`,
          fields.sector ?? 'Brasserie artisanale',
          fields.publishedDaysAgo ?? 1,
        ],
      );
      return id;
    }

    beforeAll(async () => {
      t = await startAcceptance('offers', mode);
      const [student] = await t.sql<{ student_id: string; university_id: string }>('auth', `select student_id, university_id from auth."user" where id = ?`, [t.userIds.get('STUDENT')]);
      const [recruiter] = await t.sql<{ enterprise_id: string }>('auth', `select enterprise_id from auth."user" where id = ?`, [t.userIds.get('ENTERPRISE')]);
      const [profile] = await t.sql<{ sector: string }>('offers', 'select sector from offers.enterprise_profile where enterprise_id = ?', [recruiter!.enterprise_id]);
      demo = { studentId: student!.student_id, enterpriseId: recruiter!.enterprise_id, universityId: student!.university_id, sector: profile!.sector };
    });

    afterAll(async () => {
      await t?.stop();
    });

    describe('creating and editing', () => {
      it('should create a draft for the recruiter’s enterprise, placed from the gazetteer, with normalized skills and the enterprise’s sector', async () => {
        const offer = await createOffer('ENTERPRISE');
        expect(offer).toMatchObject({ status: 'DRAFT', skills: ['TypeScript', 'PostgreSQL'], sector: demo.sector, city: 'Saint-Étienne', country: 'FR', minimumStipendCents: 68_250 });
        expect(offer.location).toMatchObject({ city: 'Saint-Étienne', country: 'FR' });
        expect(offer.location.latitude).toBeCloseTo(45.44, 1);
        expect(offer.location.longitude).toBeCloseTo(4.39, 1);
        const [row] = await t.sql('offers', 'select enterprise_id, skill_keys from offers.offer where id = ?', [offer.id]);
        expect(row).toMatchObject({ enterprise_id: demo.enterpriseId, skill_keys: ['postgresql', 'typescript'] });
      });

      it('should refuse bad input with BAD_USER_INPUT naming the field', async () => {
        const cases: Array<[Record<string, unknown>, string]> = [
          [{ title: 'ab' }, 'title'],
          [{ description: 'court' }, 'description'],
          [{ city: 'Atlantis-sur-Mer' }, 'city'],
          [{ latitude: 45.2 }, 'longitude'],
          [{ durationMonths: 7 }, 'durationMonths'],
          [{ weeklyHours: 60 }, 'weeklyHours'],
          [{ stipendCents: -100, durationMonths: 2 }, 'stipendCents'],
          [{ stipendCents: 50_000 }, 'stipendCents'],
          [{ startDate: parisDay(0), deadline: null }, 'startDate'],
          [{ deadline: parisDay(-1) }, 'deadline'],
          [{ deadline: parisDay(95) }, 'deadline'],
          [{ skills: Array.from({ length: 31 }, (_, index) => `Compétence ${index}`) }, 'skills'],
          [{ country: 'FRA' }, 'country'],
        ];
        for (const [changes, field] of cases) {
          const result = await t.gql('ENTERPRISE', CREATE, { input: offerInput(changes) });
          expect(error(result), JSON.stringify(changes)).toMatchObject({ code: 'BAD_USER_INPUT', field });
        }
        const minimum = await t.gql('ENTERPRISE', CREATE, { input: offerInput({ stipendCents: 50_000 }) });
        expect(minimum.errors![0]!.message).toMatch(/68250.*682\.50/);
      });

      it('should let recruiters create for their own enterprise only, and administrators for the one they name', async () => {
        expect(error(await t.gql(null, CREATE, { input: offerInput() })).code).toBe('UNAUTHENTICATED');
        expect(error(await t.gql('STUDENT', CREATE, { input: offerInput() })).code).toBe('FORBIDDEN');
        expect(error(await t.gql('ENTERPRISE', CREATE, { input: offerInput({ enterpriseId: newId() }) })).code).toBe('FORBIDDEN');
        expect(error(await t.gql('SYSTEM_ADMIN', CREATE, { input: offerInput() }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'enterpriseId' });
        const byAdmin = await t.gql('SYSTEM_ADMIN', CREATE, { input: offerInput({ enterpriseId: demo.enterpriseId, latitude: 45.5, longitude: 4.9, city: 'Un hameau' }) });
        expect(byAdmin.data!.createOffer).toMatchObject({ status: 'DRAFT', location: { latitude: 45.5, longitude: 4.9 } });
      });

      it('should edit drafts and published offers with offer.updated, and refuse closed ones with CONFLICT', async () => {
        const offer = await createOffer('ENTERPRISE');
        const edited = await t.gql('ENTERPRISE', UPDATE, { id: offer.id, input: { title: 'Stage développeur·se Vue.js', skills: ['Vue.js'], city: 'Lyon' } });
        expect(edited.errors).toBeUndefined();
        expect(edited.data!.updateOffer).toMatchObject({ title: 'Stage développeur·se Vue.js', skills: ['Vue.js'], city: 'Lyon', stipendCents: 70_000 });
        expect(edited.data!.updateOffer.location.latitude).toBeCloseTo(45.76, 1);
        expect(error(await t.gql('ENTERPRISE', UPDATE, { id: offer.id, input: { stipendCents: null } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stipendCents' });
        expect(error(await t.gql('ENTERPRISE', UPDATE, { id: offer.id, input: { title: null } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
        expect(error(await t.gql('STUDENT', UPDATE, { id: offer.id, input: { title: 'Autre titre' } })).code).toBe('FORBIDDEN');

        expect((await t.gql('ENTERPRISE', PUBLISH, { id: offer.id })).data!.publishOffer.status).toBe('PUBLISHED');
        const live = await t.gql('ENTERPRISE', UPDATE, { id: offer.id, input: { deadline: parisDay(10) } });
        expect(live.data!.updateOffer).toMatchObject({ status: 'PUBLISHED', deadline: parisDay(10) });
        await t.gql('ENTERPRISE', CLOSE, { id: offer.id });
        expect(error(await t.gql('ENTERPRISE', UPDATE, { id: offer.id, input: { title: 'Trop tard' } }))).toMatchObject({ code: 'CONFLICT', status: 'CLOSED', allowed: ['ARCHIVED'] });

        const outbox = await t.sql<{ type: string; payload: Record<string, unknown> }>('offers', 'select type, payload from offers.outbox where key = ? order by id', [offer.id]);
        expect(outbox.map((event) => event.type)).toEqual(['offer.updated', 'offer.published', 'offer.updated', 'offer.closed']);
        expect(outbox[0]!.payload).toEqual({ offerId: offer.id, enterpriseId: demo.enterpriseId, title: 'Stage développeur·se Vue.js', status: 'DRAFT', deadline: parisDay(30) });
        expect(outbox[2]!.payload).toMatchObject({ status: 'PUBLISHED', deadline: parisDay(10) });
      });
    });

    describe('publishing', () => {
      it('should refuse an enterprise that is not verified, until the enterprises subgraph verifies it', async () => {
        const [pending] = await t.sql<{ enterprise_id: string }>('offers', `select enterprise_id from offers.enterprise_profile where verification_status = 'PENDING' order by enterprise_id limit 1`);
        const created = await t.gql('SYSTEM_ADMIN', CREATE, { input: offerInput({ enterpriseId: pending!.enterprise_id }) });
        const id = created.data!.createOffer.id;
        const refused = await t.gql('SYSTEM_ADMIN', PUBLISH, { id });
        expect(error(refused)).toMatchObject({ code: 'CONFLICT', reason: 'ENTERPRISE_NOT_VERIFIED', verificationStatus: 'PENDING' });
        expect(refused.errors![0]!.message).toMatch(/not verified/);

        await t.emit('enterprises', { type: 'enterprise.rejected', subject: pending!.enterprise_id, data: { enterpriseId: pending!.enterprise_id, decidedBy: t.userIds.get('SYSTEM_ADMIN')!, reason: 'SIRET introuvable' } });
        await t.eventually(async () => error(await t.gql('SYSTEM_ADMIN', PUBLISH, { id })), (extensions) => extensions.verificationStatus === 'REJECTED', 'the rejection');
        expect((await t.gql('SYSTEM_ADMIN', PUBLISH, { id })).errors![0]!.message).toMatch(/SIRET introuvable/);

        await t.emit('enterprises', { type: 'enterprise.verified', subject: pending!.enterprise_id, data: { enterpriseId: pending!.enterprise_id, decidedBy: t.userIds.get('SYSTEM_ADMIN')! } });
        const published = await t.eventually(() => t.gql('SYSTEM_ADMIN', PUBLISH, { id }), (result) => !result.errors, 'the verification');
        expect(published.data!.publishOffer.status).toBe('PUBLISHED');
      });

      it('should refuse an illegal status change with CONFLICT listing the allowed ones', async () => {
        const offer = await createOffer('ENTERPRISE');
        expect(error(await t.gql('ENTERPRISE', CLOSE, { id: offer.id }))).toMatchObject({ code: 'CONFLICT', status: 'DRAFT', allowed: ['PUBLISHED', 'ARCHIVED'] });
        await t.gql('ENTERPRISE', PUBLISH, { id: offer.id });
        expect(error(await t.gql('ENTERPRISE', PUBLISH, { id: offer.id }))).toMatchObject({ code: 'CONFLICT', status: 'PUBLISHED', allowed: ['CLOSED'] });
      });
    });

    describe('the deadline job', () => {
      it('should close published offers once their deadline day has passed in Paris, once, with offer.closed DEADLINE', async () => {
        const job = () => closeOffersPastDeadline(t.platform.subgraphs.get('offers')!.db.orm.em.fork(), new Date(), 'Europe/Paris');
        await job();
        const past = await insertPublished({ title: 'Stage échu', city: 'Lyon', latitude: 45.76, longitude: 4.84, skills: [], deadline: parisDay(-1), startDate: parisDay(20) });
        const today = await insertPublished({ title: 'Stage du jour', city: 'Lyon', latitude: 45.76, longitude: 4.84, skills: [], deadline: parisDay(0), startDate: parisDay(20) });
        // Two instances at once: each offer is closed (and announced) by one of them.
        const [first, second] = await Promise.all([job(), job()]);
        expect([...first!, ...second!]).toEqual([past]);
        const status = async (id: string) => (await t.sql<{ status: string }>('offers', 'select status from offers.offer where id = ?', [id]))[0]!.status;
        expect(await status(past)).toBe('CLOSED');
        expect(await status(today)).toBe('PUBLISHED');
        // With a given time: two days later, today's deadline has passed too.
        const later = await closeOffersPastDeadline(t.platform.subgraphs.get('offers')!.db.orm.em.fork(), new Date(Date.now() + 2 * 86_400_000), 'Europe/Paris');
        expect(later).toContain(today);
        const events = await t.sql<{ key: string; payload: Record<string, unknown> }>('offers', `select key, payload from offers.outbox where type = 'offer.closed' and key in (?, ?)`, [past, today]);
        expect(events).toHaveLength(2);
        expect(events.find((event) => event.key === past)!.payload).toEqual({ offerId: past, enterpriseId: demo.enterpriseId, reason: 'DEADLINE' });
      });
    });

    describe('search', () => {
      const ids: Record<string, string> = {};

      beforeAll(async () => {
        ids.lyon = await insertPublished({
          title: 'Stage ingénieur·e zythologie brassicole',
          description: 'Analyse sensorielle des bières et amélioration des recettes.',
          city: 'Lyon', latitude: 45.764, longitude: 4.8357, skills: ['Zythologie', 'Chimie'], remote: 'ON_SITE', durationMonths: 6, stipendCents: 90_000, startDate: parisDay(100), publishedDaysAgo: 3,
        });
        ids.villeurbanne = await insertPublished({
          title: 'Zythology engineering internship',
          description: 'Join our brewing laboratory to design new beers.',
          city: 'Villeurbanne', latitude: 45.7719, longitude: 4.8902, skills: ['zythologie'], remote: 'HYBRID', durationMonths: 4, stipendCents: 70_000, startDate: parisDay(60), publishedDaysAgo: 2,
        });
        ids.paris = await insertPublished({
          title: 'Stage qualité en brasserie',
          description: 'Contrôle qualité et zythologie appliquée.',
          city: 'Paris', latitude: 48.8566, longitude: 2.3522, skills: ['Qualité'], remote: 'REMOTE', durationMonths: 2, stipendCents: null, startDate: parisDay(200), sector: 'Agroalimentaire', publishedDaysAgo: 1,
        });
        ids.draft = await insertPublished({ title: 'Stage zythologie brouillon', city: 'Lyon', latitude: 45.764, longitude: 4.8357, skills: ['Zythologie'], status: 'DRAFT' });
      });

      const search = async (variables: Record<string, unknown>, role: Role | null = null) => {
        const result = await t.gql(role, SEARCH, variables);
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        return result.data!.searchOffers;
      };
      const titles = (result: any) => result.edges.map((edge: any) => edge.node.id);

      it('should find published offers only, without accents, ranked by relevance', async () => {
        const result = await search({ query: 'zythologie' });
        expect(titles(result)).toEqual([ids.lyon, ids.villeurbanne, ids.paris]);
        expect(result.totalCount).toBe(3);
        // Counts alone (no page): the same total.
        const counts = await search({ query: 'zythologie', first: 0 });
        expect(counts.edges).toEqual([]);
        expect(counts.totalCount).toBe(3);
        expect(result.edges[0].score).toBeGreaterThan(result.edges[2].score);
        expect(result.edges[2].score).toBeGreaterThan(0);
        expect(titles(await search({ query: 'INGENIEURE Zythologie' }))).toEqual([ids.lyon]);
        expect(titles(await search({ query: 'qualite brasserie' }))).toEqual([ids.paris]);
      });

      it('should stem French and English words', async () => {
        // Plural French forms, English "engineers" for "engineering".
        expect(titles(await search({ query: 'ingénieurs brassicoles' }))).toEqual([ids.lyon]);
        expect(titles(await search({ query: 'zythology engineers brewing' }))).toEqual([ids.villeurbanne]);
        expect(titles(await search({ query: 'zythologie -bières' }))).not.toContain(ids.lyon);
      });

      it('should filter by skills, place and radius, remote, duration, stipend, start date and sector', async () => {
        const only = async (filter: Record<string, unknown>) => titles(await search({ query: 'zythologie', filter }));
        expect(await only({ skills: ['ZYTHOLOGIE'] })).toEqual([ids.lyon, ids.villeurbanne]);
        expect(await only({ skills: ['zythologie', 'chimie'] })).toEqual([ids.lyon]);
        expect(await only({ city: 'lyon' })).toEqual([ids.lyon]);
        expect(await only({ city: 'Lyon', radiusKm: 10 })).toEqual([ids.lyon, ids.villeurbanne]);
        expect(await only({ city: 'Lyon', radiusKm: 2 })).toEqual([ids.lyon]);
        expect(await only({ city: 'Lyon', radiusKm: 450 })).toEqual([ids.lyon, ids.villeurbanne, ids.paris]);
        expect(await only({ remote: ['REMOTE', 'HYBRID'] })).toEqual([ids.villeurbanne, ids.paris]);
        expect(await only({ minDurationMonths: 4 })).toEqual([ids.lyon, ids.villeurbanne]);
        expect(await only({ maxDurationMonths: 3 })).toEqual([ids.paris]);
        expect(await only({ minStipendCents: 80_000 })).toEqual([ids.lyon]);
        expect(await only({ startFrom: parisDay(80), startTo: parisDay(150) })).toEqual([ids.lyon]);
        expect(await only({ sectors: ['Agroalimentaire'] })).toEqual([ids.paris]);
      });

      it('should count facets on the filtered set, each without its own filter', async () => {
        const result = await search({ query: 'zythologie', filter: { remote: ['ON_SITE'], minStipendCents: 1 } });
        expect(result.totalCount).toBe(1);
        // The remote facet ignores the remote filter (the stipend filter excludes Paris, which pays nothing).
        expect(result.facets.remote).toEqual([{ value: 'HYBRID', count: 1 }, { value: 'ON_SITE', count: 1 }]);
        expect(result.facets.sectors).toEqual([{ value: 'Brasserie artisanale', count: 1 }]);
        expect(result.facets.cities).toEqual([{ value: 'Lyon', count: 1 }]);
        expect(result.facets.durations).toEqual([{ value: '6', count: 1 }]);
        const all = await search({ query: 'zythologie' });
        expect(all.facets.sectors).toEqual([{ value: 'Brasserie artisanale', count: 2 }, { value: 'Agroalimentaire', count: 1 }]);
        expect(all.facets.durations).toEqual([{ value: '2', count: 1 }, { value: '4', count: 1 }, { value: '6', count: 1 }]);
      });

      it('should page a ranked result with stable cursors', async () => {
        // Many demo offers of a sector share a title, so ranks tie: the cursor's id breaks the ties.
        const filter = { sectors: [demo.sector] };
        const whole = titles(await search({ query: 'stage', filter, first: 100 }));
        expect(whole.length).toBeGreaterThan(7);
        expect(new Set(whole).size).toBe(whole.length);
        const seen: string[] = [];
        let after: string | null = null;
        for (;;) {
          const page: any = await search({ query: 'stage', filter, first: 3, after });
          seen.push(...titles(page));
          expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        expect(seen).toEqual(whole);
        const browse = titles(await search({ first: 5 }));
        expect(browse).toHaveLength(5);
        expect(error(await t.gql(null, SEARCH, { query: 'stage', after: 'bm90IGEgY3Vyc29y' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      });

      it('should refuse bad filters with BAD_USER_INPUT naming them', async () => {
        expect(error(await t.gql(null, SEARCH, { filter: { radiusKm: 10 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.city' });
        expect(error(await t.gql(null, SEARCH, { filter: { city: 'Atlantis', radiusKm: 10 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.city' });
        expect(error(await t.gql(null, SEARCH, { filter: { minDurationMonths: 5, maxDurationMonths: 2 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.maxDurationMonths' });
        expect(error(await t.gql(null, SEARCH, { query: 'x'.repeat(201) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
        expect(error(await t.gql(null, SEARCH, { first: 101 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      });

      it('should cost two statements in offers and one in enterprises for a page of 20 with enterprise names', async () => {
        // Summaries earlier searches left counting in the background are not this request's.
        await summaryRefreshes.settle();
        const statements = new Map<string, string[]>();
        const stops = ['offers', 'enterprises'].map((name) => {
          statements.set(name, []);
          // The outbox relay's polling and the deadline job run meanwhile: they are not the request's.
          return t.platform.subgraphs.get(name)!.db.onQuery((statement) => {
            if (!/outbox|processed_event|"deadline" < |^(begin|commit|rollback)/i.test(statement.trim())) statements.get(name)!.push(statement);
          });
        });
        try {
          const result = await t.gql(null, `{ searchOffers(query: "stage", first: 20) { totalCount facets { cities { value count } } edges { node { title enterprise { name } } } } }`);
          expect(result.errors).toBeUndefined();
          expect(result.data!.searchOffers.edges).toHaveLength(20);
          expect(result.data!.searchOffers.edges.every((edge: any) => edge.node.enterprise.name)).toBe(true);
        } finally {
          for (const stop of stops) stop();
        }
        expect(statements.get('offers')).toHaveLength(2);
        expect(statements.get('enterprises')).toHaveLength(1);
      });
    });

    describe('recommendations', () => {
      const RECOMMENDED = `query ($id: ID!) { student(id: $id) { id recommendedOffers(first: 5) { score reasons { kind weight detail } offer { id title city } } } }`;

      it('should recommend the offers fitting the student best, with the reasons of each score', async () => {
        const profile = await t.gql('STUDENT', `mutation { updateStudentProfile(input: { preferences: { sectors: ["Brasserie artisanale"], cities: ["Lyon"], remote: [ON_SITE, HYBRID], earliestStartDate: "${parisDay(30)}", durationMonths: 6, minimumStipendCents: 60000 } }) { id } }`);
        expect(profile.errors, JSON.stringify(profile.errors)).toBeUndefined();
        const skills = await t.gql('STUDENT', `mutation { setStudentSkills(skills: [{ name: "Zythologie", level: EXPERT }, { name: "Chimie", level: EXPERT }]) { id } }`);
        expect(skills.errors, JSON.stringify(skills.errors)).toBeUndefined();
        const fit = await createOffer('ENTERPRISE', { title: 'Stage zythologie et chimie des bières', skills: ['Zythologie', 'Chimie'], city: 'Lyon', remote: 'ON_SITE', stipendCents: 90_000 });
        await t.sql('offers', `update offers.offer set sector = 'Brasserie artisanale' where id = ?`, [fit.id]);
        await t.gql('ENTERPRISE', PUBLISH, { id: fit.id });

        const result = await t.gql('STUDENT', RECOMMENDED, { id: demo.studentId });
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        const recommended = result.data!.student.recommendedOffers as Array<{ score: number; reasons: Array<{ kind: string; weight: number; detail: string }>; offer: { id: string } }>;
        expect(recommended.length).toBeGreaterThan(0);
        expect(recommended[0]!.offer.id, JSON.stringify(recommended.slice(0, 2), null, 1)).toBe(fit.id);
        const best = recommended[0]!;
        // Worded in French unless the request asks for English (the client sends its interface language).
        expect(best.reasons.find((reason) => reason.kind === 'SKILLS')!.detail).toBe('2 de vos compétences : Zythologie et Chimie');
        expect(best.reasons.find((reason) => reason.kind === 'LOCATION')!.detail).toBe('À Lyon, l’une de vos villes');
        const english = await t.gql('STUDENT', RECOMMENDED, { id: demo.studentId }, { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' });
        const reasons = (english.data!.student.recommendedOffers[0] as typeof best).reasons;
        expect(reasons.find((reason) => reason.kind === 'SKILLS')!.detail).toBe('2 of your skills: Zythologie and Chimie');
        expect(reasons.find((reason) => reason.kind === 'LOCATION')!.detail).toBe('In Lyon, one of your cities');
        expect(best.reasons.map((reason) => reason.kind)).toEqual(expect.arrayContaining(['SKILLS', 'PREFERENCES', 'LOCATION', 'FRESHNESS', 'STIPEND']));
        expect(best.score).toBeCloseTo(best.reasons.reduce((sum, reason) => sum + reason.weight, 0), 3);
        for (let index = 1; index < recommended.length; index++) expect(recommended[index]!.score).toBeLessThanOrEqual(recommended[index - 1]!.score);
      });

      it('should show recommendations to the student, their university’s staff and administrators only', async () => {
        for (const role of ['UNIVERSITY_ADMIN', 'SYSTEM_ADMIN'] as const) {
          const result = await t.gql(role, RECOMMENDED, { id: demo.studentId });
          expect(result.errors, role).toBeUndefined();
          expect(result.data!.student.recommendedOffers.length, role).toBeGreaterThan(0);
        }
        for (const role of [null, 'ENTERPRISE'] as const) {
          const result = await t.gql(role, RECOMMENDED, { id: demo.studentId });
          expect(result.errors?.length, String(role)).toBeGreaterThan(0);
          expect(JSON.stringify(result.data ?? null)).not.toMatch(/recommendedOffers":\[\{/);
        }
        const [other] = await t.sql<{ id: string }>('students', 'select id from students.student where id <> ? order by id limit 1', [demo.studentId]);
        const someoneElse = await t.gql('STUDENT', RECOMMENDED, { id: other!.id });
        expect(someoneElse.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      });
    });

    describe('saved searches', () => {
      const SAVE = `mutation ($input: SaveSearchInput!) { saveSearch(input: $input) { id name query filter { skills city radiusKm remote sectors } createdAt } }`;

      it('should save, list and delete a student’s searches, and only a student’s', async () => {
        const saved = await t.gql('STUDENT', SAVE, { input: { name: 'Bières à Lyon', query: 'zythologie', filter: { city: 'lyon', radiusKm: 30, remote: ['ON_SITE'] } } });
        expect(saved.errors).toBeUndefined();
        expect(saved.data!.saveSearch).toMatchObject({ name: 'Bières à Lyon', query: 'zythologie', filter: { skills: [], city: 'Lyon', radiusKm: 30, remote: ['ON_SITE'], sectors: [] } });
        const mine = await t.gql('STUDENT', '{ mySavedSearches { id name } }');
        expect(mine.data!.mySavedSearches).toContainEqual({ id: saved.data!.saveSearch.id, name: 'Bières à Lyon' });
        expect(error(await t.gql('ENTERPRISE', SAVE, { input: { name: 'x' } })).code).toBe('FORBIDDEN');
        expect(error(await t.gql(null, '{ mySavedSearches { id } }')).code).toBe('UNAUTHENTICATED');
        expect(error(await t.gql('STUDENT', SAVE, { input: { name: ' ' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
        expect(error(await t.gql('STUDENT', SAVE, { input: { name: 'Loin', filter: { city: 'Atlantis', radiusKm: 5 } } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.city' });
        const DELETE = 'mutation ($id: ID!) { deleteSavedSearch(id: $id) }';
        expect(error(await t.gql('SYSTEM_ADMIN', DELETE, { id: saved.data!.saveSearch.id })).code).toBe('FORBIDDEN');
        expect((await t.gql('STUDENT', DELETE, { id: saved.data!.saveSearch.id })).data!.deleteSavedSearch).toBe(true);
        expect(error(await t.gql('STUDENT', DELETE, { id: saved.data!.saveSearch.id })).code).toBe('NOT_FOUND');
      });

      it('should keep at most 20 per student', async () => {
        const before = (await t.gql('STUDENT', '{ mySavedSearches { id } }')).data!.mySavedSearches.length;
        for (let index = before; index < 20; index++) expect((await t.gql('STUDENT', SAVE, { input: { name: `Recherche ${index}` } })).errors).toBeUndefined();
        expect(error(await t.gql('STUDENT', SAVE, { input: { name: 'Une de trop' } }))).toMatchObject({ code: 'CONFLICT', limit: 20 });
        for (const { id } of (await t.gql('STUDENT', '{ mySavedSearches { id name } }')).data!.mySavedSearches.filter((search: any) => search.name.startsWith('Recherche '))) {
          await t.gql('STUDENT', 'mutation ($id: ID!) { deleteSavedSearch(id: $id) }', { id });
        }
      });

      it('should alert the student when a new offer matching a saved search is published, and only then', async () => {
        const saved = await t.gql('STUDENT', SAVE, { input: { name: 'Brasseries lyonnaises', query: 'brasserie OR zythologie', filter: { city: 'Lyon', radiusKm: 30, skills: ['zythologie'] } } });
        expect(saved.errors).toBeUndefined();
        const savedSearchId = saved.data!.saveSearch.id;
        const elsewhere = await createOffer('ENTERPRISE', { title: 'Stage zythologie à Paris', skills: ['Zythologie'], city: 'Paris' });
        const matching = await createOffer('ENTERPRISE', { title: 'Stage brasserie artisanale', skills: ['Zythologie', 'Marketing'], city: 'Villeurbanne' });
        await t.gql('ENTERPRISE', PUBLISH, { id: elsewhere.id });
        await t.gql('ENTERPRISE', PUBLISH, { id: matching.id });

        const alerts = await t.eventually(
          () => t.sql<{ payload: Record<string, unknown> }>('offers', `select payload from offers.outbox where type = 'offer.matched-saved-search' and payload->>'savedSearchId' = ?`, [savedSearchId]),
          (rows) => rows.length > 0,
          'the saved search match',
        );
        expect(alerts.map((row) => row.payload)).toEqual([{ savedSearchId, userId: t.userIds.get('STUDENT'), offerId: matching.id, title: 'Stage brasserie artisanale', searchName: 'Brasseries lyonnaises' }]);

        const notification = await t.eventually(
          async () => ((await t.gql('STUDENT', '{ myNotifications(first: 20) { edges { node { eventType title body link } } } }')).data!.myNotifications.edges as Array<{ node: Record<string, string> }>).map((edge) => edge.node).find((node) => node.eventType === 'offer.matched-saved-search'),
          (found) => found !== undefined,
          'the student’s notification',
        );
        expect(notification).toEqual({
          eventType: 'offer.matched-saved-search',
          title: 'Nouvelle offre pour « Brasseries lyonnaises »',
          body: 'L’offre « Stage brasserie artisanale » vient d’être publiée et correspond à votre recherche enregistrée « Brasseries lyonnaises ».',
          link: '/offers',
        });
        // Paris is out of the search's radius: still no alert for it once every event is handled.
        await t.platform.subgraphs.get('offers')!.relay.drain();
        expect((await t.sql('offers', `select 1 from offers.outbox where type = 'offer.matched-saved-search' and payload->>'offerId' = ?`, [elsewhere.id]))).toHaveLength(0);
      });
    });
  });
}
