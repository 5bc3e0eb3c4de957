import { describeAuth } from './auth.suite.js';
import { realEnvironment } from './real-environment.js';

// Real mode: e-mails go through SMTP and are read back from Mailpit.
describeAuth('real infrastructure', () => realEnvironment('auth'));
