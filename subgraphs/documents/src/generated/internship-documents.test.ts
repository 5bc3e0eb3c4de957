import { describe, expect, it } from 'vitest';
import { attestationPdf, calendarDays, evaluationFormPdf } from './internship-documents.js';
import { simplePdf } from './simple-pdf.js';

const facts = {
  internshipId: '0190c3a2-1111-7111-8111-111111111111',
  studentId: '0190c3a2-2222-7222-8222-222222222222',
  enterpriseId: '0190c3a2-3333-7333-8333-333333333333',
  universityId: null,
  supervisorUserId: null,
  status: 'COMPLETED' as const,
  startDate: '2026-03-02',
  endDate: '2026-08-28',
};

describe('generated internship documents', () => {
  it('should write a well-formed one-page PDF whose cross-reference offsets point at its objects', () => {
    const pdf = simplePdf([{ heading: 'Titre' }, 'Une ligne (avec parenthèses) et un \\ oblique']);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    offsets.forEach((offset, index) => expect(text.slice(offset, offset + `${index + 1} 0 obj`.length)).toBe(`${index + 1} 0 obj`));
    expect(text).toContain('(Une ligne \\(avec parenth\xe8ses\\) et un \\\\ oblique)');
  });

  it('should state the period and its length in the attestation, in French', () => {
    const text = attestationPdf(facts, new Date('2026-08-28T16:00:00Z')).toString('latin1');
    expect(text).toContain('ATTESTATION DE STAGE');
    expect(text).toContain('du 02/03/2026 au 28/08/2026, soit 180 jours calendaires.');
    expect(text).toContain('non renseign\xe9');
    expect(text).toContain('le 28/08/2026');
  });

  it('should give the tutor a form with the criteria to assess', () => {
    const text = evaluationFormPdf({ ...facts, status: 'ONGOING' }, new Date('2026-03-02T08:00:00Z')).toString('latin1');
    expect(text).toContain("FICHE D'\xc9VALUATION DU STAGIAIRE");
    expect(text).toContain('Autonomie et initiative');
  });

  it('should count both the first and the last day', () => {
    expect(calendarDays('2026-03-02', '2026-03-02')).toBe(1);
    expect(calendarDays('2026-03-28', '2026-03-30')).toBe(3);
  });
});
