import { newId } from '@stages/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skillsFromTextArraySql } from '../migrations/0005-student-profile.js';
import { codeOf, fieldOf, startAcceptance, type Acceptance, type Result, type Role } from '../../../e2e/acceptance.js';

interface StudentRow {
  id: string;
  university_id: string;
  first_name: string;
  last_name: string;
  program: string | null;
  year_of_study: number | null;
  city: string | null;
  skills: Array<{ name: string; level: string }>;
}

const UNKNOWN_ID = '0190c3a2-1111-7111-8111-111111111111';
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');

const PROFILE = `fragment Profile on Student {
  id firstName lastName email phone city program yearOfStudy headline updatedAt
  skills { name level }
  languages { code level }
  academicRecords { id institution degree field startYear endYear grade }
  preferences { sectors cities remote earliestStartDate durationMonths minimumStipendCents }
}`;
const UPDATE = `mutation Update($input: UpdateStudentProfileInput!) { updateStudentProfile(input: $input) { ...Profile } } ${PROFILE}`;
const SET_SKILLS = 'mutation Skills($skills: [StudentSkillInput!]!) { setStudentSkills(skills: $skills) { id skills { name level } } }';
const UPLOAD = 'mutation Upload($input: UploadDocumentInput!) { uploadDocument(input: $input) { id kind fileName contentType sizeBytes } }';
const SET_CV = 'mutation SetCv($documentId: ID) { setStudentCv(documentId: $documentId) { id firstName cv { id fileName } } }';
const CONTENT = 'query Content($id: ID!) { documentContent(id: $id) { contentBase64 document { id fileName contentType } } }';
const LIST = `query List($filter: StudentFilter, $first: Int, $after: String) {
  students(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }
}`;

// Student profiles through the gateway with the demo accounts: who reads what, updates and their validation,
// skills, the CV (upload, choice, who may download it) and the filtered list of students for university staff.
describe('student profiles (embedded)', () => {
  let t: Acceptance;
  let demo: { studentId: string; universityId: string; enterpriseId: string };
  /** Another university's student who applied to the demo enterprise. */
  let applicant = '';
  /** A student the demo referent teacher follows, and one of the same university they do not. */
  let followed = '';
  let notFollowed = '';


  async function upload(role: Role, input: { kind?: string; filename?: string; contentType?: string; bytes?: Buffer }) {
    return t.gql(role, UPLOAD, {
      input: {
        kind: input.kind ?? 'CV',
        filename: input.filename ?? 'cv.pdf',
        contentType: input.contentType ?? 'application/pdf',
        contentBase64: (input.bytes ?? pdf('cv')).toString('base64'),
      },
    });
  }

  /** Every id of a filtered list, page after page. */
  async function listAll(role: Role, filter: Record<string, unknown>, first = 40): Promise<{ ids: string[]; totalCount: number }> {
    const ids: string[] = [];
    let after: string | null = null;
    let totalCount = -1;
    for (;;) {
      const page: Result = await t.gql(role, LIST, { filter, first, after });
      expect(page.errors, JSON.stringify(page.errors)).toBeUndefined();
      const students = page.data!.students;
      totalCount = students.totalCount;
      ids.push(...students.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!students.pageInfo.hasNextPage) break;
      after = students.pageInfo.endCursor;
    }
    return { ids, totalCount };
  }

  beforeAll(async () => {
    t = await startAcceptance('profiles');
    const [student] = await t.sql('auth', `select student_id, university_id from auth."user" where id = ?`, [t.userIds.get('STUDENT')]);
    const [recruiter] = await t.sql('auth', `select enterprise_id from auth."user" where id = ?`, [t.userIds.get('ENTERPRISE')]);
    const [admin] = await t.sql('auth', `select university_id from auth."user" where id = ?`, [t.userIds.get('UNIVERSITY_ADMIN')]);
    const [supervisor] = await t.sql('auth', `select university_id from auth."user" where id = ?`, [t.userIds.get('UNIVERSITY_SUPERVISOR')]);
    demo = { studentId: student.student_id, universityId: student.university_id, enterpriseId: recruiter.enterprise_id };
    expect(admin.university_id, 'the demo admin and student share a university').toBe(demo.universityId);
    expect(supervisor.university_id, 'the demo referent teacher and student share a university').toBe(demo.universityId);
    const [link] = await t.sql('students', 'select student_id from students.applicant_link l join students.student s on s.id = l.student_id where l.enterprise_id = ? and s.university_id <> ? order by student_id limit 1', [
      demo.enterpriseId,
      demo.universityId,
    ]);
    applicant = link.student_id;
    const [supervision] = await t.sql('students', 'select student_id from students.supervision where supervisor_user_id = ? and student_id <> ? order by student_id limit 1', [t.userIds.get('UNIVERSITY_SUPERVISOR'), demo.studentId]);
    followed = supervision.student_id;
    const [other] = await t.sql('students', 'select id from students.student s where university_id = ? and id <> ? and not exists (select 1 from students.supervision v where v.student_id = s.id and v.supervisor_user_id = ?) order by id limit 1', [
      demo.universityId,
      demo.studentId,
      t.userIds.get('UNIVERSITY_SUPERVISOR'),
    ]);
    notFollowed = other.id;
  });

  afterAll(async () => {
    await t?.stop();
  });

  describe('profile', () => {
    it('should let the student update their profile, changing only the fields given', async () => {
      const updated = await t.gql('STUDENT', UPDATE, {
        input: {
          phone: '06 12 34 56 78',
          headline: '  Développeuse   full-stack en alternance ',
          yearOfStudy: 4,
          languages: [{ code: 'FR', level: 'NATIVE' }, { code: 'en', level: 'C1' }],
          academicRecords: [
            { institution: 'Université Paris Cité', degree: 'Master', field: 'Informatique', startYear: 2025 },
            { institution: 'Université de Lille', degree: 'Licence', field: 'Informatique', startYear: 2022, endYear: 2025, grade: 'Mention bien' },
          ],
          preferences: { sectors: ['j', 'Programmation informatique'], cities: ['Paris', 'Lyon', 'paris'], remote: ['HYBRID', 'REMOTE'], earliestStartDate: '2027-03-01', durationMonths: 6, minimumStipendCents: 80_000 },
        },
      });
      expect(updated.errors, JSON.stringify(updated.errors)).toBeUndefined();
      const profile = updated.data!.updateStudentProfile;
      expect(profile).toMatchObject({
        id: demo.studentId,
        phone: '+33612345678',
        headline: 'Développeuse full-stack en alternance',
        yearOfStudy: 4,
        languages: [{ code: 'fr', level: 'NATIVE' }, { code: 'en', level: 'C1' }],
        preferences: { sectors: ['J', 'Programmation informatique'], cities: ['Paris', 'Lyon'], remote: ['HYBRID', 'REMOTE'], earliestStartDate: '2027-03-01', durationMonths: 6, minimumStipendCents: 80_000 },
      });
      expect(profile.academicRecords.map(({ id: _id, ...record }: { id: string }) => record)).toEqual([
        { institution: 'Université Paris Cité', degree: 'Master', field: 'Informatique', startYear: 2025, endYear: null, grade: null },
        { institution: 'Université de Lille', degree: 'Licence', field: 'Informatique', startYear: 2022, endYear: 2025, grade: 'Mention bien' },
      ]);

      // A later update changes only what it gives: here the headline, one preference and the first record (kept by id).
      const [master, licence] = profile.academicRecords;
      const again = await t.gql('STUDENT', UPDATE, {
        input: { headline: null, preferences: { durationMonths: 4 }, academicRecords: [{ ...master, endYear: 2027 }, licence] },
      });
      expect(again.errors, JSON.stringify(again.errors)).toBeUndefined();
      const after = again.data!.updateStudentProfile;
      expect(after).toEqual({
        ...profile,
        headline: null,
        preferences: { ...profile.preferences, durationMonths: 4 },
        academicRecords: [{ ...master, endYear: 2027 }, licence],
        updatedAt: after.updatedAt,
      });
      expect(after.updatedAt > profile.updatedAt).toBe(true);
      const [row] = await t.sql('students', 'select phone, preferred_cities, preferred_duration_months from students.student where id = ?', [demo.studentId]);
      expect(row).toEqual({ phone: '+33612345678', preferred_cities: ['Paris', 'Lyon'], preferred_duration_months: 4 });
    });

    it.each([
      ['phone', { phone: '12 34' }],
      ['firstName', { firstName: '   ' }],
      ['lastName', { lastName: 'x'.repeat(101) }],
      ['city', { city: 'x'.repeat(121) }],
      ['program', { program: 'x'.repeat(201) }],
      ['yearOfStudy', { yearOfStudy: 9 }],
      ['headline', { headline: 'x'.repeat(201) }],
      ['languages[1].code', { languages: [{ code: 'fr', level: 'NATIVE' }, { code: 'xx', level: 'B1' }] }],
      ['languages[1].code', { languages: [{ code: 'fr', level: 'NATIVE' }, { code: 'FR', level: 'B1' }] }],
      ['academicRecords[0].endYear', { academicRecords: [{ institution: 'UPC', degree: 'Master', field: 'Informatique', startYear: 2025, endYear: 2024 }] }],
      ['academicRecords[0].id', { academicRecords: [{ id: UNKNOWN_ID, institution: 'UPC', degree: 'Master', field: 'Informatique', startYear: 2025 }] }],
      ['academicRecords[0].institution', { academicRecords: [{ institution: ' ', degree: 'Master', field: 'Informatique', startYear: 2025 }] }],
      ['preferences.sectors[0]', { preferences: { sectors: ['Z'] } }],
      ['preferences.cities', { preferences: { cities: Array.from({ length: 21 }, (_, index) => `Ville ${index}`) } }],
      ['preferences.earliestStartDate', { preferences: { earliestStartDate: '2035-01-01' } }],
      ['preferences.durationMonths', { preferences: { durationMonths: 0 } }],
      ['preferences.minimumStipendCents', { preferences: { minimumStipendCents: -100 } }],
      // A valid field beside an invalid one: nothing is written.
      ['phone', { headline: 'Ne doit pas être enregistré', phone: 'appelez-moi' }],
    ])('should refuse a wrong %s with BAD_USER_INPUT naming it, and change nothing', async (field, input) => {
      const before = await t.gql('STUDENT', `query ($id: ID!) { student(id: $id) { ...Profile } } ${PROFILE}`, { id: demo.studentId });
      const result = await t.gql('STUDENT', UPDATE, { input });
      expect(codeOf(result), JSON.stringify(result)).toBe('BAD_USER_INPUT');
      expect(fieldOf(result)).toBe(field);
      const after = await t.gql('STUDENT', `query ($id: ID!) { student(id: $id) { ...Profile } } ${PROFILE}`, { id: demo.studentId });
      expect(after.data).toEqual(before.data);
    });

    it('should let only a student update a profile, their own', async () => {
      expect(codeOf(await t.gql(null, UPDATE, { input: { headline: 'x' } }))).toBe('UNAUTHENTICATED');
      for (const role of ['ENTERPRISE', 'UNIVERSITY_ADMIN', 'UNIVERSITY_SUPERVISOR', 'SYSTEM_ADMIN'] as const) {
        expect(codeOf(await t.gql(role, UPDATE, { input: { headline: 'x' } })), role).toBe('FORBIDDEN');
        expect(codeOf(await t.gql(role, SET_SKILLS, { skills: [] })), role).toBe('FORBIDDEN');
      }
    });

    it('should show the whole profile to the student’s university administrators and system administrators', async () => {
      for (const role of ['UNIVERSITY_ADMIN', 'SYSTEM_ADMIN'] as const) {
        const result = await t.gql(role, `query ($id: ID!) { student(id: $id) { ...Profile } } ${PROFILE}`, { id: demo.studentId });
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        expect(result.data!.student).toMatchObject({ phone: '+33612345678', email: expect.stringContaining('@'), preferences: { cities: ['Paris', 'Lyon'] } });
      }
    });

    it('should show a referent teacher the students they follow, not the others of their university', async () => {
      const mine = await t.gql('UNIVERSITY_SUPERVISOR', `query ($id: ID!) { student(id: $id) { ...Profile } } ${PROFILE}`, { id: followed });
      expect(mine.errors, JSON.stringify(mine.errors)).toBeUndefined();
      expect(mine.data!.student.email).toContain('@');
      expect(mine.data!.student.preferences.sectors.length).toBeGreaterThan(0);
      expect(codeOf(await t.gql('UNIVERSITY_SUPERVISOR', 'query ($id: ID!) { student(id: $id) { id } }', { id: notFollowed }))).toBe('FORBIDDEN');
    });

    it('should show an enterprise its applicant’s skills and languages, not their contact details nor preferences', async () => {
      const result = await t.gql('ENTERPRISE', 'query ($id: ID!) { student(id: $id) { id firstName headline email phone city skills { name level } languages { code level } academicRecords { degree } } }', { id: applicant });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      const student = result.data!.student;
      expect(student).toMatchObject({ id: applicant, email: null, phone: null, city: null });
      expect(student.skills.length).toBeGreaterThan(0);
      expect(student.skills.every((skill: { level: string }) => ['BEGINNER', 'INTERMEDIATE', 'ADVANCED', 'EXPERT'].includes(skill.level))).toBe(true);
      expect(student.languages).toContainEqual({ code: 'fr', level: 'NATIVE' });
      const preferences = await t.gql('ENTERPRISE', 'query ($id: ID!) { student(id: $id) { id preferences { cities } } }', { id: applicant });
      expect(codeOf(preferences)).toBe('FORBIDDEN');
      expect(preferences.errors![0]!.path).toEqual(['student', 'preferences']);
      expect(preferences.data).toBeNull();
      // Another university's administrator sees nothing of them.
      expect(codeOf(await t.gql('UNIVERSITY_ADMIN', 'query ($id: ID!) { student(id: $id) { id } }', { id: applicant }))).toBe('FORBIDDEN');
    });

    it('should resolve skills and preferences of a Student reference (what offers @requires), with the same rules', async () => {
      const entities = async (role: Role) => {
        const response = await fetch(t.platform.subgraphs.get('students')!.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-internal-secret': t.platform.auth.internalSecret, authorization: `Bearer ${t.tokens.get(role)}` },
          body: JSON.stringify({
            query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Student { id skills { name level } preferences { sectors cities remote earliestStartDate durationMonths minimumStipendCents } } } }',
            variables: { r: [{ __typename: 'Student', id: demo.studentId }] },
          }),
        });
        return (await response.json()) as Result;
      };
      const own = await entities('STUDENT');
      expect(own.errors).toBeUndefined();
      expect(own.data!._entities[0].preferences).toEqual({ sectors: ['J', 'Programmation informatique'], cities: ['Paris', 'Lyon'], remote: ['HYBRID', 'REMOTE'], earliestStartDate: '2027-03-01', durationMonths: 4, minimumStipendCents: 80_000 });
      expect((await entities('UNIVERSITY_ADMIN')).errors).toBeUndefined();
      expect(codeOf(await entities('ENTERPRISE'))).toBe('FORBIDDEN');
    });
  });

  describe('skills', () => {
    it('should replace the skills, trimmed, in the order given', async () => {
      const result = await t.gql('STUDENT', SET_SKILLS, { skills: [{ name: '  Rust ', level: 'ADVANCED' }, { name: 'Élixir', level: 'BEGINNER' }, { name: 'Type  Script', level: 'EXPERT' }] });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data!.setStudentSkills.skills).toEqual([
        { name: 'Rust', level: 'ADVANCED' },
        { name: 'Élixir', level: 'BEGINNER' },
        { name: 'Type Script', level: 'EXPERT' },
      ]);
    });

    it.each([
      ['skills[1].name', [{ name: 'Rust', level: 'ADVANCED' }, { name: 'RUST', level: 'BEGINNER' }]],
      ['skills[0].name', [{ name: 'x'.repeat(61), level: 'ADVANCED' }]],
      ['skills[0].name', [{ name: '  ', level: 'ADVANCED' }]],
      ['skills', Array.from({ length: 31 }, (_, index) => ({ name: `Compétence ${index}`, level: 'INTERMEDIATE' }))],
    ])('should refuse %s and keep the current skills', async (field, skills) => {
      const result = await t.gql('STUDENT', SET_SKILLS, { skills });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(fieldOf(result)).toBe(field);
      const [row] = await t.sql('students', 'select skills from students.student where id = ?', [demo.studentId]);
      expect(row.skills.map((skill: { name: string }) => skill.name)).toEqual(['Rust', 'Élixir', 'Type Script']);
    });

    it('should migrate a list of names to skills at INTERMEDIATE: trimmed, cut to 60, each once, at most 30', async () => {
      const schema = `skills_migration_${process.pid}`;
      await t.sql('students', `create schema ${schema}`);
      try {
        await t.sql('students', `create table ${schema}.student (id integer primary key, skills text[] not null default '{}')`);
        const many = Array.from({ length: 35 }, (_, index) => `S${index + 1}`);
        const before: Array<[number, string[]]> = [[1, ['TypeScript', ' SQL ', 'typescript', '', '  ', 'Excel']], [2, []], [3, many], [4, ['x'.repeat(70)]]];
        for (const [id, skills] of before) {
          await t.sql('students', `insert into ${schema}.student (id, skills) select ?, array(select jsonb_array_elements_text(?::jsonb))`, [id, JSON.stringify(skills)]);
        }
        for (const statement of skillsFromTextArraySql(`"${schema}"."student"`)) await t.sql('students', statement);
        const rows = await t.sql<{ id: number; skills: Array<{ name: string; level: string }> }>('students', `select id, skills from ${schema}.student order by id`);
        const at = (names: string[]) => names.map((name) => ({ name, level: 'INTERMEDIATE' }));
        expect(rows).toEqual([
          { id: 1, skills: at(['TypeScript', 'SQL', 'Excel']) },
          { id: 2, skills: [] },
          { id: 3, skills: at(many.slice(0, 30)) },
          { id: 4, skills: at(['x'.repeat(60)]) },
        ]);
      } finally {
        await t.sql('students', `drop schema ${schema} cascade`);
      }
    });
  });

  describe('CV', () => {
    let cvId = '';
    const cvBytes = pdf('CV de démonstration');

    it('should store an uploaded PDF under its owner, with a clean name, and record document.uploaded', async () => {
      const result = await upload('STUDENT', { filename: '../../Mon CV <2026>', bytes: cvBytes });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      const document = result.data!.uploadDocument;
      expect(document).toMatchObject({ kind: 'CV', fileName: 'Mon CV _2026_.pdf', contentType: 'application/pdf', sizeBytes: cvBytes.length });
      cvId = document.id;
      const [row] = await t.sql('documents', 'select owner_id, student_id, university_id, storage_key, profile_cv from documents.document where id = ?', [cvId]);
      expect(row).toEqual({ owner_id: t.userIds.get('STUDENT'), student_id: demo.studentId, university_id: demo.universityId, storage_key: `documents/${t.userIds.get('STUDENT')}/${cvId}.pdf`, profile_cv: false });
      expect(await t.platform.infrastructure.storage.get(row.storage_key)).toEqual(cvBytes);
      const [event] = await t.sql('documents', `select type, key, payload from documents.outbox where key = ?`, [cvId]);
      expect(event).toEqual({ type: 'document.uploaded', key: cvId, payload: { documentId: cvId, ownerId: t.userIds.get('STUDENT'), kind: 'CV' } });
    });

    it.each([
      ['contentBase64', { bytes: Buffer.from('<html>pas un PDF</html>') }],
      ['kind', { kind: 'ATTESTATION' }],
      ['contentType', { contentType: 'application/zip' }],
      ['contentType', { contentType: 'image/png' }],
      ['filename', { filename: '/' }],
    ])('should refuse an upload with a wrong %s', async (field, input) => {
      const result = await upload('STUDENT', input);
      expect(codeOf(result), JSON.stringify(result)).toBe('BAD_USER_INPUT');
      expect(fieldOf(result)).toBe(field);
    });

    it('should take a PDF of 5 MB through the gateway, and refuse a larger one naming the field', async () => {
      const padding = (size: number) => Buffer.concat([pdf('Gros CV'), Buffer.alloc(size - pdf('Gros CV').length, 0x20)]);
      const accepted = await upload('STUDENT', { bytes: padding(5 * 1024 * 1024) });
      expect(accepted.errors, JSON.stringify(accepted.errors)).toBeUndefined();
      expect(accepted.data!.uploadDocument.sizeBytes).toBe(5 * 1024 * 1024);
      const refused = await upload('STUDENT', { bytes: padding(5 * 1024 * 1024 + 1) });
      expect([codeOf(refused), fieldOf(refused)]).toEqual(['BAD_USER_INPUT', 'contentBase64']);
    });

    it('should refuse anonymous uploads', async () => {
      expect(codeOf(await upload(null as never, {}))).toBe('UNAUTHENTICATED');
    });

    it('should let a student show only one of their own CVs on their profile', async () => {
      const letter = await upload('STUDENT', { kind: 'COVER_LETTER', filename: 'lettre.pdf' });
      expect(codeOf(await t.gql('STUDENT', SET_CV, { documentId: letter.data!.uploadDocument.id }))).toBe('BAD_USER_INPUT');
      const [theirs] = await t.sql('documents', `select id from documents.document where owner_id <> ? and kind = 'CV' limit 1`, [t.userIds.get('STUDENT')]);
      expect(codeOf(await t.gql('STUDENT', SET_CV, { documentId: theirs.id }))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql('STUDENT', SET_CV, { documentId: UNKNOWN_ID }))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql('STUDENT', SET_CV, { documentId: 'nope' }))).toBe('BAD_USER_INPUT');
      for (const role of ['ENTERPRISE', 'UNIVERSITY_ADMIN', 'SYSTEM_ADMIN'] as const) expect(codeOf(await t.gql(role, SET_CV, { documentId: cvId })), role).toBe('FORBIDDEN');

      const set = await t.gql('STUDENT', SET_CV, { documentId: cvId });
      expect(set.errors, JSON.stringify(set.errors)).toBeUndefined();
      expect(set.data!.setStudentCv).toEqual({ id: demo.studentId, firstName: expect.any(String), cv: { id: cvId, fileName: 'Mon CV _2026_.pdf' } });
      // The CV shown before (the demo one) is private again: one per student.
      const shown = await t.sql('documents', 'select id from documents.document where student_id = ? and profile_cv', [demo.studentId]);
      expect(shown).toEqual([{ id: cvId }]);
    });

    it('should let the student, their university’s staff and system administrators read the CV, and no one else', async () => {
      for (const role of ['STUDENT', 'UNIVERSITY_ADMIN', 'UNIVERSITY_SUPERVISOR', 'SYSTEM_ADMIN'] as const) {
        const content = await t.gql(role, CONTENT, { id: cvId });
        expect(content.errors, `${role}: ${JSON.stringify(content.errors)}`).toBeUndefined();
        expect(Buffer.from(content.data!.documentContent.contentBase64, 'base64')).toEqual(cvBytes);
        expect(content.data!.documentContent.document).toEqual({ id: cvId, fileName: 'Mon CV _2026_.pdf', contentType: 'application/pdf' });
      }
      for (const role of ['UNIVERSITY_ADMIN', 'SYSTEM_ADMIN'] as const) {
        const result = await t.gql(role, 'query ($id: ID!) { student(id: $id) { cv { id fileName sizeBytes } } }', { id: demo.studentId });
        expect(result.data!.student.cv, role).toEqual({ id: cvId, fileName: 'Mon CV _2026_.pdf', sizeBytes: cvBytes.length });
      }
      expect(codeOf(await t.gql('ENTERPRISE', CONTENT, { id: cvId }))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql('ENTERPRISE', 'query ($id: ID!) { document(id: $id) { id } }', { id: cvId }))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(null, CONTENT, { id: cvId }))).toBe('UNAUTHENTICATED');
    });

    it('should not show an enterprise its applicant’s CV yet (applications will share it)', async () => {
      await t.sql(
        'documents',
        `insert into documents.document (id, owner_id, kind, file_name, content_type, size_bytes, storage_key, student_id, university_id, profile_cv, created_at)
         select ?, ?, 'CV', 'cv.pdf', 'application/pdf', 10, ?, ?, ?, true, now() where not exists (select 1 from documents.document where student_id = ? and profile_cv)`,
        [newId(), newId(), `documents/test/${newId()}.pdf`, applicant, newId(), applicant],
      );
      const result = await t.gql('ENTERPRISE', 'query ($id: ID!) { student(id: $id) { id cv { id } } }', { id: applicant });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data!.student).toEqual({ id: applicant, cv: null });
    });

    it('should make the CV private again once the student removes it from their profile', async () => {
      const cleared = await t.gql('STUDENT', SET_CV, { documentId: null });
      expect(cleared.data!.setStudentCv.cv).toBeNull();
      expect(codeOf(await t.gql('UNIVERSITY_ADMIN', CONTENT, { id: cvId }))).toBe('FORBIDDEN');
      expect((await t.gql('UNIVERSITY_ADMIN', 'query ($id: ID!) { student(id: $id) { cv { id } } }', { id: demo.studentId })).data!.student.cv).toBeNull();
      expect((await t.gql('STUDENT', CONTENT, { id: cvId })).errors).toBeUndefined();
      await t.gql('STUDENT', SET_CV, { documentId: cvId });
    });
  });

  describe('students list', () => {
    let everyone: StudentRow[] = [];
    let placedIds = new Set<string>();

    beforeAll(async () => {
      everyone = await t.sql<StudentRow>('students', 'select id, university_id, first_name, last_name, program, year_of_study, city, skills from students.student order by id');
      placedIds = new Set((await t.sql<{ student_id: string }>('students', 'select student_id from students.placement')).map((row) => row.student_id));
    });

    const ofUniversity = () => everyone.filter((student) => student.university_id === demo.universityId);
    const idsOf = (rows: StudentRow[]) => rows.map((row) => row.id);

    it('should list a university administrator their university’s students, a referent teacher those they follow, and refuse others', async () => {
      expect(await listAll('UNIVERSITY_ADMIN', {})).toEqual({ ids: idsOf(ofUniversity()), totalCount: ofUniversity().length });
      const supervised = (await t.sql('students', 'select student_id from students.supervision where supervisor_user_id = ? order by student_id', [t.userIds.get('UNIVERSITY_SUPERVISOR')])).map((row) => row.student_id);
      expect(await listAll('UNIVERSITY_SUPERVISOR', {})).toEqual({ ids: supervised, totalCount: supervised.length });
      expect((await listAll('SYSTEM_ADMIN', {})).totalCount).toBe(everyone.length);
      for (const role of ['STUDENT', 'ENTERPRISE'] as const) expect(codeOf(await t.gql(role, LIST, {})), role).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(null, LIST, {}))).toBe('UNAUTHENTICATED');
    });

    it('should filter by part of the programme without case or accents', async () => {
      const expected = everyone.filter((student) => student.program && fold(student.program).includes('metiers du numerique'));
      expect(expected.length).toBeGreaterThan(0);
      expect(await listAll('SYSTEM_ADMIN', { program: 'METIERS du  numérique' })).toEqual({ ids: idsOf(expected), totalCount: expected.length });
      const informatique = ofUniversity().filter((student) => student.program && fold(student.program).includes('informatique'));
      expect(await listAll('UNIVERSITY_ADMIN', { program: 'informatique' }, 3)).toEqual({ ids: idsOf(informatique), totalCount: informatique.length });
      // LIKE wildcards are plain characters.
      expect((await listAll('SYSTEM_ADMIN', { program: '%' })).totalCount).toBe(0);
    });

    it('should filter by year of study, city, and skills (all of them, without case or accents)', async () => {
      const third = everyone.filter((student) => student.year_of_study === 3);
      expect(await listAll('SYSTEM_ADMIN', { yearOfStudy: 3 })).toEqual({ ids: idsOf(third), totalCount: third.length });
      const lyon = everyone.filter((student) => student.city === 'Lyon');
      expect(lyon.length).toBeGreaterThan(0);
      expect(await listAll('SYSTEM_ADMIN', { city: 'LYON' })).toEqual({ ids: idsOf(lyon), totalCount: lyon.length });
      const excelAndSap = everyone.filter((student) => ['excel', 'sap'].every((skill) => student.skills.some((has) => fold(has.name) === skill)));
      expect(excelAndSap.length).toBeGreaterThan(0);
      expect(await listAll('SYSTEM_ADMIN', { skills: ['EXCEL', 'sap'] })).toEqual({ ids: idsOf(excelAndSap), totalCount: excelAndSap.length });
      expect(await listAll('UNIVERSITY_ADMIN', { skills: ['rust', 'elixir'] })).toEqual({ ids: [demo.studentId], totalCount: 1 });
    });

    it('should search names word by word without case or accents', async () => {
      const target = everyone.find((student) => fold(student.first_name) !== student.first_name.toLowerCase()) ?? everyone[0]!;
      const words = [fold(target.first_name), fold(target.last_name).toUpperCase()];
      const expected = everyone.filter((student) => words.every((word) => fold(`${student.first_name} ${student.last_name}`).includes(fold(word))));
      const result = await listAll('SYSTEM_ADMIN', { search: words.join('  ') });
      expect(result).toEqual({ ids: idsOf(expected), totalCount: expected.length });
      expect(result.ids).toContain(target.id);
    });

    it('should filter placed students: those who accepted an offer, from application.accepted', async () => {
      const placed = ofUniversity().filter((student) => placedIds.has(student.id));
      const unplaced = ofUniversity().filter((student) => !placedIds.has(student.id));
      expect(placed.length).toBeGreaterThan(0);
      expect(await listAll('UNIVERSITY_ADMIN', { placed: true })).toEqual({ ids: idsOf(placed), totalCount: placed.length });
      expect(await listAll('UNIVERSITY_ADMIN', { placed: false })).toEqual({ ids: idsOf(unplaced), totalCount: unplaced.length });
      // The seeded read model matches the applications: placed = accepted at least once.
      const accepted = new Set((await t.sql('applications', `select distinct student_id from applications.application where status = 'ACCEPTED'`)).map((row) => row.student_id));
      expect([...placedIds].sort()).toEqual([...accepted].sort());

      // A new acceptance places the student once the event arrives.
      const newcomer = unplaced[0]!;
      const applicationId = newId();
      await t.emit('applications', {
        type: 'application.accepted',
        subject: applicationId,
        data: { applicationId, studentId: newcomer.id, offerId: newId(), enterpriseId: demo.enterpriseId, universityId: demo.universityId, from: 'OFFERED', to: 'ACCEPTED', reason: null, actorUserId: newId() },
      });
      await t.eventually(() => listAll('UNIVERSITY_ADMIN', { placed: true }), (result) => result.ids.includes(newcomer.id), 'the newcomer to be placed');
      const [row] = await t.sql('students', 'select application_id from students.placement where student_id = ?', [newcomer.id]);
      expect(row.application_id).toBe(applicationId);
    });

    it('should combine filters and page through them', async () => {
      const placedNow = new Set((await t.sql<{ student_id: string }>('students', 'select student_id from students.placement')).map((row) => row.student_id));
      const expected = ofUniversity().filter((student) => student.program && fold(student.program).includes('master') && !placedNow.has(student.id));
      expect(expected.length).toBeGreaterThan(2);
      expect(await listAll('UNIVERSITY_ADMIN', { program: 'master', placed: false }, 2)).toEqual({ ids: idsOf(expected), totalCount: expected.length });
    });

    it.each([
      ['filter.yearOfStudy', { yearOfStudy: 0 }],
      ['filter.program', { program: 'x'.repeat(201) }],
      ['filter.search', { search: 'x'.repeat(101) }],
      ['filter.skills[0]', { skills: [' '] }],
      ['filter.city', { city: 'x'.repeat(121) }],
    ])('should refuse a wrong %s', async (field, filter) => {
      const result = await t.gql('UNIVERSITY_ADMIN', LIST, { filter });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(fieldOf(result)).toBe(field);
    });

    it('should filter University.students the same way, for that university’s administrators', async () => {
      const third = ofUniversity().filter((student) => student.year_of_study === 3);
      const result = await t.gql('UNIVERSITY_ADMIN', 'query ($id: ID!) { university(id: $id) { students(first: 100, filter: { yearOfStudy: 3 }) { totalCount edges { node { id } } } } }', { id: demo.universityId });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data!.university.students.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(idsOf(third));
    });

    it('should load 50 students with their profiles and CVs in two statements in students and one in documents (no N+1)', async () => {
      const QUERY = `query ($filter: StudentFilter) { students(first: 50, filter: $filter) { totalCount edges { node {
        id email phone city skills { name level } languages { code } academicRecords { id } preferences { cities remote }
        university { id name } cv { id fileName }
      } } } }`;
      let result: Result = {};
      let documentsSql: string[] = [];
      const studentsSql = await t.sqlOf('students', async () => {
        documentsSql = await t.sqlOf('documents', async () => {
          result = await t.gql('SYSTEM_ADMIN', QUERY, { filter: { program: 'a' } });
        });
      });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      const nodes = result.data!.students.edges.map((edge: { node: unknown }) => edge.node);
      expect(nodes).toHaveLength(50);
      expect(nodes.filter((node: { cv: unknown }) => node.cv !== null).length).toBeGreaterThan(5);
      expect(studentsSql, studentsSql.join('\n')).toHaveLength(2);
      expect(studentsSql.some((statement) => /count\(/i.test(statement))).toBe(true);
      expect(documentsSql, documentsSql.join('\n')).toHaveLength(1);

      // A referent teacher's list needs no lookup per student for the private fields either.
      const supervisorSql = await t.sqlOf('students', () => t.gql('UNIVERSITY_SUPERVISOR', QUERY.replace(' cv { id fileName }', ''), {}));
      expect(supervisorSql, supervisorSql.join('\n')).toHaveLength(2);
    });
  });
});
