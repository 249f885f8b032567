import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document: `valid(schema)` makes
 * values the schema accepts (as far as JSON Schema says; zod refinements may still refuse some),
 * and `mutated(schema)` makes near-misses: wrong types, missing and extra fields, huge strings,
 * deep nesting, odd unicode, prototype keys.
 */
type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  prefixItems?: Schema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  format?: string;
  pattern?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
};

export class SchemaArbitraries {
  constructor(private readonly components: Record<string, Schema>) {}

  resolve(schema: Schema): Schema {
    let current = schema;
    for (let depth = 0; current.$ref && depth < 20; depth++) {
      const name = current.$ref.replace('#/components/schemas/', '');
      current = this.components[name] ?? {};
    }
    return current;
  }

  valid(input: Schema, depth = 0): fc.Arbitrary<unknown> {
    const schema = this.resolve(input);
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const union = schema.anyOf ?? schema.oneOf;
    if (union) return fc.oneof(...union.map((s) => this.valid(s, depth + 1)));
    if (schema.allOf) return this.valid(schema.allOf[0] ?? {}, depth + 1);
    const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    if (type.length > 1) return fc.oneof(...type.map((t) => this.valid({ ...schema, type: t }, depth + 1)));
    switch (type[0]) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1_000_000 });
      case 'number':
        return fc.double({
          min: schema.minimum ?? -1e6,
          max: schema.maximum ?? 1e9,
          noNaN: true,
          noDefaultInfinity: true,
        });
      case 'string':
        return this.string(schema);
      case 'array': {
        if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((s) => this.valid(s, depth + 1)));
        if (depth > 6) return fc.constant([]);
        return fc.array(this.valid(schema.items ?? {}, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 4, 4),
        });
      }
      case 'object': {
        const properties = schema.properties ?? {};
        const required = new Set(schema.required ?? []);
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, value] of Object.entries(properties)) record[key] = this.valid(value, depth + 1);
        return fc.record(record, { requiredKeys: [...required].filter((key) => key in properties) });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  }

  private string(schema: Schema): fc.Arbitrary<string> {
    const min = schema.minLength ?? 0;
    const max = Math.min(schema.maxLength ?? 40, 60);
    switch (schema.format) {
      case 'email':
        return fc.emailAddress().filter((email) => email.length <= 254);
      case 'date-time':
        return fc
          .date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString());
      case 'date':
        return fc
          .date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      case 'uri':
        return fc.webUrl();
    }
    if (schema.pattern === '^[A-Z]{3}$') return fc.constantFrom('EUR', 'USD', 'GBP', 'JPY');
    return fc.string({ minLength: min, maxLength: Math.max(min, max) });
  }

  /** A near-miss of a valid value. */
  mutated(input: Schema): fc.Arbitrary<unknown> {
    const schema = this.resolve(input);
    const nasty = fc.oneof(
      fc.constant('x'.repeat(300_000)),
      fc.string({ unit: 'binary', maxLength: 50 }),
      fc.constantFrom(
        '\u0000',
        '\uFFFF',
        '\uD800',
        '🧪'.repeat(100),
        '$' + '{}',
        "' or 1=1 --",
        '../../etc/passwd',
      ),
      fc.jsonValue({ maxDepth: 4 }),
      fc.constant(deepNesting(200)),
      fc.constantFrom(null, true, 0, -1, 1e308, [], {}),
    );
    if ((Array.isArray(schema.type) ? schema.type : [schema.type]).includes('object') && schema.properties) {
      const keys = Object.keys(schema.properties);
      return this.valid(schema).chain((value) => {
        const base = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
        return fc.oneof(
          // A field of the wrong type (or a nasty value).
          fc
            .record({ key: fc.constantFrom(...(keys.length ? keys : ['x'])), bad: nasty })
            .map(({ key, bad }) => ({ ...base, [key]: bad })),
          // A required field missing.
          fc.constantFrom(...(keys.length ? keys : ['x'])).map((key) => {
            const copy = { ...base };
            delete copy[key];
            return copy;
          }),
          // An extra field, prototype keys included.
          fc
            .record({
              key: fc.constantFrom(
                '__proto__',
                'constructor',
                'prototype',
                'isAdmin',
                'organisationId',
                'role',
              ),
              bad: nasty,
            })
            .map(({ key, bad }) => withRawKey(base, key, bad)),
          nasty,
        );
      });
    }
    return nasty;
  }
}

/** Adds a key by writing JSON, so that even `__proto__` becomes an own property when parsed. */
function withRawKey(base: Record<string, unknown>, key: string, value: unknown): unknown {
  const json = JSON.stringify(base);
  const member = `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`;
  return JSON.parse(json === '{}' ? `{${member}}` : `${json.slice(0, -1)},${member}}`);
}

function deepNesting(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { nested: value };
  return value;
}
