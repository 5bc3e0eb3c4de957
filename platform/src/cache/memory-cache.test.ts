import { describeCacheContract } from './cache.contract.js';
import { MemoryCache } from './memory-cache.js';

describeCacheContract('memory', async () => new MemoryCache());
