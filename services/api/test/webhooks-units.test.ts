import { randomBytes } from 'node:crypto';
import { createKeyring } from '@cg/db';
import { Webhook } from 'standardwebhooks';
import t from 'tap';
import { parseConfig } from '../src/config.js';
import {
  newEndpointSecret,
  openEndpointSecret,
  sealEndpointSecret,
} from '../src/modules/webhooks/secret-box.js';
import type { SendResult } from '../src/modules/webhooks/sender.js';
import { webhookHeaders, webhookPayload } from '../src/modules/webhooks/signing.js';
import { isPublicAddress, resolveTarget } from '../src/modules/webhooks/ssrf.js';
import { retryAfterSeconds, settle } from '../src/modules/webhooks/worker.js';
import { verifySignature } from './helpers/receiver.js';

t.test('which addresses count as public', async (t) => {
  const notPublic = [
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '192.0.0.8',
    '198.18.0.1',
    '224.0.0.1',
    '240.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.1.2.3',
    '::ffff:a9fe:a9fe',
    '::127.0.0.1',
    '64:ff9b::a00:1', // NAT64 of 10.0.0.1
    '2002:7f00:1::1', // 6to4 of 127.0.0.1
    '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456:789a::1',
    'fec0::1',
    'ff02::1',
    '100::1',
    'localhost',
    'example.com',
    '',
    '1.2.3',
    '256.1.1.1',
  ];
  for (const address of notPublic) t.notOk(isPublicAddress(address), `${address || '(empty)'} is not public`);
  const isPublic = [
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '172.15.255.255',
    '100.128.0.1',
    '203.0.113.10',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ];
  for (const address of isPublic) t.ok(isPublicAddress(address), `${address} is public`);
});

t.test('when a target is resolved, then the flag decides between strict and lenient', async (t) => {
  const strict = { allowPrivateNetworks: false };
  await t.rejects(resolveTarget('http://203.0.113.10/x', strict), { message: /https/ });
  await t.rejects(resolveTarget('https://[::1]:8443/x', strict), { message: /non-public/ });
  await t.rejects(resolveTarget('https://localhost/x', strict), { message: /non-public/ });
  await t.rejects(resolveTarget('https://a:b@203.0.113.10/x', strict), { message: /credentials/ });
  t.same((await resolveTarget('https://[2001:db8::1]/x', strict)).addresses, [
    { address: '2001:db8::1', family: 6 },
  ]);
  t.same((await resolveTarget('https://203.0.113.10/x', strict)).addresses, [
    { address: '203.0.113.10', family: 4 },
  ]);
  const lenient = await resolveTarget('http://localhost:1234/x', { allowPrivateNetworks: true });
  t.equal(lenient.url.href, 'http://localhost:1234/x');
  t.equal(lenient.addresses, undefined, 'no pinning: anything goes');
});

t.test('what happens after an attempt', async (t) => {
  const schedule = [0, 5, 300];
  const answer = (statusCode: number | null, retryAfter?: string): SendResult => ({
    statusCode,
    retryAfter,
    error: statusCode === null ? 'connection refused' : null,
    interrupted: false,
  });
  for (const status of [200, 201, 204, 299])
    t.same(settle(answer(status), 1, schedule), { outcome: 'succeeded' });
  t.same(settle(answer(410), 1, schedule), { outcome: 'failed', gone: true }, '410 gives up and disables');
  for (const status of [null, 301, 400, 404, 429, 500, 503]) {
    const first = settle(answer(status), 1, schedule);
    t.equal(first.outcome, 'retrying', `${status} is retried`);
    t.ok(
      (first.retryInSeconds ?? -1) >= 4.5 && (first.retryInSeconds ?? 99) <= 5.5,
      'after ~5 s, with jitter',
    );
    const second = settle(answer(status), 2, schedule);
    t.ok((second.retryInSeconds ?? -1) >= 270 && (second.retryInSeconds ?? 999) <= 330, 'then ~300 s');
    t.same(settle(answer(status), 3, schedule), { outcome: 'failed' }, 'then the schedule has run out');
  }
  const asked = settle(answer(503, '120'), 1, schedule);
  t.equal(asked.retryInSeconds, 120, 'Retry-After beyond the schedule is honoured');
  const sooner = settle(answer(503, '1'), 2, schedule);
  t.ok((sooner.retryInSeconds ?? 0) >= 270, 'a shorter Retry-After does not hurry the schedule');
  const interrupted = settle({ ...answer(null), interrupted: true }, 3, schedule);
  t.same(
    interrupted,
    { outcome: 'retrying', retryInSeconds: 0 },
    'an interrupted attempt is made again at once',
  );

  t.equal(retryAfterSeconds(undefined), undefined);
  t.equal(retryAfterSeconds('soon'), undefined);
  t.equal(retryAfterSeconds(' 30 '), 30);
  t.equal(retryAfterSeconds('999999999'), 86_400, 'at most a day');
  const now = Date.parse('2026-11-29T12:00:00Z');
  t.equal(retryAfterSeconds('Sun, 29 Nov 2026 12:01:00 GMT', now), 60);
  t.equal(retryAfterSeconds('Sun, 29 Nov 2026 11:00:00 GMT', now), 0);
});

t.test('signing and payloads', async (t) => {
  const secret = newEndpointSecret();
  t.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
  const body = JSON.stringify({ hello: 'world' });
  const headers = webhookHeaders([secret], 'whd_x', 1_700_000_000, body);
  const receipt = {
    path: '/',
    headers: {},
    webhookId: headers['webhook-id'] ?? '',
    timestamp: headers['webhook-timestamp'] ?? '',
    signature: headers['webhook-signature'] ?? '',
    body,
  };
  t.ok(verifySignature(secret, receipt));
  t.notOk(verifySignature(secret, { ...receipt, timestamp: '1700000001' }), 'the timestamp is signed');
  t.notOk(verifySignature(secret, { ...receipt, webhookId: 'whd_y' }), 'the id is signed');
  // The Standard Webhooks reference vector (standard-webhooks/standard-webhooks, spec tests).
  const reference = webhookHeaders(
    ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    'msg_p5jXN8AQM9LWM0D4loKWxJek',
    1614265330,
    '{"test": 2432232314}',
  );
  t.equal(reference['webhook-signature'], 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');

  const payload = webhookPayload({
    eventId: 'evt_1',
    eventType: 'milestone.changed',
    timelineType: 'milestone.deleted',
    occurredAt: new Date('2026-11-29T10:00:00.123Z'),
    dealId: 'deal_1',
    side: 'sales',
    data: {
      milestoneId: 'ms_1',
      status: 'done',
      title: 'Sign the contract',
      note: 'private',
      fields: ['title'],
      round: 'two',
    },
  });
  t.same(payload, {
    id: 'evt_1',
    type: 'milestone.changed',
    createdAt: '2026-11-29T10:00:00.123Z',
    data: { dealId: 'deal_1', side: 'sales', status: 'done', milestoneId: 'ms_1', action: 'deleted' },
  });
});

t.test('sealed endpoint secrets', async (t) => {
  const keyring = createKeyring(randomBytes(32).toString('base64'));
  const secret = newEndpointSecret();
  const sealed = sealEndpointSecret(keyring, 'whe_a', secret);
  t.notMatch(sealed, secret.slice(6));
  t.equal(openEndpointSecret(keyring, 'whe_a', sealed), secret);
  t.throws(() => openEndpointSecret(keyring, 'whe_b', sealed), 'bound to its endpoint');
  t.throws(
    () => openEndpointSecret(createKeyring(randomBytes(32).toString('base64')), 'whe_a', sealed),
    'needs the master key',
  );
});

t.test('webhook settings', async (t) => {
  const defaults = parseConfig({});
  t.equal(defaults.WEBHOOK_WORKER_ENABLED, true);
  t.equal(defaults.WEBHOOK_ALLOW_PRIVATE_NETWORKS, false, 'private targets are refused unless allowed');
  t.same(
    defaults.WEBHOOK_RETRY_SCHEDULE_SECONDS,
    [0, 5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400],
  );
  t.equal(defaults.WEBHOOK_TIMEOUT_MS, 15_000);
  t.same(
    parseConfig({ WEBHOOK_RETRY_SCHEDULE_SECONDS: '0,0.2,0.2' }).WEBHOOK_RETRY_SCHEDULE_SECONDS,
    [0, 0.2, 0.2],
  );
  t.equal(parseConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }).WEBHOOK_ALLOW_PRIVATE_NETWORKS, true);
  for (const value of ['5,300', '0,,5', '0, 5', 'soon', '0,-1', '0,700000']) {
    t.throws(
      () => parseConfig({ WEBHOOK_RETRY_SCHEDULE_SECONDS: value }),
      { message: /WEBHOOK_RETRY_SCHEDULE_SECONDS[.:]/ },
      value,
    );
  }
});

t.test(
  'when a partner verifies a delivery with the Standard Webhooks library, then either secret of a rotation verifies it',
  async (t) => {
    const [current, previous, stranger] = [newEndpointSecret(), newEndpointSecret(), newEndpointSecret()];
    const body = JSON.stringify({ id: 'evt_1', type: 'deal.joined', data: { dealId: 'deal_1' } });
    const headers = webhookHeaders([current, previous], 'whd_1', Math.floor(Date.now() / 1000), body);
    t.same(new Webhook(current).verify(body, headers), JSON.parse(body), 'the new secret verifies');
    t.same(new Webhook(previous).verify(body, headers), JSON.parse(body), 'the old secret verifies');
    t.throws(() => new Webhook(stranger).verify(body, headers), 'another secret does not');
    t.throws(() => new Webhook(current).verify(`${body} `, headers), 'a changed body does not');
  },
);
