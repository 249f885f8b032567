import { randomBytes } from 'node:crypto';
import { createKeyring } from '@cg/db';
import t from 'tap';
import { rewrapDataKeys } from '../src/modules/deal-room/index.js';
import { build } from './helpers/build.js';
import { assessment, saveAndSubmit, sharedDeal } from './helpers/deals.js';

t.test(
  'when the master key rotates, then every deal key is re-wrapped and the service keeps working',
  async (t) => {
    const oldKey = randomBytes(32).toString('base64');
    const newKey = randomBytes(32).toString('base64');
    const original = await build(t, { config: { MASTER_KEY: oldKey } });
    const deals = [];
    for (let i = 0; i < 3; i++) deals.push(await sharedDeal(original.app));
    const [first] = deals;
    if (!first) throw new Error('no deal');
    const put = await original.app.inject({
      method: 'PUT',
      url: `/v1/deals/${first.dealId}/assessment`,
      headers: first.sales.auth,
      payload: assessment({}, 'kept through rotation'),
    });
    t.equal(put.statusCode, 200);

    // Step 1: the replicas restart knowing both keys; step 2 runs beside their traffic.
    const bothKeys = await build(t, {
      config: { MASTER_KEY: newKey, MASTER_KEYS_PREVIOUS: [oldKey] },
      shareDatabaseOf: original,
    });
    const keyring = createKeyring(newKey, [oldKey]);
    const progress: string[] = [];
    const [rewrapped, readDuring] = await Promise.all([
      rewrapDataKeys(
        original.testDatabase.database,
        keyring,
        (done, total) => progress.push(`${done}/${total}`),
        2,
      ),
      bothKeys.app.inject({
        method: 'GET',
        url: `/v1/deals/${first.dealId}/assessment`,
        headers: first.sales.auth,
      }),
    ]);
    t.equal(readDuring.statusCode, 200, 'reads keep working while keys are re-wrapped');
    t.equal(rewrapped, 3);
    t.same(progress, ['2/3', '3/3'], 'progress is reported per batch');
    const ids = await original.testDatabase.database.asSystem((trx) =>
      trx.selectFrom('deal_keys').select('master_key_id').execute(),
    );
    t.ok(
      ids.length === 3 && ids.every((row) => row.master_key_id === keyring.current.id),
      'every key is under the new master key',
    );
    t.equal(
      await rewrapDataKeys(original.testDatabase.database, keyring),
      0,
      'a second run has nothing to do',
    );

    // Step 3: the old key is dropped; everything is still readable and usable.
    const newOnly = await build(t, { config: { MASTER_KEY: newKey }, shareDatabaseOf: original });
    const read = await newOnly.app.inject({
      method: 'GET',
      url: `/v1/deals/${first.dealId}/assessment`,
      headers: first.sales.auth,
    });
    t.equal(read.statusCode, 200);
    t.equal(read.json().objectives[0].note, 'kept through rotation');
    t.equal((await saveAndSubmit(newOnly.app, first.sales, first.dealId, assessment())).statusCode, 200);
    t.equal(
      (await saveAndSubmit(newOnly.app, first.procurement, first.dealId, assessment())).json().outcome,
      'closed',
    );
  },
);
