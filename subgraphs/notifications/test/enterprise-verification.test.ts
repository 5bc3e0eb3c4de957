import { describe, expect, it } from 'vitest';
import { NOTIFYING_EVENT_TYPES, renderMessage } from '../src/notification/templates.js';

const ID = '0190c3a2-1111-7111-8111-111111111111';

describe('enterprise verification notifications', () => {
  it('should tell recruiters their enterprise was verified, in their language', () => {
    expect(NOTIFYING_EVENT_TYPES).toEqual(expect.arrayContaining(['enterprise.verified', 'enterprise.rejected']));
    const fr = renderMessage('enterprise.verified', { enterpriseId: ID, decidedBy: ID }, 'recruiter', 'fr');
    expect(fr).toEqual({ title: 'Entreprise vérifiée', body: 'Stages a vérifié votre entreprise : vous pouvez publier vos offres de stage.', link: '/offers' });
    expect(renderMessage('enterprise.verified', { enterpriseId: ID, decidedBy: ID }, 'recruiter', 'en').title).toBe('Enterprise verified');
  });

  it('should ask the administrators to review an enterprise that requested verification, with a link to the queue', () => {
    expect(NOTIFYING_EVENT_TYPES).toContain('enterprise.verification-requested');
    const data = { enterpriseId: ID, requestedBy: ID };
    expect(renderMessage('enterprise.verification-requested', data, 'administrator', 'fr')).toEqual({
      title: 'Entreprise à vérifier',
      body: 'Une entreprise a complété son profil et demande à être vérifiée avant de publier ses offres.',
      link: '/admin/enterprises',
    });
    expect(renderMessage('enterprise.verification-requested', data, 'administrator', 'en').title).toBe('Enterprise to verify');
  });

  it('should give the administrator’s reason for a rejection', () => {
    const data = { enterpriseId: ID, decidedBy: ID, reason: 'Le Kbis fourni date de plus de trois mois.' };
    expect(renderMessage('enterprise.rejected', data, 'recruiter', 'fr')).toEqual({
      title: 'Vérification refusée',
      body: 'La vérification de votre entreprise a été refusée. Corrigez son profil puis demandez une nouvelle vérification.\nMotif : Le Kbis fourni date de plus de trois mois.',
      link: null,
    });
    expect(renderMessage('enterprise.rejected', data, 'recruiter', 'en').body).toMatch(/^The verification of your enterprise was declined\..*\nReason: Le Kbis/s);
  });
});
