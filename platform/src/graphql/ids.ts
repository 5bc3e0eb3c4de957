import { v7 } from 'uuid';
import { badUserInput } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Time-ordered ids keep primary-key indexes compact and make id order the creation order. */
export const newId = (): string => v7();

export const isUuid = (value: string): boolean => UUID.test(value);

/** Validates an id argument before it reaches the database. */
export function parseId(value: string, field = 'id'): string {
  if (!isUuid(value)) throw badUserInput(field, `${field} must be a UUID.`);
  return value.toLowerCase();
}
