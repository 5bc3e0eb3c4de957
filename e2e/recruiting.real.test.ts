import { describeRecruiting } from './recruiting.suite.js';

// Real mode: Postgres (a database of its own), Kafka, Redis, S3 and SMTP from the environment.
describeRecruiting('real');
