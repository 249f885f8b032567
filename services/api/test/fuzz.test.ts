import { fuzzOperations } from './helpers/fuzz.js';

// Schema fuzzing, first half of the operations (the other half: fuzz-second-half.test.ts).
fuzzOperations(0, 2);
