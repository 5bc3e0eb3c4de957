import { describe, expect, it } from 'vitest';
import { emailText, formatDate, NOTIFYING_EVENT_TYPES, renderDigest, renderMessage, statusLabel } from '../src/notification/templates.js';
import { localClock } from '../src/delivery/digest.js';

const ID = '0190c3a2-1111-7111-8111-111111111111';
const transition = (to: string, reason: string | null = null) => ({
  applicationId: ID, studentId: ID, offerId: ID, enterpriseId: ID, universityId: null, from: 'SUBMITTED', to, reason, actorUserId: ID,
});
const internship = { internshipId: ID, studentId: ID, enterpriseId: ID, universityId: null, supervisorUserId: ID, status: 'ONGOING', startDate: '2026-03-02', endDate: '2026-08-28' };

describe('notification templates', () => {
  it('should write the step of an application in the recipient’s language', () => {
    expect(renderMessage('application.interview-scheduled', transition('INTERVIEW'), 'student', 'fr')).toEqual({
      title: 'Entretien programmé',
      body: 'Votre candidature est passée à l’étape « Entretien ».',
      link: '/applications',
    });
    expect(renderMessage('application.interview-scheduled', transition('INTERVIEW'), 'student', 'en').body).toBe('Your application moved to the “Interview” stage.');
  });

  it('should add the reason when the person who changed the status gave one', () => {
    expect(renderMessage('application.rejected', transition('REJECTED', 'Poste pourvu'), 'student', 'fr').body).toBe(
      'Votre candidature est passée à l’étape « Refusée ».\nMotif : Poste pourvu',
    );
    expect(renderMessage('application.rejected', transition('REJECTED', '  '), 'student', 'en').body).not.toMatch(/Reason/);
  });

  it('should write to recruiters differently from students', () => {
    expect(renderMessage('application.accepted', transition('ACCEPTED'), 'recruiter', 'fr').title).toBe('Proposition acceptée');
    expect(renderMessage('application.withdrawn', transition('WITHDRAWN'), 'recruiter', 'en').body).toBe('A candidate withdrew their application to one of your offers.');
    expect(renderMessage('internship.started', internship, 'supervisor', 'fr').body).toBe('Un stage dont vous êtes l’enseignant·e référent·e a commencé le 2 mars 2026.');
    expect(renderMessage('internship.supervisor-assigned', internship, 'student', 'en').body).toBe('A referent teacher now follows your internship (from 2 March 2026 to 28 August 2026).');
  });

  it('should have a French and an English text for every notifying event type, naming no offer or enterprise', () => {
    const samples: Record<string, unknown> = {
      'application.created': { applicationId: ID, studentId: ID, offerId: ID, enterpriseId: ID, universityId: null },
      'enterprise.member-approved': { enterpriseId: ID, userId: ID, requestId: ID },
      'notification.requested': { requestedBy: ID, recipientUserIds: [ID], title: 'Maintenance', body: 'Ce soir.' },
      'offer.matched-saved-search': { savedSearchId: ID, userId: ID, offerId: ID, title: 'Stage développeur·se', searchName: 'Lyon TypeScript' },
    };
    for (const type of NOTIFYING_EVENT_TYPES) {
      const data = samples[type] ?? (type.startsWith('internship.') ? internship : transition('OFFERED'));
      const [fr, en] = [renderMessage(type, data, 'student', 'fr'), renderMessage(type, data, 'student', 'en')];
      expect(fr.title.length, type).toBeGreaterThan(0);
      expect(en.body.length, type).toBeGreaterThan(0);
      if (type !== 'notification.requested') expect(fr.title, type).not.toBe(en.title);
    }
  });

  it('should keep an administrator’s message as written', () => {
    expect(renderMessage('notification.requested', { requestedBy: ID, recipientUserIds: [ID], title: 'Maintenance', body: 'Ce soir à 22 h.' }, 'recipient', 'en')).toEqual({ title: 'Maintenance', body: 'Ce soir à 22 h.', link: null });
  });

  it('should show an unknown status as it came and dates by locale', () => {
    expect(statusLabel('ON_HOLD', 'fr')).toBe('ON_HOLD');
    expect(formatDate('2026-12-01', 'fr')).toBe('1 décembre 2026');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });

  it('should link e-mails to the web client and to the settings', () => {
    const text = emailText({ title: 'T', body: 'Corps', link: '/applications' }, 'fr', 'https://stages.example/');
    expect(text).toContain('Voir sur Stages : https://stages.example/applications');
    expect(text).toContain('https://stages.example/account');
  });

  it('should gather a digest with a count in its subject', () => {
    const items = [
      { title: 'Nouvelle candidature', body: 'A', createdAt: new Date('2026-03-02T08:00:00Z') },
      { title: 'Entretien programmé', body: 'B', createdAt: new Date('2026-03-02T09:30:00Z') },
    ];
    const fr = renderDigest(items, 'fr', 'Europe/Paris', 'http://127.0.0.1:4000');
    expect(fr.subject).toBe('Stages : votre résumé du jour (2 notifications)');
    expect(fr.text).toContain('• Entretien programmé');
    expect(renderDigest(items.slice(0, 1), 'en', 'Europe/Paris', 'http://x', 3).text).toContain('(2 earlier notifications in Stages)');
  });
});

describe('digest clock', () => {
  it('should read the local date and hour in the digest time zone', () => {
    expect(localClock(new Date('2026-01-15T06:30:00Z'), 'Europe/Paris')).toEqual({ date: '2026-01-15', hour: 7 });
    expect(localClock(new Date('2026-07-15T04:59:00Z'), 'Europe/Paris')).toEqual({ date: '2026-07-15', hour: 6 });
    expect(localClock(new Date('2026-07-15T23:30:00Z'), 'Europe/Paris')).toEqual({ date: '2026-07-16', hour: 1 });
  });
});
