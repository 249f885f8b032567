import { fuzzOperations } from './helpers/fuzz.js';

// Schema fuzzing, second half of the operations (the first half: fuzz.test.ts).
fuzzOperations(1, 2);
