import { describeStatusChanges } from './status-changes.suite.js';

// Embedded mode: embedded Postgres, in-process events, local files and mailbox.
describeStatusChanges('embedded');
