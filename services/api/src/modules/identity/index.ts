/**
 * Identity: sign-up and the sessions and tokens of the token endpoint (no caller yet), who the
 * caller is and the organisation's members, and its API clients; the emailed flows (address
 * verification, password reset and change, sign-in codes, member invitations). The one door the
 * app uses. Whether a caller's address is confirmed (for mail sent on their behalf) is checked
 * by `requireVerifiedEmail` in platform/caller.ts.
 */
export { accountRoutes } from './account-routes.js';
export { apiClientRoutes } from './api-client-routes.js';
export { memberRoutes } from './member-routes.js';
export { recoveryRoutes } from './recovery-routes.js';
export { sessionRoutes } from './session-routes.js';
