import type { EntityManager } from '@stages/platform';
import webpush from 'web-push';
import type { NotificationSettings } from '../settings.js';
import { WebPushKey } from './web-push-key.entity.js';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** Where they come from, for the start-up log. */
  source: 'configured' | 'generated';
}

/**
 * The VAPID key pair: the configured one, or one generated on first start and kept in this subgraph's schema (the
 * embedded database lives in STAGES_DATA_DIR), so every instance and every restart signs with the same pair and
 * browsers' subscriptions stay valid.
 */
export async function resolveVapidKeys(em: EntityManager, settings: Pick<NotificationSettings, 'VAPID_PUBLIC_KEY' | 'VAPID_PRIVATE_KEY'>): Promise<VapidKeys> {
  if (settings.VAPID_PUBLIC_KEY && settings.VAPID_PRIVATE_KEY) {
    return { publicKey: settings.VAPID_PUBLIC_KEY, privateKey: settings.VAPID_PRIVATE_KEY, source: 'configured' };
  }
  const generated = webpush.generateVAPIDKeys();
  // Instances starting together may both generate: the first insert wins and everyone reads it back.
  await em.getKnex()('notifications.web_push_key')
    .insert({ id: 1, public_key: generated.publicKey, private_key: generated.privateKey, created_at: new Date() })
    .onConflict('id')
    .ignore();
  const kept = await em.findOneOrFail(WebPushKey, { id: 1 });
  return { publicKey: kept.publicKey, privateKey: kept.privateKey, source: 'generated' };
}
