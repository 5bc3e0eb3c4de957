import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../scripts/lib/platform.js';
import { SUPERGRAPH_PATH } from '../scripts/lib/supergraph.js';

const ROLES = ['ANONYMOUS', 'STUDENT', 'ENTERPRISE', 'UNIVERSITY_ADMIN', 'UNIVERSITY_SUPERVISOR', 'SYSTEM_ADMIN'] as const;
type Role = (typeof ROLES)[number];
type Outcome = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'BAD_USER_INPUT' | 'NOT_FOUND';

const A = 'allowed';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';
// Allowed to call, refused on its input: the caller got past authorization.
const B = 'BAD_USER_INPUT';
const N = 'NOT_FOUND';

/** Expected outcome per caller: anonymous, student, enterprise, university admin, supervisor, system admin. */
const row = (...outcomes: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]) =>
  Object.fromEntries(ROLES.map((role, index) => [role, outcomes[index]])) as Record<Role, Outcome>;

interface Fixtures {
  otherUser: string;
  otherStudent: string;
  applicantToEnterprise: string;
  supervisedStudent: string;
  sameUniversityStudent: string;
  anyEnterprise: string;
  anyUniversity: string;
  otherUniversity: string;
  publishedOffer: string;
  otherDraftOffer: string;
  otherApplication: string;
  otherInternship: string;
  otherDocument: string;
  otherNotification: string;
  otherReport: string;
  // Recruiting (enterprise verification, applying, evaluations, shortlists).
  ownEnterprise: string;
  submittedEnterprise: string;
  anotherSubmittedEnterprise: string;
  enterprisePublishedOffer: string;
  // Status changes (each row that changes one has its own fixture).
  otherSubmittedApplication: string;
  otherInterviewApplication: string;
  enterpriseApplication: string;
  ownApplication: string;
  anotherDraftOffer: string;
  otherPublishedOffer: string;
  otherClosedOffer: string;
  otherPlannedInternship: string;
  universityInternship: string;
}

interface Case {
  /** Root field (Query.x or Mutation.x) the case exercises. */
  field: string;
  name: string;
  document: (f: Fixtures) => string;
  expected: Record<Role, Outcome>;
}

// Every root operation of the supergraph has at least one row: the coverage test below fails otherwise.
const CASES: Case[] = [
  { field: 'Query.me', name: 'me', document: () => '{ me { id } }', expected: row(U, A, A, A, A, A) },
  { field: 'Query.user', name: 'user (someone else)', document: (f) => `{ user(id: "${f.otherUser}") { id email } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Query.users', name: 'users', document: () => '{ users(first: 5) { totalCount } }', expected: row(U, F, F, F, F, A) },
  { field: 'Query.student', name: 'student (another university)', document: (f) => `{ student(id: "${f.otherStudent}") { id email } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Query.student', name: 'student (the admin’s university)', document: (f) => `{ student(id: "${f.sameUniversityStudent}") { id email } }`, expected: row(U, F, F, A, F, A) },
  { field: 'Query.student', name: 'student (applied to the demo enterprise)', document: (f) => `{ student(id: "${f.applicantToEnterprise}") { id firstName skills { name level } } }`, expected: row(U, F, A, F, F, A) },
  { field: 'Query.students', name: 'students', document: () => '{ students(first: 5) { totalCount } }', expected: row(U, F, F, A, A, A) },
  { field: 'Query.student', name: 'student (followed by the demo supervisor)', document: (f) => `{ student(id: "${f.supervisedStudent}") { id email } }`, expected: row(U, F, F, A, A, A) },
  { field: 'Query.students', name: 'students (filtered)', document: () => '{ students(first: 5, filter: { program: "informatique", skills: ["excel"], placed: false }) { totalCount } }', expected: row(U, F, F, A, A, A) },
  { field: 'Query.students', name: 'students (malformed filter)', document: () => '{ students(first: 5, filter: { yearOfStudy: 0 }) { totalCount } }', expected: row(U, F, F, B, B, B) },
  { field: 'Student.preferences', name: 'Student.preferences (applied to the demo enterprise)', document: (f) => `{ student(id: "${f.applicantToEnterprise}") { id preferences { cities } } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Student.preferences', name: 'Student.preferences (the admin’s university)', document: (f) => `{ student(id: "${f.sameUniversityStudent}") { id preferences { cities } } }`, expected: row(U, F, F, A, F, A) },
  { field: 'Student.cv', name: 'Student.cv (the admin’s university)', document: (f) => `{ student(id: "${f.sameUniversityStudent}") { id cv { id } } }`, expected: row(U, F, F, A, F, A) },
  { field: 'Mutation.updateStudentProfile', name: 'updateStudentProfile (headline too long)', document: () => `mutation { updateStudentProfile(input: { headline: "${'x'.repeat(201)}" }) { id } }`, expected: row(U, B, F, F, F, F) },
  { field: 'Mutation.setStudentSkills', name: 'setStudentSkills (a skill twice)', document: () => 'mutation { setStudentSkills(skills: [{ name: "SQL", level: EXPERT }, { name: "sql", level: BEGINNER }]) { id } }', expected: row(U, B, F, F, F, F) },
  { field: 'Mutation.setStudentCv', name: 'setStudentCv (someone else’s document)', document: (f) => `mutation { setStudentCv(documentId: "${f.otherDocument}") { id } }`, expected: row(U, F, F, F, F, F) },
  { field: 'Query.enterprise', name: 'enterprise', document: (f) => `{ enterprise(id: "${f.anyEnterprise}") { id name } }`, expected: row(A, A, A, A, A, A) },
  { field: 'Query.enterprises', name: 'enterprises', document: () => '{ enterprises(first: 5) { totalCount } }', expected: row(A, A, A, A, A, A) },
  { field: 'Query.university', name: 'university', document: (f) => `{ university(id: "${f.anyUniversity}") { id name } }`, expected: row(A, A, A, A, A, A) },
  { field: 'Query.universities', name: 'universities', document: () => '{ universities(first: 5) { totalCount } }', expected: row(A, A, A, A, A, A) },
  { field: 'Query.offer', name: 'offer (published)', document: (f) => `{ offer(id: "${f.publishedOffer}") { id title } }`, expected: row(A, A, A, A, A, A) },
  { field: 'Query.offer', name: 'offer (another enterprise’s draft)', document: (f) => `{ offer(id: "${f.otherDraftOffer}") { id title } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Query.offers', name: 'offers (published)', document: () => '{ offers(first: 5) { totalCount } }', expected: row(A, A, A, A, A, A) },
  { field: 'Query.offers', name: 'offers (drafts)', document: () => '{ offers(first: 5, status: DRAFT) { totalCount } }', expected: row(U, F, A, F, F, A) },
  { field: 'Query.searchOffers', name: 'searchOffers (public)', document: () => '{ searchOffers(query: "stage", filter: { city: "Lyon", radiusKm: 50 }, first: 2) { totalCount facets { remote { value count } } edges { score node { id } } } }', expected: row(A, A, A, A, A, A) },
  { field: 'Mutation.createOffer', name: 'createOffer (title too short)', document: () => 'mutation { createOffer(input: { title: "ab", description: "Une mission de six mois.", city: "Lyon", startDate: "2099-01-04", durationMonths: 6, stipendCents: 80000 }) { id } }', expected: row(U, F, B, F, F, B) },
  { field: 'Mutation.updateOffer', name: 'updateOffer (another enterprise’s draft, title too short)', document: (f) => `mutation { updateOffer(id: "${f.otherDraftOffer}", input: { title: "ab" }) { id title } }`, expected: row(U, F, F, F, F, B) },
  { field: 'Query.mySavedSearches', name: 'mySavedSearches', document: () => '{ mySavedSearches { id name } }', expected: row(U, A, F, F, F, F) },
  { field: 'Mutation.saveSearch', name: 'saveSearch (blank name)', document: () => 'mutation { saveSearch(input: { name: " ", query: "stage" }) { id } }', expected: row(U, B, F, F, F, F) },
  { field: 'Mutation.deleteSavedSearch', name: 'deleteSavedSearch (unknown)', document: () => 'mutation { deleteSavedSearch(id: "0190c3a2-1111-7111-8111-111111111111") }', expected: row(U, N, F, F, F, F) },
  { field: 'Query.application', name: 'application (other parties’)', document: (f) => `{ application(id: "${f.otherApplication}") { id status } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Query.applications', name: 'applications', document: () => '{ applications(first: 5) { totalCount } }', expected: row(U, A, A, A, F, A) },
  { field: 'Query.internship', name: 'internship (other parties’)', document: (f) => `{ internship(id: "${f.otherInternship}") { id status } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Query.internships', name: 'internships', document: () => '{ internships(first: 5) { totalCount } }', expected: row(U, A, A, A, A, A) },
  { field: 'Query.document', name: 'document (someone else’s)', document: (f) => `{ document(id: "${f.otherDocument}") { id fileName } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Query.documents', name: 'documents', document: () => '{ documents(first: 5) { totalCount } }', expected: row(U, A, A, A, A, A) },
  { field: 'Query.documentContent', name: 'documentContent (someone else’s)', document: (f) => `{ documentContent(id: "${f.otherDocument}") { contentBase64 } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Mutation.uploadDocument', name: 'uploadDocument (not a PDF)', document: () => 'mutation { uploadDocument(input: { kind: CV, filename: "cv.pdf", contentType: "application/pdf", contentBase64: "PGh0bWw+" }) { id } }', expected: row(U, B, B, B, B, B) },
  { field: 'Query.notification', name: 'notification (someone else’s)', document: (f) => `{ notification(id: "${f.otherNotification}") { id title } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Query.notifications', name: 'notifications', document: () => '{ notifications(first: 5) { totalCount } }', expected: row(U, A, A, A, A, A) },
  { field: 'Query.myNotifications', name: 'myNotifications', document: () => '{ myNotifications(first: 5, unreadOnly: true) { totalCount } }', expected: row(U, A, A, A, A, A) },
  { field: 'Query.unreadNotificationCount', name: 'unreadNotificationCount', document: () => '{ unreadNotificationCount }', expected: row(U, A, A, A, A, A) },
  { field: 'Mutation.markNotificationRead', name: 'markNotificationRead (someone else’s)', document: (f) => `mutation { markNotificationRead(id: "${f.otherNotification}") { id title } }`, expected: row(U, F, F, F, F, F) },
  { field: 'Mutation.markAllNotificationsRead', name: 'markAllNotificationsRead', document: () => 'mutation { markAllNotificationsRead }', expected: row(U, A, A, A, A, A) },
  { field: 'Mutation.sendNotification', name: 'sendNotification', document: (f) => `mutation { sendNotification(input: { recipientUserIds: ["${f.otherUser}"], title: "Matrice", body: "Message de test." }) { recipientCount } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Query.myNotificationPreferences', name: 'myNotificationPreferences', document: () => '{ myNotificationPreferences { digest preferences { eventType channel enabled } } }', expected: row(U, A, A, A, A, A) },
  { field: 'Mutation.setNotificationPreference', name: 'setNotificationPreference', document: () => 'mutation { setNotificationPreference(eventType: "application.created", channel: PUSH, enabled: false) { enabled } }', expected: row(U, A, A, A, A, A) },
  { field: 'Mutation.setNotificationPreference', name: 'setNotificationPreference (unknown event type)', document: () => 'mutation { setNotificationPreference(eventType: "offer.nothing", channel: EMAIL, enabled: false) { enabled } }', expected: row(U, B, B, B, B, B) },
  { field: 'Mutation.setNotificationDigest', name: 'setNotificationDigest', document: () => 'mutation { setNotificationDigest(frequency: NONE) { digest } }', expected: row(U, A, A, A, A, A) },
  { field: 'Query.webPushPublicKey', name: 'webPushPublicKey (public)', document: () => '{ webPushPublicKey }', expected: row(A, A, A, A, A, A) },
  { field: 'Mutation.registerPushSubscription', name: 'registerPushSubscription (malformed endpoint)', document: () => 'mutation { registerPushSubscription(input: { endpoint: "not a url", p256dh: "x", auth: "y" }) { id } }', expected: row(U, B, B, B, B, B) },
  { field: 'Mutation.removePushSubscription', name: 'removePushSubscription (not registered)', document: () => 'mutation { removePushSubscription(endpoint: "https://push.example.invalid/none") }', expected: row(U, A, A, A, A, A) },
  { field: 'Query.placementReport', name: 'placementReport (another university)', document: (f) => `{ placementReport(id: "${f.otherReport}") { id studentCount } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Query.placementReports', name: 'placementReports', document: () => '{ placementReports(first: 5) { totalCount } }', expected: row(U, F, F, A, A, A) },
  // Fields that expose another party's data, reached through public entities.
  { field: 'University.students', name: 'University.students (another university)', document: (f) => `{ university(id: "${f.otherUniversity}") { students(first: 2) { totalCount } } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Offer.applications', name: 'Offer.applications', document: (f) => `{ offer(id: "${f.publishedOffer}") { applications(first: 2) { totalCount } } }`, expected: row(U, A, A, A, F, A) },
  { field: 'Student.recommendedOffers', name: 'Student.recommendedOffers (the admin’s university)', document: (f) => `{ student(id: "${f.sameUniversityStudent}") { id recommendedOffers(first: 2) { score reasons { kind } offer { id } } } }`, expected: row(U, F, F, A, F, A) },
  { field: 'Offer.applicationCounts', name: 'Offer.applicationCounts (the demo enterprise’s offer)', document: (f) => `{ offer(id: "${f.enterprisePublishedOffer}") { applicationCounts { count } } }`, expected: row(U, F, A, F, F, A) },
  { field: 'Offer.applicationCounts', name: 'Offer.applicationCounts (another enterprise’s offer)', document: (f) => `{ offer(id: "${f.otherPublishedOffer}") { applicationCounts { count } } }`, expected: row(U, F, F, F, F, A) },
  // Recruiting: refused input shows who gets past authorization without changing anything.
  { field: 'Mutation.updateEnterpriseProfile', name: 'updateEnterpriseProfile (the demo enterprise, bad NAF code)', document: (f) => `mutation { updateEnterpriseProfile(id: "${f.ownEnterprise}", input: { nafCode: "6201Z" }) { id } }`, expected: row(U, F, B, F, F, B) },
  { field: 'Mutation.updateEnterpriseProfile', name: 'updateEnterpriseProfile (another enterprise, bad NAF code)', document: (f) => `mutation { updateEnterpriseProfile(id: "${f.submittedEnterprise}", input: { nafCode: "6201Z" }) { id } }`, expected: row(U, F, F, F, F, B) },
  { field: 'Mutation.requestEnterpriseVerification', name: 'requestEnterpriseVerification (another enterprise)', document: (f) => `mutation { requestEnterpriseVerification(id: "${f.submittedEnterprise}") { id verificationStatus } }`, expected: row(U, F, F, F, F, F) },
  { field: 'Query.enterprisesAwaitingVerification', name: 'enterprisesAwaitingVerification', document: () => '{ enterprisesAwaitingVerification(first: 5) { totalCount } }', expected: row(U, F, F, F, F, A) },
  { field: 'Mutation.rejectEnterprise', name: 'rejectEnterprise (submitted, reason too long)', document: (f) => `mutation { rejectEnterprise(id: "${f.submittedEnterprise}", reason: "${'x'.repeat(1001)}") { id verificationStatus } }`, expected: row(U, F, F, F, F, B) },
  { field: 'Mutation.verifyEnterprise', name: 'verifyEnterprise (submitted)', document: (f) => `mutation { verifyEnterprise(id: "${f.anotherSubmittedEnterprise}") { id verificationStatus } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Mutation.applyToOffer', name: 'applyToOffer (cover letter too long)', document: (f) => `mutation { applyToOffer(input: { offerId: "${f.publishedOffer}", coverLetter: "${'x'.repeat(5001)}" }) { id status } }`, expected: row(U, B, F, F, F, F) },
  { field: 'Mutation.evaluateApplication', name: 'evaluateApplication (to the demo enterprise, score out of range)', document: (f) => `mutation { evaluateApplication(applicationId: "${f.enterpriseApplication}", input: { scores: [{ criterion: "Motivation", score: 6 }] }) { id } }`, expected: row(U, F, B, F, F, F) },
  { field: 'Query.shortlists', name: 'shortlists', document: () => '{ shortlists(first: 5) { totalCount } }', expected: row(U, F, A, F, F, F) },
  { field: 'Mutation.createShortlist', name: 'createShortlist (blank name)', document: () => 'mutation { createShortlist(name: " ") { id } }', expected: row(U, F, B, F, F, F) },
  { field: 'Mutation.addToShortlist', name: 'addToShortlist (unknown shortlist)', document: (f) => `mutation { addToShortlist(shortlistId: "0190c3a2-1111-7111-8111-111111111111", applicationId: "${f.enterpriseApplication}") { id } }`, expected: row(U, F, N, F, F, F) },
  { field: 'Mutation.removeFromShortlist', name: 'removeFromShortlist (unknown shortlist)', document: (f) => `mutation { removeFromShortlist(shortlistId: "0190c3a2-1111-7111-8111-111111111111", applicationId: "${f.enterpriseApplication}") { id } }`, expected: row(U, F, N, F, F, F) },
  { field: 'Mutation.deleteShortlist', name: 'deleteShortlist (unknown)', document: () => 'mutation { deleteShortlist(id: "0190c3a2-1111-7111-8111-111111111111") }', expected: row(U, F, N, F, F, F) },
  // Public mutations answer everyone alike: here, with a wrong password or an unknown token.
  { field: 'Mutation.login', name: 'login (wrong password)', document: () => 'mutation { login(email: "admin@stages.example", password: "wrong password!") { accessToken } }', expected: row(U, U, U, U, U, U) },
  { field: 'Mutation.refreshSession', name: 'refreshSession (unknown token)', document: () => 'mutation { refreshSession(refreshToken: "unknown") { accessToken } }', expected: row(U, U, U, U, U, U) },
  { field: 'Mutation.logout', name: 'logout (unknown token)', document: () => 'mutation { logout(refreshToken: "unknown") }', expected: row(A, A, A, A, A, A) },
  { field: 'Mutation.requestPasswordReset', name: 'requestPasswordReset', document: () => 'mutation { requestPasswordReset(email: "nobody@stages.example") { accepted } }', expected: row(A, A, A, A, A, A) },
  { field: 'Mutation.resetPassword', name: 'resetPassword (unknown token)', document: () => 'mutation { resetPassword(token: "unknown", password: "a new long password") }', expected: row(U, U, U, U, U, U) },
  { field: 'Mutation.createOAuthClient', name: 'createOAuthClient', document: () => 'mutation { createOAuthClient(input: { name: "ERP test", scopes: ["students:read"] }) { clientId } }', expected: row(U, F, F, F, F, A) },
  { field: 'Mutation.beginTotpSetup', name: 'beginTotpSetup', document: () => 'mutation { beginTotpSetup { otpauthUri } }', expected: row(U, A, A, A, A, A) },
  { field: 'Mutation.confirmTotpSetup', name: 'confirmTotpSetup (malformed code)', document: () => 'mutation { confirmTotpSetup(code: "abc") }', expected: row(U, B, B, B, B, B) },
  { field: 'Mutation.disableTotp', name: 'disableTotp (wrong code)', document: () => 'mutation { disableTotp(code: "000000") }', expected: row(U, B, B, B, B, B) },
  { field: 'Mutation.completeSecondFactor', name: 'completeSecondFactor (unknown ticket)', document: () => 'mutation { completeSecondFactor(ticket: "unknown", code: "000000") { accessToken } }', expected: row(U, U, U, U, U, U) },
  { field: 'Mutation.rotateSigningKey', name: 'rotateSigningKey', document: () => 'mutation { rotateSigningKey { kid } }', expected: row(U, F, F, F, F, A) },
  { field: 'Mutation.inviteUniversityStaff', name: 'inviteUniversityStaff (to the admin’s university)', document: (f) => `mutation { inviteUniversityStaff(input: { email: "staff.${Date.now()}.${Math.random().toString(36).slice(2)}@univ.example", displayName: "Nouvel Enseignant", role: UNIVERSITY_SUPERVISOR, universityId: "${f.anyUniversity}" }) { id } }`, expected: row(U, F, F, A, F, A) },
  { field: 'Mutation.inviteUniversityStaff', name: 'inviteUniversityStaff (to another university)', document: (f) => `mutation { inviteUniversityStaff(input: { email: "staff.${Date.now()}.${Math.random().toString(36).slice(2)}@univ.example", displayName: "Nouvel Enseignant", role: UNIVERSITY_ADMIN, universityId: "${f.otherUniversity}" }) { id } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Mutation.acceptInvitation', name: 'acceptInvitation (unknown token)', document: () => 'mutation { acceptInvitation(token: "unknown", password: "a long password here") { id } }', expected: row(U, U, U, U, U, U) },
  { field: 'Mutation.registerEnterprise', name: 'registerEnterprise (invalid SIRET)', document: () => 'mutation { registerEnterprise(input: { email: "rh@new.example", password: "correct horse battery", displayName: "RH", enterprise: { name: "New", legalName: "New SAS", siret: "12345678901234", nafCode: "62.01Z", sector: "Informatique", city: "Lyon", headcount: 12 } }) { accepted } }', expected: row(B, B, B, B, B, B) },
  { field: 'Mutation.setUserRoles', name: 'setUserRoles (someone else)', document: (f) => `mutation { setUserRoles(userId: "${f.otherUser}", roles: [STUDENT]) { id } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Mutation.setUserStatus', name: 'setUserStatus (someone else)', document: (f) => `mutation { setUserStatus(userId: "${f.otherUser}", status: ACTIVE) { id } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Query.membershipRequests', name: 'membershipRequests', document: () => '{ membershipRequests(first: 5) { totalCount } }', expected: row(U, F, A, F, F, A) },
  { field: 'Mutation.decideMembershipRequest', name: 'decideMembershipRequest (unknown)', document: () => 'mutation { decideMembershipRequest(id: "0190c3a2-1111-7111-8111-111111111111", approve: true) { id } }', expected: row(N, N, N, N, N, N) },
  { field: 'Mutation.verifyEmail', name: 'verifyEmail (unknown token)', document: () => 'mutation { verifyEmail(token: "unknown") { id } }', expected: row(U, U, U, U, U, U) },
  { field: 'Mutation.registerStudent', name: 'registerStudent', document: (f) => `mutation { registerStudent(input: { email: "matrix.${Date.now()}.${Math.random().toString(36).slice(2)}@etu.stages.example", password: "correct horse battery", displayName: "Matrix Test", universityId: "${f.anyUniversity}" }) { accepted } }`, expected: row(A, A, A, A, A, A) },
  // Status changes: a too-long reason or reversed dates show who gets past authorization without changing anything.
  { field: 'Mutation.changeApplicationStatus', name: 'changeApplicationStatus (other parties’, SUBMITTED → SHORTLISTED)', document: (f) => `mutation { changeApplicationStatus(id: "${f.otherSubmittedApplication}", status: SHORTLISTED) { id status } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Mutation.changeApplicationStatus', name: 'changeApplicationStatus (to the demo enterprise, reason too long)', document: (f) => `mutation { changeApplicationStatus(id: "${f.enterpriseApplication}", status: REJECTED, reason: "${'x'.repeat(1001)}") { id status } }`, expected: row(U, F, B, F, F, B) },
  { field: 'Mutation.withdrawApplication', name: 'withdrawApplication (own, reason too long)', document: (f) => `mutation { withdrawApplication(id: "${f.ownApplication}", reason: "${'x'.repeat(1001)}") { id status } }`, expected: row(U, B, F, F, F, B) },
  { field: 'Mutation.withdrawApplication', name: 'withdrawApplication (other parties’, INTERVIEW)', document: (f) => `mutation { withdrawApplication(id: "${f.otherInterviewApplication}") { id status } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Mutation.publishOffer', name: 'publishOffer (another enterprise’s draft)', document: (f) => `mutation { publishOffer(id: "${f.anotherDraftOffer}") { id status } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Mutation.closeOffer', name: 'closeOffer (another enterprise’s)', document: (f) => `mutation { closeOffer(id: "${f.otherPublishedOffer}") { id status } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Mutation.archiveOffer', name: 'archiveOffer (another enterprise’s closed offer)', document: (f) => `mutation { archiveOffer(id: "${f.otherClosedOffer}") { id status } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Mutation.startInternship', name: 'startInternship (other parties’)', document: (f) => `mutation { startInternship(id: "${f.otherPlannedInternship}") { id status } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Mutation.completeInternship', name: 'completeInternship (unknown)', document: () => 'mutation { completeInternship(id: "0190c3a2-1111-7111-8111-111111111111") { id status } }', expected: row(N, N, N, N, N, N) },
  { field: 'Mutation.rescheduleInternship', name: 'rescheduleInternship (the admin’s university, reversed dates)', document: (f) => `mutation { rescheduleInternship(id: "${f.universityInternship}", startDate: "2026-06-01", endDate: "2026-05-01") { id status } }`, expected: row(U, F, F, B, F, B) },
  { field: 'Mutation.assignInternshipSupervisor', name: 'assignInternshipSupervisor (the admin’s university, malformed account id)', document: (f) => `mutation { assignInternshipSupervisor(id: "${f.universityInternship}", supervisorUserId: "nobody") { id status } }`, expected: row(U, F, F, B, F, B) },
  { field: 'Mutation.assignInternshipSupervisor', name: 'assignInternshipSupervisor (other parties’)', document: (f) => `mutation { assignInternshipSupervisor(id: "${f.otherPlannedInternship}", supervisorUserId: "${f.otherUser}") { id status } }`, expected: row(U, F, F, F, F, A) },
  { field: 'Query.activityReport', name: 'activityReport', document: () => '{ activityReport(from: "2026-01-01", to: "2026-12-31") { day type count } }', expected: row(U, F, F, F, F, A) },
  { field: 'Query.activityReport', name: 'activityReport (reversed dates)', document: () => '{ activityReport(from: "2026-12-31", to: "2026-01-01") { day type count } }', expected: row(U, F, F, F, F, B) },
];

describe('authorization matrix', () => {
  let platform: RunningPlatform;
  let dataDir = '';
  const tokens = new Map<Role, string | undefined>();
  let fixtures: Fixtures;

  async function gql(document: string, token?: string) {
    const response = await fetch(platform.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: document }),
    });
    return (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  }

  async function sql<T>(subgraph: string, query: string, params: unknown[] = []): Promise<T[]> {
    return platform.subgraphs.get(subgraph)!.db.orm.em.fork().getConnection().execute<T[]>(query, params);
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'stages-matrix-'));
    platform = await startPlatform({ PATH: process.env.PATH, STAGES_DATA_DIR: dataDir, STAGES_FREE_PORTS: 'true', STAGES_SERVE_CLIENT: 'false', LOG_LEVEL: 'error' });
    tokens.set('ANONYMOUS', undefined);
    const demoIds: string[] = [];
    for (const account of platform.demoAccounts!.accounts) {
      const result = await gql(`mutation { login(email: "${account.email}", password: "${platform.demoAccounts!.password}") { accessToken user { id } } }`);
      const login = result.data!.login as { accessToken: string; user: { id: string } };
      tokens.set(account.role as Role, login.accessToken);
      demoIds.push(login.user.id);
    }
    const [demo] = await sql<{ student_id: string; university_id: string }>('auth', `select student_id, university_id from auth."user" where id = ?`, [demoIds[0]]);
    const [enterprise] = await sql<{ enterprise_id: string }>('auth', `select enterprise_id from auth."user" where id = ?`, [demoIds[1]]);
    const university = demo!.university_id;
    const one = async (subgraph: string, query: string, params: unknown[] = []) => {
      const [found] = await sql<{ id: string }>(subgraph, `${query} order by id limit 1`, params);
      if (!found) throw new Error(`no fixture for: ${query}`);
      return found.id;
    };
    fixtures = {
      otherUser: await one('auth', `select id from auth."user" where id not in (?)`, [demoIds]),
      otherStudent: await one('students', 'select id from students.student where university_id <> ?', [university]),
      supervisedStudent: await one('internships', 'select student_id as id from internships.internship where supervisor_user_id = ? and student_id <> ?', [demoIds[3], demo!.student_id]),
      applicantToEnterprise: await one('applications', 'select student_id as id from applications.application where enterprise_id = ? and university_id <> ? and student_id <> ?', [enterprise!.enterprise_id, university, demo!.student_id]),
      sameUniversityStudent: await one('students', 'select id from students.student where university_id = ? and id <> ?', [university, demo!.student_id]),
      anyEnterprise: await one('enterprises', 'select id from enterprises.enterprise'),
      anyUniversity: university,
      otherUniversity: await one('universities', 'select id from universities.university where id <> ?', [university]),
      publishedOffer: await one('offers', `select id from offers.offer where status = 'PUBLISHED'`),
      otherDraftOffer: await one('offers', `select id from offers.offer where status = 'DRAFT' and enterprise_id <> ?`, [enterprise!.enterprise_id]),
      otherApplication: await one('applications', 'select id from applications.application where student_id <> ? and enterprise_id <> ? and university_id <> ?', [demo!.student_id, enterprise!.enterprise_id, university]),
      otherInternship: await one('internships', 'select id from internships.internship where student_id <> ? and enterprise_id <> ? and university_id <> ?', [demo!.student_id, enterprise!.enterprise_id, university]),
      otherDocument: await one('documents', 'select id from documents.document where owner_id not in (?) and (university_id is null or university_id <> ?)', [demoIds, university]),
      otherNotification: await one('notifications', 'select id from notifications.notification where recipient_user_id not in (?)', [demoIds]),
      otherReport: await one('reports', 'select id from reports.placement_report where university_id <> ?', [university]),
      ownEnterprise: enterprise!.enterprise_id,
      submittedEnterprise: await one('enterprises', `select id from enterprises.enterprise where verification_status = 'SUBMITTED' and id <> ?`, [enterprise!.enterprise_id]),
      anotherSubmittedEnterprise: await one('enterprises', `select id from enterprises.enterprise where verification_status = 'SUBMITTED' and id <> (select id from enterprises.enterprise where verification_status = 'SUBMITTED' order by id limit 1)`),
      enterprisePublishedOffer: await one('offers', `select id from offers.offer where status = 'PUBLISHED' and enterprise_id = ?`, [enterprise!.enterprise_id]),
      otherSubmittedApplication: await one('applications', `select id from applications.application where status = 'SUBMITTED' and student_id <> ? and enterprise_id <> ? and university_id <> ?`, [demo!.student_id, enterprise!.enterprise_id, university]),
      otherInterviewApplication: await one('applications', `select id from applications.application where status = 'INTERVIEW' and student_id <> ? and enterprise_id <> ? and university_id <> ?`, [demo!.student_id, enterprise!.enterprise_id, university]),
      enterpriseApplication: await one('applications', 'select id from applications.application where enterprise_id = ? and university_id <> ? and student_id <> ?', [enterprise!.enterprise_id, university, demo!.student_id]),
      ownApplication: await one('applications', 'select id from applications.application where student_id = ?', [demo!.student_id]),
      // Of a verified enterprise: only those publish.
      anotherDraftOffer: await one('offers', `select id from offers.offer where status = 'DRAFT' and enterprise_id <> ? and enterprise_id in (select enterprise_id from offers.enterprise_profile where verification_status = 'VERIFIED') and id <> (select id from offers.offer where status = 'DRAFT' and enterprise_id <> ? order by id limit 1)`, [enterprise!.enterprise_id, enterprise!.enterprise_id]),
      otherPublishedOffer: await one('offers', `select id from offers.offer where status = 'PUBLISHED' and enterprise_id <> ? and id <> (select id from offers.offer where status = 'PUBLISHED' order by id limit 1)`, [enterprise!.enterprise_id]),
      otherClosedOffer: await one('offers', `select id from offers.offer where status = 'CLOSED' and enterprise_id <> ?`, [enterprise!.enterprise_id]),
      otherPlannedInternship: await one('internships', `select id from internships.internship where status = 'PLANNED' and student_id <> ? and enterprise_id <> ? and university_id <> ? and id <> (select id from internships.internship where student_id <> ? and enterprise_id <> ? and university_id <> ? order by id limit 1)`, [demo!.student_id, enterprise!.enterprise_id, university, demo!.student_id, enterprise!.enterprise_id, university]),
      universityInternship: await one('internships', 'select id from internships.internship where university_id = ? and student_id <> ? and enterprise_id <> ?', [university, demo!.student_id, enterprise!.enterprise_id]),
    };
  });

  afterAll(async () => {
    await platform?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should have a row for every root operation of the supergraph', async () => {
    const document = parse(await readFile(SUPERGRAPH_PATH, 'utf8'));
    const roots = document.definitions
      .filter((definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION && ['Query', 'Mutation'].includes(definition.name.value))
      .flatMap((type) => (type.fields ?? []).map((field) => `${type.name.value}.${field.name.value}`));
    const covered = new Set(CASES.map((entry) => entry.field));
    expect(roots.filter((field) => !covered.has(field)), 'root operations without a row in the matrix').toEqual([]);
  });

  describe.each(CASES.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    it.each(ROLES.map((role) => [role, entry.expected[role]] as const))('as %s: %s', async (role, expected) => {
      const result = await gql(entry.document(fixtures), tokens.get(role));
      const codes = (result.errors ?? []).map((error) => error.extensions?.code);
      if (expected === 'allowed') {
        expect(codes.filter((code) => code === 'FORBIDDEN' || code === 'UNAUTHENTICATED'), JSON.stringify(result.errors)).toEqual([]);
        expect(result.data, JSON.stringify(result)).toBeTruthy();
      } else {
        expect(codes[0], JSON.stringify(result)).toBe(expected);
        expect(JSON.stringify(result.data ?? null)).not.toMatch(/@|"status"|"title"|"fileName"|"studentCount"/);
      }
    });
  });

  it('should show an enterprise its applicants’ public fields, never their private ones', async () => {
    const result = await gql(
      `{ applications(first: 50) { edges { node { student { id firstName email city skills { name level } } } } } }`,
      tokens.get('ENTERPRISE'),
    );
    expect(result.errors).toBeUndefined();
    const students = (result.data!.applications as { edges: Array<{ node: { student: { firstName: string; email: string | null; city: string | null; skills: Array<{ name: string; level: string }> } } }> }).edges.map((edge) => edge.node.student);
    expect(students.length).toBeGreaterThan(0);
    for (const student of students) {
      expect(student.firstName).toBeTruthy();
      expect(student.email).toBeNull();
      expect(student.city).toBeNull();
    }
  });

  it('should refuse _entities asking a subgraph directly for another student’s private data', async () => {
    const response = await fetch(platform.subgraphs.get('students')!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-internal-secret': platform.auth.internalSecret, authorization: `Bearer ${tokens.get('STUDENT')}` },
      body: JSON.stringify({
        query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Student { id email } } }',
        variables: { r: [{ __typename: 'Student', id: fixtures.otherStudent }] },
      }),
    });
    const body = (await response.json()) as { data?: { _entities: unknown[] }; errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(body.data?._entities).toEqual([null]);
  });
});
