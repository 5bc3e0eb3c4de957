import { runSubgraphProcess } from '@stages/platform';
import { applicationsSubgraph } from './service.js';

await runSubgraphProcess(applicationsSubgraph);
