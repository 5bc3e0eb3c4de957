import { InProcessTransport } from './in-process-transport.js';
import { describeTransportContract } from './transport.contract.js';

describeTransportContract('in-process', async () => new InProcessTransport());
