import type { EventData } from '@stages/platform';
import { simplePdf, type PdfLine } from './simple-pdf.js';

type InternshipFacts = EventData<'internship.completed'>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** 2026-03-02 → 02/03/2026 */
const frenchDate = (isoDate: string) => isoDate.split('-').reverse().join('/');

const parisDate = (at: Date) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(at);

/** Calendar days from the first to the last day, both included. */
export const calendarDays = (startDate: string, endDate: string): number =>
  Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / DAY_MS) + 1;

function parties(facts: InternshipFacts): PdfLine[] {
  return [
    `Référence du stage : ${facts.internshipId}`,
    `Stagiaire (identifiant Stages) : ${facts.studentId}`,
    `Organisme d'accueil (identifiant Stages) : ${facts.enterpriseId}`,
    `Établissement d'enseignement (identifiant Stages) : ${facts.universityId ?? 'non renseigné'}`,
    `Période du stage : du ${frenchDate(facts.startDate)} au ${frenchDate(facts.endDate)}, soit ${calendarDays(facts.startDate, facts.endDate)} jours calendaires.`,
  ];
}

/** The attestation de stage the host issues at the end of the internship (code de l'éducation, D124-9). */
export function attestationPdf(facts: InternshipFacts, generatedAt: Date): Buffer {
  return simplePdf([
    { heading: 'ATTESTATION DE STAGE' },
    "Article D124-9 du code de l'éducation",
    '',
    ...parties(facts),
    "Durée effective de présence : selon les relevés de présence de l'organisme d'accueil.",
    "Montant total de la gratification versée : tel que déclaré par l'organisme d'accueil.",
    '',
    `Attestation établie par Stages le ${parisDate(generatedAt)}, à la fin du stage.`,
  ]);
}

const CRITERIA = ['Qualité du travail', 'Autonomie et initiative', "Intégration dans l'équipe", 'Compétences techniques', 'Assiduité et ponctualité'];

/** The form the host tutor fills in to evaluate the intern, made when the internship starts. */
export function evaluationFormPdf(facts: InternshipFacts, generatedAt: Date): Buffer {
  return simplePdf([
    { heading: "FICHE D'ÉVALUATION DU STAGIAIRE" },
    "À remplir par le tuteur de l'organisme d'accueil à la fin du stage.",
    '',
    ...parties(facts),
    '',
    ...CRITERIA.map((criterion) => `${criterion} :   [ ] Très bien   [ ] Bien   [ ] Passable   [ ] Insuffisant`),
    '',
    'Appréciation générale : ______________________________________________',
    '',
    'Nom, date et signature du tuteur : ____________________________________',
    '',
    `Fiche établie par Stages le ${parisDate(generatedAt)}.`,
  ]);
}
