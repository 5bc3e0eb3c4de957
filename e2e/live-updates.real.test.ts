import { realEnvironment } from './real-environment.js';
import { describeLiveUpdates } from './live-updates.suite.js';

// Real mode: events through Kafka, the hub on Redis.
describeLiveUpdates('real infrastructure', () => realEnvironment('live'));
