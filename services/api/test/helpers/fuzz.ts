import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import t from 'tap';
import { build } from './build.js';
import { sharedDeal } from './deals.js';
import { SchemaArbitraries } from './schema-arbitrary.js';
import { injectAny } from './sse.js';

/*
 * Schema fuzzing (issue 8): for every operation of the OpenAPI document, bodies, query strings and
 * path ids generated from its own schemas, valid and mutated. Fails on any 5xx, any status the
 * document does not declare for that operation, any reply that does not match its declared
 * schema, and any error that is not problem+json.
 */
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS_PER_OPERATION ?? 270);

/**
 * A cursor's inside, tampered: what the API puts in one (`{ "k": <sort key> }`, base64url) with
 * any key — fractions, huge and negative numbers, strings, nested values — or any JSON at all.
 */
const tamperedCursor = fc
  .oneof(
    fc.record({
      k: fc.oneof(fc.double(), fc.integer(), fc.bigInt().map(String), fc.string(), fc.jsonValue()),
    }),
    fc.jsonValue(),
  )
  .map((inside) => Buffer.from(JSON.stringify(inside) ?? 'null').toString('base64url'));

type Operation = {
  operationId: string;
  parameters?: { in: string; name: string; required?: boolean; schema: object }[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
};

/**
 * Fuzzes the operations whose position in the document is `part` modulo `parts`: the run is
 * split over test files so that each stays well inside the runner's time limit.
 */
export function fuzzOperations(part: number, parts: number): void {
  t.test(`fuzzing every operation from its own schemas (part ${part + 1} of ${parts})`, async (t) => {
    const { app } = await build(t, {
      config: {
        RATE_LIMIT_ENABLED: false,
        WEBHOOK_WORKER_ENABLED: false,
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: true,
      },
    });
    const { sales, dealId } = await sharedDeal(app);
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, object> };
    };
    const arbitraries = new SchemaArbitraries(document.components.schemas);
    const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    addFormats.default(ajv);
    for (const [name, schema] of Object.entries(document.components.schemas))
      ajv.addSchema(schema, `#/components/schemas/${name}`);

    const realIds: Record<string, string> = { dealId, userId: sales.user.id };
    let requests = 0;
    const failures: string[] = [];

    let position = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (position++ % parts !== part) continue;
        // Never delete the caller, nor sign it out: the run would stop exercising anything.
        if (method === 'delete' && path === '/v1/organisation/members/{userId}')
          realIds.userId = 'usr_not_this_one';
        const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path');
        const queryParams = (operation.parameters ?? []).filter((p) => p.in === 'query');
        const bodySchema = operation.requestBody?.content['application/json']?.schema;
        const request = fc.record({
          ids: fc.record(
            Object.fromEntries(
              pathParams.map((p) => [
                p.name,
                // '.' and '..' are not ids: the URL resolves them into another route.
                fc.oneof(
                  fc.constant(realIds[p.name] ?? 'missing'),
                  arbitraries.valid(p.schema as object).map((id) => `id${String(id)}`),
                ),
              ]),
            ),
          ),
          query: fc.record(
            Object.fromEntries(
              queryParams.map((p) => [
                p.name,
                p.name === 'cursor'
                  ? fc.oneof(arbitraries.valid(p.schema), arbitraries.mutated(p.schema), tamperedCursor)
                  : fc.oneof(arbitraries.valid(p.schema), arbitraries.mutated(p.schema)),
              ]),
            ),
            { requiredKeys: [] },
          ),
          body: bodySchema
            ? fc.oneof(arbitraries.valid(bodySchema), arbitraries.mutated(bodySchema))
            : fc.constant(undefined),
        });
        const result = await fc.check(
          fc.asyncProperty(request, async ({ ids, query, body }) => {
            const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
              encodeURIComponent(String(ids[name] ?? 'x')),
            );
            const search = new URLSearchParams();
            for (const [key, value] of Object.entries(query)) {
              if (value !== undefined)
                search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
            }
            const res = await injectAny(app, {
              method: method.toUpperCase() as 'GET',
              url: `${url}${search.size ? `?${search}` : ''}`,
              headers: {
                ...sales.auth,
                ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
              },
              ...(body !== undefined ? { payload: JSON.stringify(body) ?? 'null' } : {}),
            });
            requests++;
            const where = `${method.toUpperCase()} ${path} → ${res.statusCode}`;
            if (res.statusCode >= 500) throw new Error(`${where}: ${res.body.slice(0, 300)}`);
            const declared = operation.responses[String(res.statusCode)];
            if (!declared)
              throw new Error(`${where}: status not declared in the document (${res.body.slice(0, 200)})`);
            const type = String(res.headers['content-type'] ?? '').split(';')[0] ?? '';
            if (res.statusCode >= 400 && type !== 'application/problem+json')
              throw new Error(`${where}: not problem+json`);
            const schema = declared.content?.[type]?.schema;
            if (declared.content && !schema) throw new Error(`${where}: undeclared content type ${type}`);
            // An event stream's body is its text; every other declared body is JSON.
            const reply = type === 'text/event-stream' ? res.body : schema ? res.json() : undefined;
            if (schema && !ajv.validate(schema, reply)) {
              throw new Error(
                `${where}: reply does not match its schema: ${ajv.errorsText()} — ${res.body.slice(0, 300)}`,
              );
            }
          }),
          { numRuns: RUNS_PER_OPERATION, endOnFailure: true },
        );
        if (result.failed) {
          const example = JSON.stringify(result.counterexample)?.slice(0, 300);
          failures.push(
            `${(result.errorInstance as Error)?.message ?? 'failed'}\n    counterexample: ${example} (seed ${result.seed})`,
          );
        }
        realIds.userId = sales.user.id;
      }
    }
    t.same(failures, [], 'no 5xx, no undeclared status, every reply matches its schema');
    t.ok(requests >= 10_000 / parts, `${requests} requests`);
  });
}
