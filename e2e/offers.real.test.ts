import { describeOffers } from './offers.suite.js';

// Real mode: Postgres (a database of its own), Kafka, Redis, S3 and SMTP from the environment.
describeOffers('real');
