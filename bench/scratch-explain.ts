import { buildServer } from '../services/api/scripts/build.js';
import { startChild } from './lib.js';
import { appRoleUrl, captureQueries, explainCaptured, openServiceReads } from './queries.js';
import { benchSecrets, createBenchDatabase, seedDeals } from './setup.js';

const database = await createBenchDatabase();
const api = await startChild(await buildServer(), {
  DATABASE_URL: database.url,
  ...benchSecrets(),
  RATE_LIMIT_ENABLED: 'false',
});
try {
  const seeded = await seedDeals(api.address, 25);
  const dealId = seeded.dealIds[0] ?? '';
  await seeded.call('POST', `/v1/deals/${dealId}/assessment/submit`, seeded.procurement);
  const me = await seeded.call('GET', '/v1/me', seeded.sales);
  const principal = {
    kind: 'user' as const,
    id: me.user.id as string,
    organisationId: me.organisation.id as string,
  };
  const reads = await openServiceReads(database.url);
  await reads.getAlignment(principal, dealId);
  const captured = await captureQueries(() => reads.getAlignment(principal, dealId));
  await reads.close();
  const ex = await explainCaptured(appRoleUrl(database.url), principal.organisationId, captured);
  for (const e of ex) console.log(e.plan);
} finally {
  await api.stop();
  await database.drop();
}
