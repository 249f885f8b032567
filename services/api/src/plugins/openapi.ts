import { createHash } from 'node:crypto';
import swagger, { type SwaggerTransformObject } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

const OPENAPI_INFO = {
  title: 'Common Ground API',
  version: '1.0.0',
  license: { name: 'Proprietary', url: 'https://common-ground.example/terms' },
  description:
    "Two-sided deal alignment: a supplier and a buyer each privately assess a shared deal; the server computes how aligned they are and neither side sees the other's inputs.",
};

type Document = { components?: { schemas?: Record<string, unknown> } } & Record<string, unknown>;

/**
 * The zod provider registers every named schema twice (as request input and as response
 * output); keep only the components some operation actually reaches.
 */
function pruneUnusedSchemas(document: Document): Document {
  const schemas = document.components?.schemas ?? {};
  const reachable = new Set<string>();
  // Object.entries walks arrays by index too, so one loop covers both.
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const name = referencedSchema(key, value);
      if (name === undefined) visit(value);
      else if (!reachable.has(name)) {
        reachable.add(name);
        visit(schemas[name]);
      }
    }
  };
  visit(document.paths);
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => reachable.has(name)));
  return { ...document, components: { ...document.components, schemas: kept } };
}

const SCHEMA_REF_PREFIX = '#/components/schemas/';

/** The component an object's `key: value` entry refers to, if it is a `$ref` to one. */
function referencedSchema(key: string, value: unknown): string | undefined {
  if (key !== '$ref' || typeof value !== 'string' || !value.startsWith(SCHEMA_REF_PREFIX)) return undefined;
  return value.slice(SCHEMA_REF_PREFIX.length);
}

const PROBLEM_CONTENT = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
const COMMON_PROBLEMS: Record<string, string> = {
  400: 'The request is malformed or invalid (see `errors`).',
  401: 'Missing, invalid or expired credentials.',
  413: 'The request body is too large.',
  415: 'The request body is not JSON.',
  429: 'Too many requests; see `Retry-After`.',
  503: 'The database is unavailable; retry after `Retry-After` seconds.',
};

type Operation = { requestBody?: unknown; security?: unknown[]; responses?: Record<string, unknown> };

/**
 * Answers every operation can give whatever the route, declared once here rather than on each
 * route: bodies can be too large or not JSON, any `/v1` request can be rate limited or meet an
 * unavailable database, and any secured one can lack credentials.
 */
function declareCommonProblems(document: Document): Document {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const [path, operations] of Object.entries(paths)) {
    for (const operation of Object.values(operations)) {
      operation.responses ??= {};
      for (const status of commonProblemStatuses(path, operation)) {
        operation.responses[status] ??= { description: COMMON_PROBLEMS[status], content: PROBLEM_CONTENT };
      }
    }
  }
  return document;
}

/** The statuses of COMMON_PROBLEMS that an operation at `path` can answer with. */
function commonProblemStatuses(path: string, operation: Operation): number[] {
  const statuses: number[] = [];
  if (operation.requestBody) statuses.push(400, 413, 415);
  if (path.startsWith('/v1/')) statuses.push(429, 503);
  if (path.startsWith('/v1/') && !isPublicOperation(operation)) statuses.push(401);
  return statuses;
}

/** `security: []` opts an operation out of the document's default bearer authentication. */
const isPublicOperation = (operation: Operation) =>
  Array.isArray(operation.security) && operation.security.length === 0;

/**
 * Swagger UI's scripts and stylesheets are files under `/docs/static/`, which the API's CSP
 * (`security-headers.ts`) allows; the only inline style it needs is the `<style>` inside the SVG
 * logo of its top bar (Swagger UI 5.x). That one style is allowed by its hash, not every inline
 * style by 'unsafe-inline'. After an upgrade of @fastify/swagger-ui, the Chromium test in
 * `services/portal/test/e2e.test.ts` reports a violation if the logo's style has changed.
 */
const SWAGGER_UI_LOGO_STYLE = '.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}';
export const SWAGGER_UI_STYLE_HASH = `'sha256-${createHash('sha256').update(SWAGGER_UI_LOGO_STYLE).digest('base64')}'`;

function allowSwaggerLogoStyle(header: string): string {
  return header
    .split(';')
    .map((directive) =>
      /^\s*style-src\s/.test(directive) ? `${directive.trim()} ${SWAGGER_UI_STYLE_HASH}` : directive,
    )
    .join(';');
}

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests and
 * serialize replies; served at `/openapi.json` and rendered at `/docs`.
 */
export default fp(
  async function openapiPlugin(app: FastifyInstance) {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: OPENAPI_INFO,
        servers: [{ url: '/', description: 'The server that serves this document' }],
        security: [{ bearerAuth: [] }],
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: ((document) =>
        declareCommonProblems(
          pruneUnusedSchemas(jsonSchemaTransformObject(document) as Document),
        )) as SwaggerTransformObject,
    });
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      uiConfig: { deepLinking: true },
      // Swagger UI runs under the API's CSP, plus the hash of the one inline style it renders.
      transformStaticCSP: allowSwaggerLogoStyle,
      // The UI fetches the same document everyone else gets.
      transformSpecification: (document) => document,
    });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
