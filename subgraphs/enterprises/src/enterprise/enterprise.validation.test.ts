import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { UpdateEnterpriseProfileInput } from './enterprise.inputs.js';
import { parseProfileInput, parseWebsite } from './enterprise.validation.js';
import { parseVerificationNote } from './enterprise.service.js';

/** The field a BAD_USER_INPUT names, or null when the input passes. */
function refusedField(input: Partial<UpdateEnterpriseProfileInput>): string | null {
  try {
    parseProfileInput(input as UpdateEnterpriseProfileInput);
    return null;
  } catch (error) {
    const extensions = (error as GraphQLError).extensions;
    expect(extensions.code).toBe('BAD_USER_INPUT');
    return extensions.field as string;
  }
}

const address = { line1: '12 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' };

describe('enterprise profile validation', () => {
  it('should keep only the fields given, trimmed and normalised', () => {
    expect(parseProfileInput({ name: '  Numéria  ', nafCode: '62.01z', siret: '732 829 320 00074', description: '  ', website: '' } as UpdateEnterpriseProfileInput)).toEqual({
      name: 'Numéria',
      nafCode: '62.01Z',
      siret: '73282932000074',
      description: null,
      website: null,
    });
    expect(parseProfileInput({} as UpdateEnterpriseProfileInput)).toEqual({});
  });

  it('should refuse a SIRET whose checksum is wrong, naming the field', () => {
    expect(refusedField({ siret: '73282932000075' })).toBe('siret');
    expect(refusedField({ siret: '1234' })).toBe('siret');
    expect(refusedField({ siret: '73282932000074' })).toBeNull();
  });

  it('should want a NAF code written NN.NNL', () => {
    for (const naf of ['6201Z', '62.01', '62-01Z', 'AB.CDZ', '62.01ZZ']) expect(refusedField({ nafCode: naf }), naf).toBe('nafCode');
    expect(refusedField({ nafCode: '52.29A' })).toBeNull();
  });

  it('should bound lengths and refuse clearing a required field', () => {
    expect(refusedField({ name: '' })).toBe('name');
    expect(refusedField({ name: null })).toBe('name');
    expect(refusedField({ legalName: 'x'.repeat(201) })).toBe('legalName');
    expect(refusedField({ sector: 'x'.repeat(121) })).toBe('sector');
    expect(refusedField({ description: 'x'.repeat(5001) })).toBe('description');
    expect(refusedField({ description: 'x'.repeat(5000) })).toBeNull();
    expect(refusedField({ headcount: -1 })).toBe('headcount');
    expect(refusedField({ headcount: null })).toBe('headcount');
  });

  it('should accept only https websites without credentials', () => {
    expect(parseWebsite(' https://www.numeria.example/ ')).toBe('https://www.numeria.example/');
    for (const url of ['http://www.numeria.example', 'www.numeria.example', 'https://user:pw@numeria.example', 'https://localhost', `https://a.example/${'x'.repeat(300)}`]) {
      expect(refusedField({ website: url }), url).toBe('website');
    }
  });

  it('should keep each certification once and bound the list', () => {
    expect(parseProfileInput({ certifications: ['ISO 9001', ' iso 9001 ', 'B Corp'] } as UpdateEnterpriseProfileInput).certifications).toEqual(['ISO 9001', 'B Corp']);
    expect(refusedField({ certifications: Array.from({ length: 21 }, (_, i) => `Label ${i}`) })).toBe('certifications');
    expect(refusedField({ certifications: ['ok', ' '] })).toBe('certifications[1]');
  });

  it('should check addresses: French five-digit postal codes, foreign free text, ISO countries, one head office', () => {
    expect(parseProfileInput({ addresses: [{ ...address, country: 'fr', isHeadOffice: true }] } as UpdateEnterpriseProfileInput).addresses).toEqual([
      { id: null, label: null, line1: '12 rue de la Paix', line2: null, postalCode: '75002', city: 'Paris', country: 'FR', isHeadOffice: true },
    ]);
    expect(refusedField({ addresses: [{ ...address, postalCode: '7500' }] })).toBe('addresses[0].postalCode');
    expect(refusedField({ addresses: [address, { ...address, country: 'RE', postalCode: '974' }] })).toBe('addresses[1].postalCode');
    expect(refusedField({ addresses: [{ ...address, country: 'GB', postalCode: 'SW1A 1AA' }] })).toBeNull();
    expect(refusedField({ addresses: [{ ...address, country: 'DE', postalCode: '10115' }] })).toBeNull();
    expect(refusedField({ addresses: [{ ...address, country: 'UK', postalCode: 'SW1A 1AA' }] })).toBe('addresses[0].country');
    expect(refusedField({ addresses: [{ ...address, country: 'FRA' }] })).toBe('addresses[0].country');
    expect(refusedField({ addresses: [{ ...address, line1: ' ' }] })).toBe('addresses[0].line1');
    expect(refusedField({ addresses: [{ ...address, label: 'x'.repeat(61) }] })).toBe('addresses[0].label');
    expect(refusedField({ addresses: [{ ...address, id: 'nope' }] })).toBe('addresses[0].id');
    expect(refusedField({ addresses: [{ ...address, isHeadOffice: true }, { ...address, isHeadOffice: true }] })).toBe('addresses');
    expect(refusedField({ addresses: Array.from({ length: 11 }, () => address) })).toBe('addresses');
  });

  it('should check contacts: a name, a valid e-mail address and a plausible phone number', () => {
    expect(parseProfileInput({ contacts: [{ name: ' Camille Roux ', role: 'RH', email: 'camille@numeria.example', phone: '+33 1 23 45 67 89' }] } as UpdateEnterpriseProfileInput).contacts).toEqual([
      { id: null, name: 'Camille Roux', role: 'RH', email: 'camille@numeria.example', phone: '+33 1 23 45 67 89' },
    ]);
    expect(refusedField({ contacts: [{ name: '' }] })).toBe('contacts[0].name');
    expect(refusedField({ contacts: [{ name: 'A', email: 'not an address' }] })).toBe('contacts[0].email');
    expect(refusedField({ contacts: [{ name: 'A', phone: '12 34' }] })).toBe('contacts[0].phone');
    expect(refusedField({ contacts: [{ name: 'A', phone: 'call me' }] })).toBe('contacts[0].phone');
  });

  it('should want a rejection reason of 1 to 1000 characters', () => {
    expect(parseVerificationNote('  Kbis illisible  ')).toBe('Kbis illisible');
    expect(() => parseVerificationNote(' ')).toThrow(/reason/);
    expect(() => parseVerificationNote('x'.repeat(1001))).toThrow(/reason/);
  });
});
