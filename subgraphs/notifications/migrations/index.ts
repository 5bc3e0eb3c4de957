import type { MigrationObject } from '@mikro-orm/core';
import { CreateNotification } from './0001-create-notification.js';
import { ChannelsAndPreferences } from './0002-channels-and-preferences.js';

export const migrations: MigrationObject[] = [
  { name: '0001-create-notification', class: CreateNotification },
  { name: '0002-channels-and-preferences', class: ChannelsAndPreferences },
];
