import { describeOffers } from './offers.suite.js';

// Embedded mode: embedded Postgres, in-process events, local files and mailbox.
describeOffers('embedded');
