import { randomBytes } from 'node:crypto';
import t from 'tap';
import {
  contentFingerprint,
  createKeyring,
  DecryptionError,
  generateDataKey,
  openContent,
  sealContent,
  unwrapDataKey,
  wrapDataKey,
} from '../src/index.js';

const masterKey = () => randomBytes(32).toString('base64');
const binding = { dealId: 'deal_1', side: 'sales', revision: 1 };

t.test('when content is sealed, then only the same key and binding open it', async (t) => {
  const key = generateDataKey();
  const sealed = sealContent(key, 'private words', binding);
  t.notMatch(sealed, /private/);
  t.equal(openContent(key, sealed, binding), 'private words');
  t.not(sealContent(key, 'private words', binding), sealed, 'a fresh nonce every time');

  for (const other of [
    { ...binding, dealId: 'deal_2' },
    { ...binding, side: 'procurement' },
    { ...binding, revision: 2 },
  ]) {
    t.throws(() => openContent(key, sealed, other), DecryptionError, `moved to ${JSON.stringify(other)}`);
  }
  t.throws(() => openContent(generateDataKey(), sealed, binding), DecryptionError, 'another key');
  const bytes = Buffer.from(sealed.slice(3), 'base64');
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
  t.throws(
    () => openContent(key, `v1.${bytes.toString('base64')}`, binding),
    DecryptionError,
    'a flipped bit',
  );
});

t.test('when a data key is wrapped, then it unwraps only for its deal and a known master key', async (t) => {
  const keyring = createKeyring(masterKey());
  const dataKey = generateDataKey();
  const { wrappedKey, masterKeyId } = wrapDataKey(keyring, 'deal_1', dataKey);
  t.same(unwrapDataKey(keyring, 'deal_1', wrappedKey, masterKeyId), dataKey);
  t.throws(() => unwrapDataKey(keyring, 'deal_2', wrappedKey, masterKeyId), DecryptionError);
  t.throws(
    () => unwrapDataKey(createKeyring(masterKey()), 'deal_1', wrappedKey, masterKeyId),
    /not configured/,
  );
});

t.test('when the master key rotates, then keys wrapped by the previous one still unwrap', async (t) => {
  const old = masterKey();
  const before = createKeyring(old);
  const dataKey = generateDataKey();
  const wrapped = wrapDataKey(before, 'deal_1', dataKey);
  const after = createKeyring(masterKey(), [old]);
  t.not(after.current.id, before.current.id);
  t.same(unwrapDataKey(after, 'deal_1', wrapped.wrappedKey, wrapped.masterKeyId), dataKey);
  const rewrapped = wrapDataKey(after, 'deal_1', dataKey);
  t.equal(rewrapped.masterKeyId, after.current.id);
});

t.test('when content is fingerprinted, then equal content matches only under the same key', async (t) => {
  const key = generateDataKey();
  t.equal(contentFingerprint(key, 'a'), contentFingerprint(key, 'a'));
  t.not(contentFingerprint(key, 'a'), contentFingerprint(key, 'b'));
  t.not(contentFingerprint(key, 'a'), contentFingerprint(generateDataKey(), 'a'));
});
