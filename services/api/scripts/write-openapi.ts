import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderOpenApiDocument } from '../src/openapi-document.js';

const target = fileURLToPath(new URL('../../../openapi/openapi.json', import.meta.url));
writeFileSync(target, await renderOpenApiDocument());
process.stdout.write(`wrote ${target}\n`);
