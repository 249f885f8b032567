import { writeFileSync } from 'node:fs';
import { renderTypes, TYPES_PATH } from './types.js';

writeFileSync(TYPES_PATH, await renderTypes());
process.stdout.write(`wrote ${TYPES_PATH}\n`);
