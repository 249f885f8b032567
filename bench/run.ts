import { benchHealth } from './health.js';
import { benchRoutes } from './routes.js';
import { benchScale } from './scale.js';

// Each benchmark prints its figures and writes bench/results/<name>.json (see bench/RESULTS.md).
// BENCH_SECONDS sets the measured seconds of every load run (default 10); BENCH_SCALE_DEALS the
// dataset sizes of the scale benchmark (default 1000,1000000).
const started = performance.now();
await benchHealth();
await benchRoutes();
await benchScale();
console.log(`pnpm bench: done in ${((performance.now() - started) / 60_000).toFixed(1)} min`);
