import { runSubgraphProcess } from '@stages/platform';
import { reportsSubgraph } from './service.js';

await runSubgraphProcess(reportsSubgraph);
