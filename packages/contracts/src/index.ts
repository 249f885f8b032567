export * from './alignment-report.js';
export * from './assessment.js';
export * from './common.js';
export * from './deals.js';
export * from './identity.js';
export * from './milestones.js';
export * from './problem.js';
export * from './webhooks.js';
