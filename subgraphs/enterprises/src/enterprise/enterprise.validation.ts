import { badUserInput, isValidSiret, parseId } from '@stages/platform';
import { COUNTRY_CODES, FRENCH_POSTAL_AREAS } from './countries.js';
import type { EnterpriseAddressInput, EnterpriseContactInput, UpdateEnterpriseProfileInput } from './enterprise.inputs.js';

export const LIMITS = {
  name: 200,
  legalName: 200,
  sector: 120,
  city: 120,
  description: 5000,
  website: 300,
  certifications: 20,
  certification: 100,
  addresses: 10,
  contacts: 20,
  headcount: 10_000_000,
} as const;

const NAF = /^\d{2}\.\d{2}[A-Z]$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,}$/;
const PHONE = /^\+?[0-9 .()-]+$/;
const FRENCH_POSTAL_CODE = /^\d{5}$/;
const FOREIGN_POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{0,19}$/;

export interface AddressChange {
  /** The existing address to update, or null to add one. */
  id: string | null;
  label: string | null;
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  country: string;
  isHeadOffice: boolean;
}

export interface ContactChange {
  id: string | null;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
}

/** A validated, normalised profile change: only the fields the caller gave. */
export interface ProfileChanges {
  name?: string;
  legalName?: string;
  siret?: string;
  nafCode?: string;
  sector?: string;
  city?: string;
  headcount?: number;
  description?: string | null;
  website?: string | null;
  certifications?: string[];
  addresses?: AddressChange[];
  contacts?: ContactChange[];
}

/** A required text, trimmed: BAD_USER_INPUT naming the field when empty or too long. */
function text(field: string, value: string | null | undefined, max: number): string {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length < 1 || trimmed.length > max) throw badUserInput(field, `${field} must have between 1 and ${max} characters.`);
  return trimmed;
}

/** An optional text, trimmed: null when blank. */
function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length > max) throw badUserInput(field, `${field} must have at most ${max} characters.`);
  return trimmed || null;
}

export function parseSiret(value: string | null | undefined): string {
  const siret = (value ?? '').replace(/\s/g, '');
  if (!isValidSiret(siret)) throw badUserInput('siret', 'siret must be a valid SIRET (14 digits with a valid checksum).');
  return siret;
}

export function parseNafCode(value: string | null | undefined): string {
  const naf = (value ?? '').trim().toUpperCase();
  if (!NAF.test(naf)) throw badUserInput('nafCode', 'nafCode must be a NAF code such as 62.01Z (two digits, a dot, two digits and a letter).');
  return naf;
}

/** An https URL without credentials, or null to clear it. */
export function parseWebsite(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) return null;
  let url: URL | null = null;
  try {
    url = new URL(trimmed);
  } catch {
    url = null;
  }
  if (!url || url.protocol !== 'https:' || !url.hostname.includes('.') || url.username || url.password || trimmed.length > LIMITS.website) {
    throw badUserInput('website', `website must be an https URL such as https://www.example.fr (at most ${LIMITS.website} characters).`);
  }
  return trimmed;
}

export function parseCertifications(values: readonly string[]): string[] {
  if (values.length > LIMITS.certifications) throw badUserInput('certifications', `certifications must list at most ${LIMITS.certifications} items.`);
  const seen = new Map<string, string>();
  values.forEach((value, index) => {
    const label = text(`certifications[${index}]`, value, LIMITS.certification);
    // The same label twice is kept once.
    if (!seen.has(label.toLowerCase())) seen.set(label.toLowerCase(), label);
  });
  return [...seen.values()];
}

function existingId(field: string, id: string | null | undefined, seen: Set<string>): string | null {
  if (id === null || id === undefined) return null;
  const parsed = parseId(id, field);
  if (seen.has(parsed)) throw badUserInput(field, `${field} appears twice in the list.`);
  seen.add(parsed);
  return parsed;
}

export function parseAddresses(values: readonly EnterpriseAddressInput[]): AddressChange[] {
  if (values.length > LIMITS.addresses) throw badUserInput('addresses', `addresses must list at most ${LIMITS.addresses} addresses.`);
  const ids = new Set<string>();
  const addresses = values.map((value, index): AddressChange => {
    const at = (field: string) => `addresses[${index}].${field}`;
    const country = (value.country ?? '').trim().toUpperCase();
    if (!COUNTRY_CODES.has(country)) throw badUserInput(at('country'), `${at('country')} must be an ISO 3166-1 alpha-2 country code such as FR.`);
    const postalCode = (value.postalCode ?? '').trim();
    if (FRENCH_POSTAL_AREAS.has(country) ? !FRENCH_POSTAL_CODE.test(postalCode) : !FOREIGN_POSTAL_CODE.test(postalCode)) {
      throw badUserInput(
        at('postalCode'),
        FRENCH_POSTAL_AREAS.has(country)
          ? `${at('postalCode')} must have five digits for an address in ${country}.`
          : `${at('postalCode')} must have 1 to 20 letters, digits, spaces or dashes.`,
      );
    }
    return {
      id: existingId(at('id'), value.id, ids),
      label: optionalText(at('label'), value.label, 60),
      line1: text(at('line1'), value.line1, 200),
      line2: optionalText(at('line2'), value.line2, 200),
      postalCode: FRENCH_POSTAL_AREAS.has(country) ? postalCode : postalCode.toUpperCase(),
      city: text(at('city'), value.city, 120),
      country,
      isHeadOffice: value.isHeadOffice ?? false,
    };
  });
  if (addresses.filter((address) => address.isHeadOffice).length > 1) throw badUserInput('addresses', 'At most one address may be the head office.');
  return addresses;
}

export function parseContacts(values: readonly EnterpriseContactInput[]): ContactChange[] {
  if (values.length > LIMITS.contacts) throw badUserInput('contacts', `contacts must list at most ${LIMITS.contacts} people.`);
  const ids = new Set<string>();
  return values.map((value, index): ContactChange => {
    const at = (field: string) => `contacts[${index}].${field}`;
    const email = optionalText(at('email'), value.email, 254);
    if (email && !EMAIL.test(email)) throw badUserInput(at('email'), `${at('email')} must be a valid e-mail address.`);
    const phone = optionalText(at('phone'), value.phone, 30);
    const digits = phone?.replace(/\D/g, '').length ?? 0;
    if (phone && (!PHONE.test(phone) || digits < 6 || digits > 15)) {
      throw badUserInput(at('phone'), `${at('phone')} must be a phone number: 6 to 15 digits, with spaces, dots, dashes, parentheses and a leading + allowed.`);
    }
    return {
      id: existingId(at('id'), value.id, ids),
      name: text(at('name'), value.name, 120),
      role: optionalText(at('role'), value.role, 120),
      email,
      phone,
    };
  });
}

/**
 * Checks and normalises a profile change. Every refusal is BAD_USER_INPUT with `extensions.field` naming the
 * field (`siret`, `addresses[1].postalCode`, …). An omitted field is not changed; a required one cannot be cleared.
 */
export function parseProfileInput(input: UpdateEnterpriseProfileInput): ProfileChanges {
  const changes: ProfileChanges = {};
  if (input.name !== undefined) changes.name = text('name', input.name, LIMITS.name);
  if (input.legalName !== undefined) changes.legalName = text('legalName', input.legalName, LIMITS.legalName);
  if (input.siret !== undefined) changes.siret = parseSiret(input.siret);
  if (input.nafCode !== undefined) changes.nafCode = parseNafCode(input.nafCode);
  if (input.sector !== undefined) changes.sector = text('sector', input.sector, LIMITS.sector);
  if (input.city !== undefined) changes.city = text('city', input.city, LIMITS.city);
  if (input.headcount !== undefined) {
    const headcount = input.headcount;
    if (headcount === null || !Number.isInteger(headcount) || headcount < 0 || headcount > LIMITS.headcount) {
      throw badUserInput('headcount', 'headcount must be a whole number of people.');
    }
    changes.headcount = headcount;
  }
  if (input.description !== undefined) changes.description = optionalText('description', input.description, LIMITS.description);
  if (input.website !== undefined) changes.website = parseWebsite(input.website);
  if (input.certifications !== undefined) changes.certifications = parseCertifications(input.certifications ?? []);
  if (input.addresses !== undefined) changes.addresses = parseAddresses(input.addresses ?? []);
  if (input.contacts !== undefined) changes.contacts = parseContacts(input.contacts ?? []);
  return changes;
}
