import type { Locale } from '@stages/platform';
import { RecommendationKind, type ReasonFacts } from './scoring.js';

const REMOTE: Record<Locale, Record<string, string>> = {
  fr: { ON_SITE: 'sur site', HYBRID: 'télétravail partiel', REMOTE: 'télétravail complet' },
  en: { ON_SITE: 'on site', HYBRID: 'hybrid work', REMOTE: 'fully remote' },
};

const INTL: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

const list = (items: string[], locale: Locale) => new Intl.ListFormat(INTL[locale], { style: 'long', type: 'conjunction' }).format(items);
const money = (cents: number, locale: Locale) => new Intl.NumberFormat(INTL[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100);
/** A date as people write it: "1er mars 2027", "1 March 2027". */
const day = (date: string, locale: Locale) => {
  const text = new Intl.DateTimeFormat(INTL[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  return locale === 'fr' ? text.replace(/^1 /, '1er ') : text;
};

/** "à" and "de" before a French city name: "au Havre", "du Mans", "aux Sables-d’Olonne", "d’Annecy", "de Lyon". */
function frenchPlace(preposition: 'à' | 'de', city: string): string {
  const article = /^(Les|Le|La)\s+(.+)$/.exec(city) ?? /^(L[’'])(.+)$/.exec(city);
  if (article) {
    const [, word, rest] = article;
    if (word === 'Le') return `${preposition === 'à' ? 'au' : 'du'} ${rest}`;
    if (word === 'Les') return `${preposition === 'à' ? 'aux' : 'des'} ${rest}`;
    return `${preposition} ${word === 'La' ? 'la ' : 'l’'}${rest}`;
  }
  if (preposition === 'de' && /^[AEIOUYÀÂÉÈÊËÎÏÔÛÜ]/i.test(city)) return `d’${city}`;
  return `${preposition} ${city}`;
}
const months = (count: number, locale: Locale) => (locale === 'fr' ? `${count} mois` : `${count} month${count === 1 ? '' : 's'}`);

function preferences(facts: Extract<ReasonFacts, { kind: RecommendationKind.PREFERENCES }>, locale: Locale): string {
  const fr = locale === 'fr';
  const parts: string[] = [];
  if (facts.sector) parts.push(fr ? `secteur ${facts.sector}` : `sector ${facts.sector}`);
  if (facts.remote) parts.push(REMOTE[locale][facts.remote] ?? facts.remote);
  if (facts.start) parts.push(fr ? `début le ${day(facts.start.offer, locale)}, après le ${day(facts.start.earliest, locale)}` : `starts ${day(facts.start.offer, locale)}, after ${day(facts.start.earliest, locale)}`);
  if (facts.duration) {
    const { months: length, preferred } = facts.duration;
    const aside = length === preferred ? '' : fr ? ` (vous préférez ${months(preferred, locale)})` : ` (you prefer ${months(preferred, locale)})`;
    parts.push(`${months(length, locale)}${aside}`);
  }
  return `${fr ? 'Correspond à vos préférences : ' : 'Matches your preferences: '}${parts.join(', ')}`;
}

/** A reason's detail in the reader's language (the Accept-Language the gateway forwards). */
export function wordReason(facts: ReasonFacts, locale: Locale): string {
  const fr = locale === 'fr';
  switch (facts.kind) {
    case RecommendationKind.SKILLS: {
      const count = facts.skills.length;
      const names = list(facts.skills, locale);
      if (fr) return `${count === 1 ? 'Une de vos compétences' : `${count} de vos compétences`} : ${names}`;
      return `${count === 1 ? 'One of your skills' : `${count} of your skills`}: ${names}`;
    }
    case RecommendationKind.PREFERENCES:
      return preferences(facts, locale);
    case RecommendationKind.LOCATION:
      if (facts.remote) return fr ? 'Télétravail complet : pas besoin de déménager' : 'Fully remote: no need to move';
      if (facts.preferred || !facts.near) {
        if (!fr) return `In ${facts.city}, one of your cities`;
        const place = frenchPlace('à', facts.city);
        return `${place[0]!.toUpperCase()}${place.slice(1)}, l’une de vos villes`;
      }
      return fr ? `${facts.city}, à ${facts.near.km} km ${frenchPlace('de', facts.near.city)}` : `${facts.city}, ${facts.near.km} km from ${facts.near.city}`;
    case RecommendationKind.FRESHNESS:
      if (facts.days === 0) return fr ? 'Publiée aujourd’hui' : 'Published today';
      if (facts.days === 1) return fr ? 'Publiée hier' : 'Published yesterday';
      return fr ? `Publiée il y a ${facts.days} jours` : `Published ${facts.days} days ago`;
    case RecommendationKind.STIPEND: {
      const pay = money(facts.stipendCents, locale);
      if (facts.minimumCents === null) return fr ? `Gratification de ${pay} par mois` : `Pays ${pay} a month`;
      const minimum = money(facts.minimumCents, locale);
      return fr ? `Gratification de ${pay} par mois, au moins les ${minimum} que vous demandez` : `Pays ${pay} a month, at least the ${minimum} you ask for`;
    }
  }
}
