import { runSubgraphProcess } from '@stages/platform';
import { notificationsSubgraph } from './service.js';

await runSubgraphProcess(notificationsSubgraph);
