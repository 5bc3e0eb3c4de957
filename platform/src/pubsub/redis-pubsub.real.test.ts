import { requireRealSetting } from '../testing/real-services.js';
import { describePubSubContract } from './pubsub.contract.js';
import { RedisPubSub } from './redis-pubsub.js';

describePubSubContract('redis', () => RedisPubSub.connect(requireRealSetting('REDIS_URL'), `test:${process.pid}:`));
