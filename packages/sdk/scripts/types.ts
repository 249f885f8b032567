import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const DOCUMENT_PATH = fileURLToPath(new URL('../../../openapi/openapi.json', import.meta.url));
export const TYPES_PATH = fileURLToPath(new URL('../src/schema.d.ts', import.meta.url));

const HEADER = '// Generated from openapi/openapi.json by `pnpm openapi`. Do not edit.\n\n';

/** The SDK's types as openapi-typescript renders them from the committed document. */
export async function renderTypes(): Promise<string> {
  const document = JSON.parse(readFileSync(DOCUMENT_PATH, 'utf8'));
  const ast = await openapiTS(document, { exportType: true });
  return HEADER + astToString(ast);
}
