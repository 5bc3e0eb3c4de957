import type { EventData, EventType } from '@stages/platform';
import type { Locale } from '../recipient/recipient.entity.js';

/** Event types that notify someone: the ones a person can turn on or off per channel. */
export const NOTIFYING_EVENT_TYPES = [
  'application.created',
  'application.shortlisted',
  'application.interview-scheduled',
  'application.offered',
  'application.accepted',
  'application.rejected',
  'application.withdrawn',
  'internship.started',
  'internship.completed',
  'internship.supervisor-assigned',
  'enterprise.member-approved',
  'enterprise.verification-requested',
  'enterprise.verified',
  'enterprise.rejected',
  'notification.requested',
  'offer.matched-saved-search',
] as const satisfies readonly EventType[];

export type NotifyingEventType = (typeof NOTIFYING_EVENT_TYPES)[number];

export const isNotifyingEventType = (type: string): type is NotifyingEventType => (NOTIFYING_EVENT_TYPES as readonly string[]).includes(type);

/** Who a message is written for: the same event reads differently for the student and for the enterprise. */
export type Audience = 'student' | 'recruiter' | 'supervisor' | 'member' | 'administrator' | 'recipient';

export interface Message {
  title: string;
  body: string;
  /** Path in the web client, or null when there is no page for it yet. */
  link: string | null;
}

type Text = Record<Locale, string>;

const STATUS_LABELS: Record<string, Text> = {
  SUBMITTED: { fr: 'Envoyée', en: 'Submitted' },
  SHORTLISTED: { fr: 'Présélectionnée', en: 'Shortlisted' },
  INTERVIEW: { fr: 'Entretien', en: 'Interview' },
  OFFERED: { fr: 'Proposition', en: 'Offer' },
  ACCEPTED: { fr: 'Acceptée', en: 'Accepted' },
  REJECTED: { fr: 'Refusée', en: 'Rejected' },
  WITHDRAWN: { fr: 'Retirée', en: 'Withdrawn' },
};

/** A status as people read it; an unknown one (a newer producer) as it came. */
export const statusLabel = (status: string, locale: Locale): string => STATUS_LABELS[status]?.[locale] ?? status;

/** A plain date (YYYY-MM-DD) in the recipient's language, e.g. "2 mars 2026" or "2 March 2026". */
export function formatDate(date: string, locale: Locale): string {
  const value = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(value.getTime())) return date;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(value);
}

/** The reason the person who changed the status wrote, as they wrote it. */
const withReason = (body: string, reason: string | null | undefined, locale: Locale) =>
  reason?.trim() ? `${body}\n${locale === 'fr' ? 'Motif : ' : 'Reason: '}${reason.trim()}` : body;

type ApplicationTransition = EventData<'application.accepted'>;
type InternshipChange = EventData<'internship.started'>;

function applicationStep(title: Text, data: ApplicationTransition, locale: Locale, extra?: Text): Message {
  const step = statusLabel(data.to, locale);
  const body =
    locale === 'fr' ? `Votre candidature est passée à l’étape « ${step} ».` : `Your application moved to the “${step}” stage.`;
  return { title: title[locale], body: withReason(extra ? `${body} ${extra[locale]}` : body, data.reason, locale), link: '/applications' };
}

function internshipDates(data: InternshipChange, locale: Locale): string {
  const [start, end] = [formatDate(data.startDate, locale), formatDate(data.endDate, locale)];
  return locale === 'fr' ? `du ${start} au ${end}` : `from ${start} to ${end}`;
}

/**
 * The title and text of a notification in the recipient's language. Only what the event carries is said: the
 * payloads have ids, not offer or enterprise names, so the messages name none.
 */
export function renderMessage(type: NotifyingEventType, data: unknown, audience: Audience, locale: Locale): Message {
  switch (type) {
    case 'application.created':
      return {
        title: { fr: 'Nouvelle candidature', en: 'New application' }[locale],
        body: { fr: 'Un·e étudiant·e a postulé à l’une de vos offres.', en: 'A student applied to one of your offers.' }[locale],
        link: '/applications',
      };
    case 'application.shortlisted':
      return applicationStep({ fr: 'Candidature présélectionnée', en: 'Application shortlisted' }, data as ApplicationTransition, locale);
    case 'application.interview-scheduled':
      return applicationStep({ fr: 'Entretien programmé', en: 'Interview scheduled' }, data as ApplicationTransition, locale);
    case 'application.offered':
      return applicationStep({ fr: 'Proposition de stage', en: 'Internship offer' }, data as ApplicationTransition, locale, {
        fr: 'L’entreprise vous propose le stage : répondez-lui depuis vos candidatures.',
        en: 'The enterprise offers you the internship: answer from your applications.',
      });
    case 'application.accepted': {
      if (audience === 'recruiter') {
        return {
          title: { fr: 'Proposition acceptée', en: 'Offer accepted' }[locale],
          body: { fr: 'Un·e candidat·e a accepté votre proposition de stage.', en: 'A candidate accepted your internship offer.' }[locale],
          link: '/applications',
        };
      }
      return applicationStep({ fr: 'Candidature acceptée', en: 'Application accepted' }, data as ApplicationTransition, locale);
    }
    case 'application.rejected':
      return applicationStep({ fr: 'Candidature non retenue', en: 'Application not selected' }, data as ApplicationTransition, locale);
    case 'application.withdrawn': {
      if (audience === 'recruiter') {
        const body = { fr: 'Un·e candidat·e a retiré sa candidature à l’une de vos offres.', en: 'A candidate withdrew their application to one of your offers.' }[locale];
        return { title: { fr: 'Candidature retirée', en: 'Application withdrawn' }[locale], body: withReason(body, (data as ApplicationTransition).reason, locale), link: '/applications' };
      }
      return applicationStep({ fr: 'Candidature retirée', en: 'Application withdrawn' }, data as ApplicationTransition, locale);
    }
    case 'internship.started': {
      const date = formatDate((data as InternshipChange).startDate, locale);
      return audience === 'supervisor'
        ? { title: { fr: 'Début d’un stage suivi', en: 'An internship you follow started' }[locale], body: locale === 'fr' ? `Un stage dont vous êtes l’enseignant·e référent·e a commencé le ${date}.` : `An internship you follow as referent teacher started on ${date}.`, link: null }
        : { title: { fr: 'Votre stage commence', en: 'Your internship has started' }[locale], body: locale === 'fr' ? `Votre stage a commencé le ${date}. Bon stage !` : `Your internship started on ${date}. Enjoy it!`, link: null };
    }
    case 'internship.completed': {
      const date = formatDate((data as InternshipChange).endDate, locale);
      return audience === 'supervisor'
        ? { title: { fr: 'Stage suivi terminé', en: 'An internship you follow is complete' }[locale], body: locale === 'fr' ? `Un stage dont vous êtes l’enseignant·e référent·e s’est terminé le ${date}.` : `An internship you follow as referent teacher ended on ${date}.`, link: null }
        : { title: { fr: 'Stage terminé', en: 'Internship complete' }[locale], body: locale === 'fr' ? `Votre stage s’est terminé le ${date}.` : `Your internship ended on ${date}.`, link: null };
    }
    case 'internship.supervisor-assigned': {
      const dates = internshipDates(data as InternshipChange, locale);
      return audience === 'supervisor'
        ? { title: { fr: 'Nouveau stage à suivre', en: 'A new internship to follow' }[locale], body: locale === 'fr' ? `Vous êtes l’enseignant·e référent·e d’un stage (${dates}).` : `You are the referent teacher of an internship (${dates}).`, link: null }
        : { title: { fr: 'Enseignant·e référent·e désigné·e', en: 'Referent teacher assigned' }[locale], body: locale === 'fr' ? `Un·e enseignant·e référent·e suit désormais votre stage (${dates}).` : `A referent teacher now follows your internship (${dates}).`, link: null };
    }
    case 'enterprise.member-approved':
      return {
        title: { fr: 'Demande acceptée', en: 'Request approved' }[locale],
        body: {
          fr: 'Votre demande pour rejoindre votre entreprise sur Stages a été acceptée : vous pouvez gérer ses offres et ses candidatures.',
          en: 'Your request to join your enterprise on Stages was approved: you can now manage its offers and applications.',
        }[locale],
        link: '/offers',
      };
    case 'enterprise.verification-requested':
      return {
        title: { fr: 'Entreprise à vérifier', en: 'Enterprise to verify' }[locale],
        body: {
          fr: 'Une entreprise a complété son profil et demande à être vérifiée avant de publier ses offres.',
          en: 'An enterprise completed its profile and asks to be verified before it publishes its offers.',
        }[locale],
        link: '/admin/enterprises',
      };
    case 'enterprise.verified':
      return {
        title: { fr: 'Entreprise vérifiée', en: 'Enterprise verified' }[locale],
        body: {
          fr: 'Stages a vérifié votre entreprise : vous pouvez publier vos offres de stage.',
          en: 'Stages verified your enterprise: you can now publish your internship offers.',
        }[locale],
        link: '/offers',
      };
    case 'enterprise.rejected': {
      const body = {
        fr: 'La vérification de votre entreprise a été refusée. Corrigez son profil puis demandez une nouvelle vérification.',
        en: 'The verification of your enterprise was declined. Correct its profile, then ask for verification again.',
      }[locale];
      return { title: { fr: 'Vérification refusée', en: 'Verification declined' }[locale], body: withReason(body, (data as Partial<EventData<'enterprise.rejected'>>).reason, locale), link: null };
    }
    case 'offer.matched-saved-search': {
      // The offer's title and the search's name, as the enterprise and the student wrote them.
      const match = data as EventData<'offer.matched-saved-search'>;
      return {
        title: { fr: `Nouvelle offre pour « ${match.searchName} »`, en: `New offer for “${match.searchName}”` }[locale],
        body: {
          fr: `L’offre « ${match.title} » vient d’être publiée et correspond à votre recherche enregistrée « ${match.searchName} ».`,
          en: `The offer “${match.title}” was just published and matches your saved search “${match.searchName}”.`,
        }[locale],
        link: '/offers',
      };
    }
    case 'notification.requested': {
      // An administrator's message, as they wrote it, in whatever language they wrote it.
      const request = data as EventData<'notification.requested'>;
      return { title: request.title, body: request.body, link: null };
    }
  }
}

/** A link in the web client as an absolute URL for e-mails and pushes. */
export const absoluteLink = (clientUrl: string, link: string | null): string | null => (link ? `${clientUrl.replace(/\/$/, '')}${link}` : null);

/** The text of a one-notification e-mail. */
export function emailText(message: Message, locale: Locale, clientUrl: string): string {
  const url = absoluteLink(clientUrl, message.link);
  const settings = absoluteLink(clientUrl, '/account');
  const lines = [message.body, ''];
  if (url) lines.push(locale === 'fr' ? `Voir sur Stages : ${url}` : `See it on Stages: ${url}`, '');
  lines.push(locale === 'fr' ? `Vos préférences de notification : ${settings}` : `Your notification settings: ${settings}`);
  return lines.join('\n');
}

export interface DigestItem {
  title: string;
  body: string;
  createdAt: Date;
}

/**
 * The daily digest: the notification e-mails kept since the last one, oldest first, in the recipient's language.
 * `total` counts them all when only the latest `items` are listed.
 */
export function renderDigest(items: readonly DigestItem[], locale: Locale, timeZone: string, clientUrl: string, total = items.length): { subject: string; text: string } {
  const plural = total > 1 ? 's' : '';
  const subject = locale === 'fr' ? `Stages : votre résumé du jour (${total} notification${plural})` : `Stages: your daily summary (${total} notification${plural})`;
  const time = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const lines = [locale === 'fr' ? 'Voici ce qui s’est passé sur Stages depuis votre dernier résumé :' : 'Here is what happened on Stages since your last summary:', ''];
  if (total > items.length) {
    const earlier = total - items.length;
    lines.push(locale === 'fr' ? `(${earlier} notification${earlier > 1 ? 's' : ''} plus ancienne${earlier > 1 ? 's' : ''} dans Stages)` : `(${earlier} earlier notification${earlier > 1 ? 's' : ''} in Stages)`, '');
  }
  for (const item of items) lines.push(`• ${item.title} (${time.format(item.createdAt)})`, `  ${item.body.replace(/\n/g, '\n  ')}`, '');
  const settings = absoluteLink(clientUrl, '/account');
  lines.push(locale === 'fr' ? `Vos préférences de notification : ${settings}` : `Your notification settings: ${settings}`);
  return { subject, text: lines.join('\n') };
}
