import { realEnvironment } from './real-environment.js';
import { describeSupergraph } from './supergraph.suite.js';

// Real mode: Postgres (a fresh database for this run), Kafka, Redis, S3 and SMTP from the environment.
describeSupergraph('real infrastructure', () => realEnvironment('supergraph'));
