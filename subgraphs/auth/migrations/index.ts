import type { MigrationObject } from '@mikro-orm/core';
import { CreateUser } from './0001-create-user.js';
import { SessionsAndKeys } from './0002-sessions-and-keys.js';
import { AuditEvents } from './0003-audit-event.js';
import { OAuth } from './0004-oauth.js';
import { Totp } from './0005-totp.js';
import { Invitations } from './0006-invitations.js';

export const migrations: MigrationObject[] = [
  { name: '0001-create-user', class: CreateUser },
  { name: '0002-sessions-and-keys', class: SessionsAndKeys },
  { name: '0003-audit-event', class: AuditEvents },
  { name: '0004-oauth', class: OAuth },
  { name: '0005-totp', class: Totp },
  { name: '0006-invitations', class: Invitations },
];
