/**
 * Identity: sign-up and the sessions and tokens of the token endpoint (no caller yet), who the
 * caller is and the organisation's members, and its API clients. The one door the app uses.
 */
export { apiClientRoutes } from './api-client-routes.js';
export { memberRoutes } from './member-routes.js';
export { sessionRoutes } from './session-routes.js';
