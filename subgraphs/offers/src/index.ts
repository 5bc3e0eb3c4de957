import { runSubgraphProcess } from '@stages/platform';
import { offersSubgraph } from './service.js';

await runSubgraphProcess(offersSubgraph);
