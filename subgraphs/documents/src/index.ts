import { runSubgraphProcess } from '@stages/platform';
import { documentsSubgraph } from './service.js';

await runSubgraphProcess(documentsSubgraph);
