import { createHmac } from 'node:crypto';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The sign-in session an access token belongs to (its `sid` claim). */
export const sessionOf = (accessToken: string): string =>
  JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')).sid;

/**
 * Builds a JWT by hand — an implementation independent of the server's — to present tokens the
 * server must refuse (expired, wrong audience, `alg: none`, forged).
 */
export function handmadeJwt(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  secret: string | null,
  algorithm: 'sha256' | 'sha512' = 'sha256',
): string {
  const signingInput = `${b64(header)}.${b64(payload)}`;
  const signature =
    secret === null ? '' : createHmac(algorithm, secret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}
