import { availableParallelism } from 'node:os';
import t from 'tap';
import { argon2Slots, hashPassword, verifyPassword } from '../src/modules/identity/passwords.js';

t.test('when many passwords are hashed at once, then no more than one per core run together', async (t) => {
  const cores = availableParallelism();
  const passwords = Array.from({ length: cores * 4 }, (_, i) => `burst password number ${i}`);
  let mostActive = 0;
  const sampler = setInterval(() => {
    mostActive = Math.max(mostActive, argon2Slots.activeCount);
  }, 1);
  const hashing = Promise.all(passwords.map((password) => hashPassword(password)));
  await new Promise((resolve) => setImmediate(resolve));
  t.equal(argon2Slots.activeCount, cores, 'one hash per core runs');
  t.equal(argon2Slots.pendingCount, passwords.length - cores, 'the rest wait their turn');
  const hashes = await hashing;
  clearInterval(sampler);
  t.ok(mostActive <= cores, `at most ${cores} at a time (saw ${mostActive})`);
  t.equal(argon2Slots.activeCount + argon2Slots.pendingCount, 0, 'nothing is left running');

  // Every queued hash is a real one.
  const checks = await Promise.all(hashes.map((hash, i) => verifyPassword(hash, passwords[i] ?? '')));
  t.same(
    checks,
    passwords.map(() => true),
  );
  t.equal(await verifyPassword(hashes[0], 'not the password'), false);
  t.equal(await verifyPassword(undefined, 'no such account'), false);
});
