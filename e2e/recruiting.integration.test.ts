import { describeRecruiting } from './recruiting.suite.js';

// Embedded mode: embedded Postgres, in-process events, local files and mailbox.
describeRecruiting('embedded');
