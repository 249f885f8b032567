import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths };
export type Schemas = components['schemas'];
export type CommonGroundClient = Client<paths>;

export interface ClientOptions {
  /** The API's address, e.g. `http://127.0.0.1:3000`; empty for the same origin (the portals). */
  baseUrl: string;
  /** Returns the current access token, or undefined to call anonymously. */
  accessToken?: () => string | undefined | Promise<string | undefined>;
  fetch?: typeof globalThis.fetch;
  /** Extra headers on every request (e.g. `x-request-id`). */
  headers?: Record<string, string>;
}

/**
 * A typed client for the Common Ground API. Every path, parameter, body and reply is checked
 * against the OpenAPI document at compile time; errors come back as RFC 9457 problems in
 * `error`.
 */
export function createCommonGroundClient(options: ClientOptions): CommonGroundClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  const { accessToken } = options;
  if (accessToken) {
    const auth: Middleware = {
      async onRequest({ request }) {
        const token = await accessToken();
        if (token) request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
    };
    client.use(auth);
  }
  return client;
}
