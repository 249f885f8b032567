import { createCommonGroundClient } from '@cg/sdk';
import t from 'tap';
import { build } from './helpers/build.js';

t.test('when the SDK calls a listening server, then replies are typed and errors are problems', async (t) => {
  const { app } = await build(t);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const client = createCommonGroundClient({ baseUrl: address });

  const live = await client.GET('/health/live');
  t.equal(live.response.status, 200);
  t.same(live.data, { status: 'ok' });

  const ready = await client.GET('/health/ready');
  t.equal(ready.data?.status, 'ok');
});
