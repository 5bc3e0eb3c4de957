import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './supergraph.js';

export const INFRA_ENV = path.join(ROOT, '.stages/infra.env');

/** Loads the settings written by `npm run infra:up` into process.env (variables already set win); false if absent. */
export function loadInfraEnv(): boolean {
  if (!existsSync(INFRA_ENV)) return false;
  for (const line of readFileSync(INFRA_ENV, 'utf8').split('\n')) {
    const match = /^(?:export\s+)?([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match && process.env[match[1]!] === undefined) process.env[match[1]!] = match[2]!.replace(/^['"]|['"]$/g, '');
  }
  return true;
}
