// scratch (issue 8 helper, deleted before report): keeps one seeded Neo4j up for experiments
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { openDatabase } from '../src/runtime.js';
import { seedIfEmpty } from '../src/seed.js';
const config = loadConfig({ DATA_DIR: '/tmp/kz8/data', NEO4J_BOLT_PORT: '7791', LOG_LEVEL: 'info' });
const logger = createLogger('info');
const rt = await openDatabase(config, logger);
await seedIfEmpty(rt.database, logger);
console.log('READY', rt.uri);
process.on('SIGTERM', () => void rt.close().then(() => process.exit(0)));
setInterval(() => undefined, 1 << 30);
