import { newId } from '@stages/platform';
import { CITIES, ENTERPRISES, FIRST_NAMES, LAST_NAMES, PROGRAMS, SECTORS, UNIVERSITIES } from './names.js';
import { random } from './random.js';

export interface DemoSize {
  studentsPerUniversity: number;
  offersPerEnterprise: number;
}

/** A 14-digit SIRET whose Luhn checksum is valid. */
function siret(rng: ReturnType<typeof random>): string {
  const digits = Array.from({ length: 13 }, () => rng.int(0, 9));
  const luhn = (values: number[]) =>
    values
      .slice()
      .reverse()
      .reduce((sum, digit, index) => {
        if (index % 2 === 1) {
          const doubled = digit * 2;
          return sum + (doubled > 9 ? doubled - 9 : doubled);
        }
        return sum + digit;
      }, 0);
  const check = (10 - (luhn([...digits, 0]) % 10)) % 10;
  return [...digits, check].join('');
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
const addMonths = (date: string, months: number) => {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCMonth(value.getUTCMonth() + months);
  return isoDate(value);
};

// Legal minimum gratification (2026): EUR 4.50 per hour of presence; kept here only to make the demo lawful.
const HOURLY_MINIMUM_CENTS = 450;

/** Builds a coherent French demo world: every cross-subgraph id refers to a row seeded in its own subgraph. */
export function buildDemoDataset(size: DemoSize = { studentsPerUniversity: 20, offersPerEnterprise: 4 }, now = new Date()) {
  const rng = random(20_260_901);
  const universities = UNIVERSITIES.map((university) => ({ id: newId(), ...university, createdAt: now }));

  const sectorOf = (naf: string) => SECTORS.find((sector) => sector.naf === naf)!;
  const enterprises = ENTERPRISES.map(({ name, naf }, index) => {
    const sector = sectorOf(naf);
    return {
      id: newId(),
      name,
      legalName: `${name} ${rng.pick(['SAS', 'SARL', 'SA', 'SASU'])}`,
      siret: siret(rng),
      nafCode: sector.naf,
      sector: sector.sector,
      city: rng.pick(CITIES),
      headcount: rng.pick([8, 15, 35, 60, 120, 250, 800, 2400]),
      website: `https://www.${slug(name)}.example`,
      // A few await a system administrator's review (enterprisesAwaitingVerification), a few have not asked yet.
      verificationStatus: index % 13 === 12 ? ('PENDING' as const) : index % 13 === 6 ? ('SUBMITTED' as const) : ('VERIFIED' as const),
      createdAt: now,
    };
  }).map((enterprise, index) => {
    // Joined two months ago; those that asked did so a few days ago (the queue shows how long each has waited), the
    // verified were decided a day later.
    const requestedAt = enterprise.verificationStatus === 'PENDING' ? null : new Date(now.getTime() - (2 + (index % 9)) * 86_400_000 - index * 3_600_000);
    const decidedAt = enterprise.verificationStatus === 'VERIFIED' && requestedAt ? new Date(requestedAt.getTime() + 86_400_000) : null;
    return { ...enterprise, createdAt: new Date(now.getTime() - 60 * 86_400_000), verificationRequestedAt: requestedAt, verificationDecidedAt: decidedAt };
  });

  type Organisations = { studentId?: string; enterpriseId?: string; universityId?: string };
  const users: Array<{
    id: string;
    email: string;
    displayName: string;
    roles: string[];
    status: 'ACTIVE';
    locale: 'fr' | 'en';
    studentId: string | null;
    enterpriseId: string | null;
    universityId: string | null;
    emailVerifiedAt: Date;
    createdAt: Date;
  }> = [];
  const addUser = (email: string, displayName: string, role: string, organisations: Organisations = {}) => {
    const user = {
      id: newId(),
      email,
      displayName,
      roles: [role],
      status: 'ACTIVE' as const,
      locale: 'fr' as const,
      studentId: organisations.studentId ?? null,
      enterpriseId: organisations.enterpriseId ?? null,
      universityId: organisations.universityId ?? null,
      emailVerifiedAt: now,
      createdAt: now,
    };
    users.push(user);
    return user;
  };
  addUser('admin@stages.example', 'Administration Stages', 'SYSTEM_ADMIN');
  for (const university of universities) {
    addUser(`scolarite@${slug(university.acronym)}.example`, `Scolarité ${university.acronym}`, 'UNIVERSITY_ADMIN', { universityId: university.id });
    const [first, last] = [rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)];
    addUser(`${slug(first)}.${slug(last)}@enseignant.${slug(university.acronym)}.example`, `${first} ${last}`, 'UNIVERSITY_SUPERVISOR', { universityId: university.id });
  }
  for (const enterprise of enterprises) addUser(`rh@${slug(enterprise.name)}.example`, `Recrutement ${enterprise.name}`, 'ENTERPRISE', { enterpriseId: enterprise.id });

  // Profile details come from their own generator, so the rest of the world (offers, applications) stays the same.
  const profileRng = random(20_260_902);
  const academicYearStart = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const students = universities.flatMap((university) =>
    Array.from({ length: size.studentsPerUniversity }, (_, index) => {
      const firstName = rng.pick(FIRST_NAMES);
      const lastName = rng.pick(LAST_NAMES);
      const email = `${slug(firstName)}.${slug(lastName)}${index}@etu.${slug(university.acronym)}.example`;
      const id = newId();
      const user = addUser(email, `${firstName} ${lastName}`, 'STUDENT', { studentId: id, universityId: university.id });
      const sector = rng.pick(SECTORS);
      const program = rng.pick(PROGRAMS);
      const yearOfStudy = rng.int(1, 5);
      const skillNames = rng.sample(sector.skills, rng.int(2, 4));
      const [degree, ...field] = program.split(' ');
      return {
        id,
        userId: user.id,
        universityId: university.id,
        firstName,
        lastName,
        email,
        phone: `+336${String(profileRng.int(0, 99_999_999)).padStart(8, '0')}`,
        program,
        yearOfStudy,
        city: university.city,
        headline: `Étudiant·e en ${program}, à la recherche d’un stage (${sector.sector.toLowerCase()})`,
        skills: skillNames.map((name) => ({ name, level: profileRng.pick(['BEGINNER', 'INTERMEDIATE', 'INTERMEDIATE', 'ADVANCED', 'EXPERT'] as const) })),
        languages: [
          { code: 'fr', level: 'NATIVE' as const },
          { code: 'en', level: profileRng.pick(['B1', 'B2', 'B2', 'C1'] as const) },
          ...(profileRng.next() < 0.3 ? [{ code: profileRng.pick(['es', 'de', 'it']), level: profileRng.pick(['A2', 'B1'] as const) }] : []),
        ],
        academicRecords: [
          { id: newId(), institution: university.name, degree: degree!, field: field.join(' ') || program, startYear: academicYearStart - yearOfStudy + 1, endYear: null, grade: null },
        ],
        preferredSectors: [sector.sector],
        preferredCities: profileRng.next() < 0.5 ? [university.city] : [university.city, profileRng.pick(CITIES.filter((city) => city !== university.city))],
        preferredRemote: profileRng.pick([[], ['ON_SITE', 'HYBRID'], ['HYBRID', 'REMOTE'], ['REMOTE']] as const).slice(),
        earliestStartDate: isoDate(addDays(now, profileRng.int(20, 150))),
        preferredDurationMonths: profileRng.pick([2, 3, 4, 6, 6]),
        minimumStipendCents: profileRng.pick([null, 60_000, 70_000, 80_000]),
        createdAt: now,
        updatedAt: now,
      };
    }),
  );

  const drafts = enterprises.flatMap((enterprise) => {
    const sector = sectorOf(enterprise.nafCode);
    return Array.from({ length: size.offersPerEnterprise }, () => {
      const durationMonths = rng.pick([2, 3, 4, 5, 6, 6]);
      const weeklyHours = rng.pick([35, 35, 35, 39, 28]);
      const monthlyHours = Math.round((weeklyHours * 52) / 12);
      // Due beyond 308 hours of presence (so 2 months at 39 h a week already), as the offers subgraph checks it.
      const stipendCents =
        durationMonths * monthlyHours > 308
          ? Math.ceil((HOURLY_MINIMUM_CENTS * monthlyHours * rng.pick([1, 1, 1.1, 1.25, 1.5])) / 100) * 100
          : rng.pick([null, 60_000]);
      const startDate = isoDate(addDays(now, rng.int(30, 200)));
      const status = rng.next() < 0.85 ? ('PUBLISHED' as const) : rng.pick(['DRAFT', 'CLOSED'] as const);
      const title = rng.pick(sector.titles);
      const city = rng.next() < 0.7 ? enterprise.city : rng.pick(CITIES);
      const skills = rng.sample(sector.skills, 3);
      return {
        enterpriseId: enterprise.id,
        title,
        description: `${enterprise.name} (${sector.sector.toLowerCase()}, ${city}) accueille un·e stagiaire pour ${durationMonths} mois. Compétences appréciées : ${skills.join(', ')}.`,
        skills,
        sector: sector.sector,
        city,
        country: 'FR',
        remote: rng.pick(['ON_SITE', 'ON_SITE', 'HYBRID', 'REMOTE'] as const),
        durationMonths,
        weeklyHours,
        stipendCents,
        startDate,
        deadline: isoDate(addDays(new Date(`${startDate}T00:00:00Z`), -rng.int(10, 25))),
        status,
        publishedAt: status === 'DRAFT' ? null : addDays(now, -rng.int(1, 40)),
        createdAt: now,
        updatedAt: now,
      };
    });
  });

  // Ids are time-ordered and lists are in id order: interleave enterprises as real publication would.
  const offers = rng.sample(drafts, drafts.length).map((offer) => ({ id: newId(), ...offer }));
  const published = offers.filter((offer) => offer.status !== 'DRAFT');
  const statuses = ['SUBMITTED', 'SUBMITTED', 'SHORTLISTED', 'INTERVIEW', 'OFFERED', 'REJECTED', 'ACCEPTED', 'WITHDRAWN'] as const;
  const applications = students.flatMap((student) =>
    rng.sample(published, rng.int(0, 4)).map((offer) => ({
      id: newId(),
      studentId: student.id,
      offerId: offer.id,
      enterpriseId: offer.enterpriseId,
      universityId: student.universityId,
      status: rng.pick(statuses),
      coverLetter: `Madame, Monsieur, je souhaite rejoindre ${enterprises.find((e) => e.id === offer.enterpriseId)!.name} pour le poste « ${offer.title} ».`,
      submittedAt: addDays(now, -rng.int(0, 30)),
      updatedAt: now,
    })),
  );

  // The demo student has an open application to the demo recruiter's enterprise, so both sides of the recruiting
  // flow (and live status updates) can be tried on a fresh install with the demo accounts.
  const demoStudentId = users.find((user) => user.roles.includes('STUDENT'))?.studentId;
  const demoEnterpriseId = users.find((user) => user.roles.includes('ENTERPRISE') && enterprises.find((e) => e.id === user.enterpriseId)?.verificationStatus === 'VERIFIED')?.enterpriseId;
  const demoStudent = students.find((student) => student.id === demoStudentId);
  const demoOffer = offers.find((offer) => offer.enterpriseId === demoEnterpriseId && offer.status === 'PUBLISHED' && !applications.some((a) => a.studentId === demoStudentId && a.offerId === offer.id));
  if (demoStudent && demoOffer) {
    applications.push({
      id: newId(),
      studentId: demoStudent.id,
      offerId: demoOffer.id,
      enterpriseId: demoOffer.enterpriseId,
      universityId: demoStudent.universityId,
      status: 'SUBMITTED',
      coverLetter: `Madame, Monsieur, je souhaite rejoindre ${enterprises.find((e) => e.id === demoOffer.enterpriseId)!.name} pour le poste « ${demoOffer.title} ».`,
      submittedAt: addDays(now, -1),
      updatedAt: now,
    });
  }

  // One accepted application per student at most becomes an internship.
  const internshipByStudent = new Map<string, (typeof applications)[number]>();
  for (const application of applications) {
    if (application.status === 'ACCEPTED' && !internshipByStudent.has(application.studentId)) internshipByStudent.set(application.studentId, application);
  }
  // Each university's demo supervisor is the referent teacher of its students' internships.
  const supervisorOf = new Map(users.filter((user) => user.roles.includes('UNIVERSITY_SUPERVISOR')).map((user) => [user.universityId, user.id]));
  const internships = [...internshipByStudent.values()].map((application) => {
    const offer = offers.find((candidate) => candidate.id === application.offerId)!;
    return {
      id: newId(),
      applicationId: application.id,
      studentId: application.studentId,
      enterpriseId: offer.enterpriseId,
      offerId: offer.id,
      universityId: application.universityId,
      supervisorUserId: supervisorOf.get(application.universityId) ?? null,
      startDate: offer.startDate,
      endDate: addMonths(offer.startDate, offer.durationMonths),
      status: 'PLANNED' as const,
      createdAt: now,
    };
  });

  const documents = students
    .filter((_, index) => index % 3 === 0)
    .map((student) => ({
      id: newId(),
      ownerId: student.userId,
      kind: 'CV' as const,
      fileName: `cv-${slug(student.firstName)}-${slug(student.lastName)}.pdf`,
      contentType: 'application/pdf',
      sizeBytes: 0,
      storageKey: `documents/${student.userId}/cv-${student.id}.pdf`,
      // The CV each of these students shows on their profile (`Student.cv`).
      studentId: student.id,
      universityId: student.universityId,
      profileCv: true,
      createdAt: now,
      text: `${student.firstName} ${student.lastName} - ${student.program} - ${student.skills.map((skill) => skill.name).join(', ')}`,
    }));

  const userIdByStudent = new Map(students.map((student) => [student.id, student.userId]));
  const offerById = new Map(offers.map((offer) => [offer.id, offer]));
  const notifications = applications.map((application) => ({
    id: newId(),
    recipientUserId: userIdByStudent.get(application.studentId)!,
    channel: 'IN_APP' as const,
    eventType: 'application.created',
    eventId: null,
    link: '/applications',
    title: 'Candidature envoyée',
    body: `Votre candidature « ${offerById.get(application.offerId)!.title} » a bien été transmise.`,
    readAt: null,
    createdAt: application.submittedAt,
  }));

  const academicYear = now.getUTCMonth() >= 8 ? `${now.getUTCFullYear()}-${now.getUTCFullYear() + 1}` : `${now.getUTCFullYear() - 1}-${now.getUTCFullYear()}`;
  const placementReports = universities.map((university) => {
    const own = students.filter((student) => student.universityId === university.id);
    const ownIds = new Set(own.map((student) => student.id));
    const ownInternships = internships.filter((internship) => ownIds.has(internship.studentId));
    const stipends = ownInternships.map((internship) => offerById.get(internship.offerId)!.stipendCents).filter((value): value is number => value !== null);
    return {
      id: newId(),
      universityId: university.id,
      academicYear,
      studentCount: own.length,
      placedCount: ownInternships.length,
      applicationCount: applications.filter((application) => ownIds.has(application.studentId)).length,
      averageStipendCents: stipends.length ? Math.round(stipends.reduce((a, b) => a + b, 0) / stipends.length) : null,
      updatedAt: now,
    };
  });

  // One account per role to sign in with (the first of each), for the start-up banner.
  const demoAccounts = ['STUDENT', 'ENTERPRISE', 'UNIVERSITY_ADMIN', 'UNIVERSITY_SUPERVISOR', 'SYSTEM_ADMIN'].map((role) => {
    const user = users.find((candidate) => candidate.roles.includes(role) && (role !== 'ENTERPRISE' || enterprises.find((e) => e.id === candidate.enterpriseId)?.verificationStatus === 'VERIFIED'))!;
    return { role, email: user.email, userId: user.id };
  });

  // Students with a CV attached it to their applications (the enterprise may read it).
  const cvOf = new Map(documents.map((document) => [document.studentId, document.id]));
  const sent = applications.map((application) => ({ ...application, documentIds: cvOf.has(application.studentId) ? [cvOf.get(application.studentId)!] : [] }));

  return { demoAccounts, universities, enterprises, users, students, offers, applications: sent, internships, documents, notifications, placementReports };
}

export type DemoDataset = ReturnType<typeof buildDemoDataset>;
