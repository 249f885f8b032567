import { benchAlignment } from './alignment.js';
import { benchHealth } from './health.js';

// Each benchmark prints its figures and writes bench/results/<name>.json.
await benchHealth();
await benchAlignment();
