import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/*
 * Server-side request forgery (OWASP API7:2023): a webhook URL must not make the service call
 * into its own network. A target is refused when its host is, or resolves to, anything but a
 * public unicast address — loopback, private, shared (CGNAT), link-local (cloud metadata lives
 * at 169.254.169.254), unique-local, multicast, reserved — in IPv4 and IPv6, including IPv4
 * wrapped in IPv6 (mapped, compatible, NAT64, 6to4). The check runs when an endpoint is saved
 * and again at every delivery, where the connection is pinned to the address that was checked
 * (DNS can change between the two, or between the check and the connect).
 */

/** [first octets..., prefix length] of IPv4 ranges that are not public unicast. */
const NON_PUBLIC_V4: readonly [number[], number][] = [
  [[0], 8], // "this network", 0.0.0.0
  [[10], 8], // private
  [[100, 64], 10], // shared address space (carrier-grade NAT)
  [[127], 8], // loopback
  [[169, 254], 16], // link-local (cloud metadata services)
  [[172, 16], 12], // private
  [[192, 0, 0], 24], // IETF protocol assignments
  [[192, 168], 16], // private
  [[198, 18], 15], // benchmarking
  [[224], 4], // multicast
  [[240], 4], // reserved, and the broadcast address
];

/** IPv6 ranges that are not public unicast, besides those that wrap an IPv4 address. */
const NON_PUBLIC_V6: readonly [number[], number][] = [
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48], // local-use NAT64
  [[0x01, 0x00], 64], // discard-only
  [[0x20, 0x01, 0x00, 0x00], 32], // Teredo (hides an IPv4 address)
  [[0xfc], 7], // unique local
  [[0xfe, 0x80], 10], // link-local
  [[0xfe, 0xc0], 10], // site-local (deprecated)
  [[0xff], 8], // multicast
];

function inPrefix(bytes: readonly number[], prefix: readonly number[], bits: number): boolean {
  for (let i = 0; i * 8 < bits; i++) {
    const mask = bits - i * 8 >= 8 ? 0xff : (0xff << (8 - (bits - i * 8))) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function parseIPv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return undefined;
  const bytes = parts.map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : undefined;
}

function parseIPv6(text: string): number[] | undefined {
  let rest = text.replace(/%.*$/, ''); // a zone id names an interface: it is local by definition
  const tail: number[] = [];
  const lastColon = rest.lastIndexOf(':');
  if (rest.includes('.', lastColon)) {
    const v4 = parseIPv4(rest.slice(lastColon + 1));
    if (!v4) return undefined;
    tail.push(...v4);
    rest = `${rest.slice(0, lastColon + 1)}0:0`;
  }
  const halves = rest.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0] ?? '');
  const end = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const missing = 8 - head.length - end.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...end];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return undefined;
  const bytes = all.flatMap((group) => {
    const value = Number.parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

function isPublicV4(bytes: readonly number[]): boolean {
  return !NON_PUBLIC_V4.some(([prefix, bits]) => inPrefix(bytes, prefix, bits));
}

function isPublicV6(bytes: readonly number[]): boolean {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0);
  // ::/96 (unspecified, loopback, IPv4-compatible) and ::ffff:0:0/96 (IPv4-mapped)
  if (zeros(0, 10) && (zeros(10, 12) || (bytes[10] === 0xff && bytes[11] === 0xff))) {
    return zeros(0, 12) && zeros(12, 15) ? false : isPublicV4(bytes.slice(12));
  }
  if (inPrefix(bytes, [0x00, 0x64, 0xff, 0x9b], 96)) return isPublicV4(bytes.slice(12)); // NAT64
  if (inPrefix(bytes, [0x20, 0x02], 16)) return isPublicV4(bytes.slice(2, 6)); // 6to4
  return !NON_PUBLIC_V6.some(([prefix, bits]) => inPrefix(bytes, prefix, bits));
}

/** True only for a public unicast IPv4 or IPv6 address; false for anything else, names included. */
export function isPublicAddress(address: string): boolean {
  const v4 = parseIPv4(address);
  if (v4) return isPublicV4(v4);
  const v6 = isIP(address.replace(/%.*$/, '')) === 6 ? parseIPv6(address) : undefined;
  return v6 ? isPublicV6(v6) : false;
}

export class TargetRefusedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TargetRefusedError';
  }
}

export interface ResolvedTarget {
  url: URL;
  /** The addresses to connect to, all checked; absent when private networks are allowed. */
  addresses?: { address: string; family: 4 | 6 }[];
}

/** The URL's host without the brackets of an IPv6 literal. */
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** The URL, if it is one a webhook may be sent to wherever it points: http(s), no credentials. */
function parseTargetUrl(rawUrl: string): URL {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new TargetRefusedError('The URL is not valid.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TargetRefusedError('The URL must use https.');
  }
  if (url.username || url.password) {
    throw new TargetRefusedError('The URL must not contain credentials.');
  }
  return url;
}

/** Every address a host name resolves to, all public; an abort is rethrown, not reported as a refusal. */
async function lookUpPublicAddresses(
  host: string,
  signal: AbortSignal | undefined,
): Promise<NonNullable<ResolvedTarget['addresses']>> {
  let addresses: { address: string; family: number }[];
  try {
    addresses = await abortable(lookup(host, { all: true, verbatim: true }), signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new TargetRefusedError(`The host ${host} cannot be resolved.`);
  }
  if (addresses.length === 0) throw new TargetRefusedError(`The host ${host} cannot be resolved.`);
  if (!addresses.every((entry) => isPublicAddress(entry.address))) throw refusedAddress();
  return addresses.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
}

/**
 * Parses and checks a webhook target. Unless private networks are allowed, it must be https, and
 * its host — an address, or a name and every address it resolves to — must be public. Throws
 * `TargetRefusedError` with a reason a caller may read.
 */
export async function resolveTarget(
  rawUrl: string,
  options: { allowPrivateNetworks: boolean; signal?: AbortSignal },
): Promise<ResolvedTarget> {
  const url = parseTargetUrl(rawUrl);
  if (options.allowPrivateNetworks) return { url };
  if (url.protocol !== 'https:') throw new TargetRefusedError('The URL must use https.');

  const host = hostOf(url);
  if (isIP(host)) {
    if (!isPublicAddress(host)) throw refusedAddress();
    return { url, addresses: [{ address: host, family: isIP(host) === 6 ? 6 : 4 }] };
  }
  return { url, addresses: await lookUpPublicAddresses(host, options.signal) };
}

const refusedAddress = () =>
  new TargetRefusedError(
    'The URL’s host is, or resolves to, a loopback, private, link-local or otherwise non-public address.',
  );

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
