import t from 'tap';
import { build } from './helpers/build.js';
import { signUp } from './helpers/identity.js';

t.test('when metrics are enabled, then /metrics has requests, latency by route and the pool', async (t) => {
  const { app } = await build(t, { config: { METRICS_ENABLED: true } });
  const org = await signUp(app, 'sales');
  await app.inject({ method: 'GET', url: '/v1/me', headers: org.auth });
  await app.inject({ method: 'GET', url: '/v1/deals/deal_nothing', headers: org.auth });
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^text\/plain/);
  t.match(res.body, /http_requests_total\{method="GET",route="\/v1\/me",status="200"\} 1/);
  t.match(
    res.body,
    /http_requests_total\{method="GET",route="\/v1\/deals\/:dealId",status="404"\} 1/,
    'route patterns, not URLs',
  );
  t.notMatch(res.body, /deal_nothing/);
  t.match(res.body, /http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/v1\/me"\}/);
  t.match(res.body, /db_pool_connections\{state="total"\} \d+/);
  t.match(res.body, /webhook_queue_depth \d+/);
  t.match(res.body, /process_resident_memory_bytes \d+/, "the process's memory");
  t.match(res.body, /nodejs_heap_space_size_used_bytes\{space="old"\} \d+/);
  t.match(res.body, /nodejs_eventloop_lag_p99_seconds [\d.e-]+/);
});

t.test('when metrics are off (the default), then /metrics does not exist', async (t) => {
  const { app } = await build(t);
  t.equal((await app.inject({ method: 'GET', url: '/metrics' })).statusCode, 404);
});
