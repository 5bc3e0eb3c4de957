import { describePubSubContract } from './pubsub.contract.js';
import { MemoryPubSub } from './memory-pubsub.js';

describePubSubContract('memory', async () => new MemoryPubSub());
