import { captureQueries } from '../../../bench/queries.js';
import t from 'tap';
import { build } from './helpers/build.js';
import { assessment, sharedDeal } from './helpers/deals.js';

t.test('round trips', async (t) => {
  const { app } = await build(t, { config: { RATE_LIMIT_ENABLED: false } });
  const { sales, procurement, dealId } = await sharedDeal(app);
  const put = (party: typeof sales) => app.inject({ method: 'PUT', url: `/v1/deals/${dealId}/assessment`, headers: party.auth, payload: assessment() });
  await put(sales);
  await put(procurement);
  const save = await captureQueries(() => put(sales));
  await app.inject({ method: 'POST', url: `/v1/deals/${dealId}/assessment/submit`, headers: sales.auth });
  const submit = await captureQueries(() => app.inject({ method: 'POST', url: `/v1/deals/${dealId}/assessment/submit`, headers: procurement.auth }));
  console.log('SAVE', save.length, save.map((q) => q.text.slice(0, 90)));
  console.log('SUBMIT', submit.length, submit.map((q) => q.text.slice(0, 90)));
});
