import { SCOPES, type Scope } from '@cg/contracts';
import t from 'tap';
import { unsubscribeTokens } from '../src/modules/notifications/index.js';
import { build } from './helpers/build.js';
import { assessment, createDeal, invite } from './helpers/deals.js';
import { addMember, createClient, PASSWORD, type SignedUp, signUp, uniqueEmail } from './helpers/identity.js';
import { handmadeJwt, sessionOf } from './helpers/jwt.js';
import { injectAny } from './helpers/sse.js';

/*
 * The authorization matrix: every operation of the OpenAPI document × every kind of caller → the
 * status it must get, in one table. An operation without a row fails the test.
 *
 * The resources belong to the sales organisation S (whose admin sets them up); deals are shared
 * with the procurement organisation P. Callers:
 *   anonymous, expired (S admin's, expired), wrongAudience (S admin's, another audience),
 *   sameSideOutsider (another sales org's admin), otherSideOutsider (another procurement org's admin),
 *   counterparty (P's admin), viewer (S viewer), clientWithout / clientWith (S API clients lacking /
 *   holding the operation's scope; for admin-only operations both hold every scope).
 */
const CALLERS = [
  'anonymous',
  'expired',
  'wrongAudience',
  'sameSideOutsider',
  'otherSideOutsider',
  'counterparty',
  'viewer',
  'clientWithout',
  'clientWith',
] as const;
type Caller = (typeof CALLERS)[number];
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Expectations = Record<Caller, number>;

interface Context {
  s: SignedUp;
  p: SignedUp;
  /** A deal S and P share, both with saved drafts and a first report. */
  dealId: string;
  /** A webhook endpoint of S (organisations may have at most 20). */
  endpointId: string;
}
interface Request {
  path: string;
  body?: unknown;
}
interface Row {
  operation: `${Method} ${string}`;
  scope: Scope | 'admin' | 'public';
  /** Makes a fresh target for each call when the operation changes state. */
  request: (ctx: Context) => Promise<Request> | Request;
  expect: Expectations;
}

const unauthenticated = { anonymous: 401, expired: 401, wrongAudience: 401 } as const;
const everyone = (status: number): Expectations =>
  Object.fromEntries(CALLERS.map((caller) => [caller, status])) as Expectations;
/** A route on S's deal: parties may, outsiders see nothing, the scope decides for the rest. */
const onDeal = (ok: number, { viewer = ok, counterparty = ok } = {}): Expectations => ({
  ...unauthenticated,
  sameSideOutsider: 404,
  otherSideOutsider: 404,
  counterparty,
  viewer,
  clientWithout: 403,
  clientWith: ok,
});
/** Organisation administration: every admin manages its own organisation only. */
const adminOnly = (ownOk: number, onSResource: boolean): Expectations => ({
  ...unauthenticated,
  sameSideOutsider: onSResource ? 404 : ownOk,
  otherSideOutsider: onSResource ? 404 : ownOk,
  counterparty: onSResource ? 404 : ownOk,
  viewer: 403,
  clientWithout: 403,
  clientWith: 403,
});
/** A person's own things (notifications, preferences): every signed-in person, no API client. */
const peopleOnly = (ok: number): Expectations => ({
  ...everyone(ok),
  ...unauthenticated,
  clientWithout: 403,
  clientWith: 403,
});
/** A scoped route on the caller's own organisation (lists, creating). */
const ownScoped = (ok: number, { viewer = ok } = {}): Expectations => ({
  ...unauthenticated,
  sameSideOutsider: ok,
  otherSideOutsider: ok,
  counterparty: ok,
  viewer,
  clientWithout: 403,
  clientWith: ok,
});

export const MATRIX: Row[] = [
  {
    operation: 'GET /health/live',
    scope: 'public',
    request: () => ({ path: '/health/live' }),
    expect: everyone(200),
  },
  {
    operation: 'GET /health/ready',
    scope: 'public',
    request: () => ({ path: '/health/ready' }),
    expect: everyone(200),
  },
  {
    operation: 'POST /v1/signup',
    scope: 'public',
    request: () => ({
      path: '/v1/signup',
      body: {
        organisation: { name: 'New Co', side: 'sales' },
        user: { email: uniqueEmail(), name: 'N', password: PASSWORD },
      },
    }),
    expect: everyone(201),
  },
  {
    operation: 'POST /v1/auth/token',
    scope: 'public',
    request: () => ({
      path: '/v1/auth/token',
      body: { grant_type: 'password', username: uniqueEmail(), password: 'wrong password!' },
    }),
    expect: everyone(401),
  },
  {
    operation: 'POST /v1/auth/revoke',
    scope: 'public',
    request: () => ({ path: '/v1/auth/revoke', body: { token: 'cgr_unknown' } }),
    expect: everyone(200),
  },
  {
    operation: 'POST /v1/auth/session',
    scope: 'public',
    request: () => ({
      path: '/v1/auth/session',
      body: { email: uniqueEmail(), password: 'wrong password!' },
    }),
    expect: everyone(401),
  },
  {
    operation: 'DELETE /v1/auth/session',
    scope: 'public',
    request: () => ({ path: '/v1/auth/session' }),
    expect: everyone(204),
  },
  {
    operation: 'POST /v1/auth/session/refresh',
    scope: 'public',
    request: () => ({ path: '/v1/auth/session/refresh', body: {} }),
    expect: everyone(401),
  },
  // The emailed flows: whoever holds a link's token (or an address) may use it; nobody else.
  {
    operation: 'POST /v1/auth/verify-email',
    scope: 'public',
    request: () => ({ path: '/v1/auth/verify-email', body: { token: 'cgv_unknown' } }),
    expect: everyone(400),
  },
  {
    operation: 'POST /v1/auth/password-reset',
    scope: 'public',
    request: () => ({ path: '/v1/auth/password-reset', body: { email: uniqueEmail() } }),
    expect: everyone(202),
  },
  {
    operation: 'POST /v1/auth/password-reset/confirm',
    scope: 'public',
    request: () => ({
      path: '/v1/auth/password-reset/confirm',
      body: { token: 'cgp_unknown', password: PASSWORD },
    }),
    expect: everyone(400),
  },
  {
    operation: 'POST /v1/auth/sign-in-code',
    scope: 'public',
    request: () => ({ path: '/v1/auth/sign-in-code', body: { email: uniqueEmail() } }),
    expect: everyone(202),
  },
  {
    operation: 'POST /v1/auth/member-invitations/preview',
    scope: 'public',
    request: () => ({ path: '/v1/auth/member-invitations/preview', body: { token: 'cgi_unknown' } }),
    expect: everyone(400),
  },
  {
    operation: 'POST /v1/auth/member-invitations/accept',
    scope: 'public',
    request: () => ({
      path: '/v1/auth/member-invitations/accept',
      body: { token: 'cgi_unknown', password: PASSWORD },
    }),
    expect: everyone(400),
  },
  {
    // Admins have confirmed their addresses (409), the viewer has not; clients have none.
    operation: 'POST /v1/me/verification-email',
    scope: 'public',
    request: () => ({ path: '/v1/me/verification-email' }),
    expect: { ...everyone(409), ...unauthenticated, viewer: 202, clientWithout: 403, clientWith: 403 },
  },
  {
    // Every person's password is PASSWORD: "changing" it to itself keeps the table repeatable.
    operation: 'POST /v1/me/password',
    scope: 'public',
    request: () => ({ path: '/v1/me/password', body: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
    expect: { ...everyone(204), ...unauthenticated, clientWithout: 403, clientWith: 403 },
  },
  {
    operation: 'GET /v1/me',
    scope: 'public',
    request: () => ({ path: '/v1/me' }),
    expect: { ...everyone(200), ...unauthenticated },
  },
  {
    operation: 'GET /v1/organisation/members',
    scope: 'admin',
    request: () => ({ path: '/v1/organisation/members' }),
    expect: adminOnly(200, false),
  },
  {
    operation: 'POST /v1/organisation/members',
    scope: 'admin',
    request: () => ({
      path: '/v1/organisation/members',
      body: { email: uniqueEmail(), name: 'M', role: 'member', password: PASSWORD },
    }),
    expect: adminOnly(201, false),
  },
  {
    operation: 'POST /v1/organisation/member-invitations',
    scope: 'admin',
    request: () => ({
      path: '/v1/organisation/member-invitations',
      body: { email: uniqueEmail(), name: 'M', role: 'member' },
    }),
    expect: adminOnly(202, false),
  },
  {
    operation: 'PATCH /v1/organisation/members/{userId}',
    scope: 'admin',
    request: async ({ s }) => ({
      path: `/v1/organisation/members/${(await freshMember(s)).id}`,
      body: { role: 'viewer' },
    }),
    expect: adminOnly(200, true),
  },
  {
    operation: 'DELETE /v1/organisation/members/{userId}',
    scope: 'admin',
    request: async ({ s }) => ({ path: `/v1/organisation/members/${(await freshMember(s)).id}` }),
    expect: adminOnly(204, true),
  },
  {
    operation: 'GET /v1/api-clients',
    scope: 'admin',
    request: () => ({ path: '/v1/api-clients' }),
    expect: adminOnly(200, false),
  },
  {
    operation: 'POST /v1/api-clients',
    scope: 'admin',
    request: () => ({ path: '/v1/api-clients', body: { name: 'C', scopes: ['deals:read'] } }),
    expect: adminOnly(201, false),
  },
  {
    operation: 'DELETE /v1/api-clients/{clientId}',
    scope: 'admin',
    request: async ({ s }) => ({
      path: `/v1/api-clients/${(await createClient(app(), s, ['deals:read'])).client.id}`,
    }),
    expect: adminOnly(204, true),
  },
  {
    operation: 'GET /v1/audit-events',
    scope: 'admin',
    request: () => ({ path: '/v1/audit-events' }),
    expect: adminOnly(200, false),
  },
  {
    operation: 'POST /v1/deals',
    scope: 'deals:write',
    request: () => ({ path: '/v1/deals', body: { title: 'New deal' } }),
    expect: ownScoped(201, { viewer: 403 }),
  },
  {
    operation: 'GET /v1/deals',
    scope: 'deals:read',
    request: () => ({ path: '/v1/deals' }),
    expect: ownScoped(200),
  },
  {
    operation: 'GET /v1/deals/{dealId}',
    scope: 'deals:read',
    request: ({ dealId }) => ({ path: `/v1/deals/${dealId}` }),
    expect: onDeal(200),
  },
  {
    operation: 'PATCH /v1/deals/{dealId}',
    scope: 'deals:write',
    request: async (ctx) => ({
      path: `/v1/deals/${await freshSharedDeal(ctx)}`,
      body: { description: 'changed' },
    }),
    expect: onDeal(200, { viewer: 403 }),
  },
  {
    operation: 'POST /v1/deals/{dealId}/invitations',
    scope: 'deals:write',
    // A deal the counterparty has not joined: to it, the deal does not exist yet.
    request: async ({ s }) => ({ path: `/v1/deals/${(await createDeal(app(), s)).id}/invitations` }),
    expect: { ...onDeal(201, { viewer: 403 }), counterparty: 404 },
  },
  {
    operation: 'POST /v1/invitations/preview',
    scope: 'public',
    // The code is the credential: whoever holds it sees the deal's title and who invites.
    request: async ({ s }) => ({
      path: '/v1/invitations/preview',
      body: { code: (await invite(app(), s, (await createDeal(app(), s)).id)).code },
    }),
    expect: everyone(200),
  },
  {
    operation: 'POST /v1/invitations/accept',
    scope: 'deals:write',
    request: async ({ s }) => ({
      path: '/v1/invitations/accept',
      body: { code: (await invite(app(), s, (await createDeal(app(), s)).id)).code },
    }),
    // Only the other side may join: S's own people and clients, and other sales organisations, get 422.
    expect: {
      ...unauthenticated,
      sameSideOutsider: 422,
      otherSideOutsider: 200,
      counterparty: 200,
      viewer: 403,
      clientWithout: 403,
      clientWith: 422,
    },
  },
  {
    operation: 'PUT /v1/deals/{dealId}/assessment',
    scope: 'assessments:write',
    request: ({ dealId }) => ({ path: `/v1/deals/${dealId}/assessment`, body: assessment() }),
    expect: onDeal(200, { viewer: 403 }),
  },
  {
    operation: 'GET /v1/deals/{dealId}/assessment',
    scope: 'assessments:read',
    request: ({ dealId }) => ({ path: `/v1/deals/${dealId}/assessment` }),
    expect: onDeal(200),
  },
  {
    operation: 'POST /v1/deals/{dealId}/assessment/submit',
    scope: 'assessments:write',
    request: async (ctx) => ({
      path: `/v1/deals/${await freshSharedDeal(ctx, { drafts: true })}/assessment/submit`,
    }),
    expect: onDeal(200, { viewer: 403 }),
  },
  {
    operation: 'GET /v1/deals/{dealId}/team',
    scope: 'deals:read',
    request: ({ dealId }) => ({ path: `/v1/deals/${dealId}/team` }),
    expect: onDeal(200),
  },
  {
    // Each side's owner lists its own organisation's people; a viewer manages no team.
    operation: 'GET /v1/deals/{dealId}/team/candidates',
    scope: 'deals:read',
    request: ({ dealId }) => ({ path: `/v1/deals/${dealId}/team/candidates` }),
    expect: onDeal(200, { viewer: 403 }),
  },
  {
    // The counterparty's admin names a person of S: not of its organisation (404).
    operation: 'PUT /v1/deals/{dealId}/team/{userId}',
    scope: 'deals:write',
    request: ({ dealId, s }) => ({ path: `/v1/deals/${dealId}/team/${s.user.id}`, body: { role: 'owner' } }),
    expect: onDeal(200, { viewer: 403, counterparty: 404 }),
  },
  {
    operation: 'DELETE /v1/deals/{dealId}/team/{userId}',
    scope: 'deals:write',
    request: async ({ dealId, s }) => ({
      path: `/v1/deals/${dealId}/team/${await freshTeamMember(s, dealId)}`,
    }),
    expect: onDeal(204, { viewer: 403, counterparty: 404 }),
  },
  {
    operation: 'GET /v1/deals/{dealId}/contributions',
    scope: 'assessments:read',
    request: ({ dealId }) => ({ path: `/v1/deals/${dealId}/contributions` }),
    expect: onDeal(200),
  },
  {
    // A contribution is a person's own view: API clients cannot have one.
    operation: 'GET /v1/deals/{dealId}/contributions/mine',
    scope: 'assessments:read',
    request: ({ dealId }) => ({ path: `/v1/deals/${dealId}/contributions/mine` }),
    expect: { ...onDeal(404), clientWith: 403 },
  },
  {
    operation: 'PUT /v1/deals/{dealId}/contributions/mine',
    scope: 'assessments:write',
    request: ({ dealId }) => ({
      path: `/v1/deals/${dealId}/contributions/mine`,
      body: { risks: { financial: { likelihood: 2, impact: 3 } } },
    }),
    expect: { ...onDeal(200, { viewer: 403 }), clientWith: 403 },
  },
  {
    // Owners see the internal spread; an organisation viewer only once it is shared.
    operation: 'GET /v1/deals/{dealId}/internal-alignment',
    scope: 'assessments:read',
    request: ({ dealId }) => ({ path: `/v1/deals/${dealId}/internal-alignment` }),
    expect: onDeal(200, { viewer: 403 }),
  },
  {
    operation: 'PUT /v1/deals/{dealId}/internal-alignment/sharing',
    scope: 'assessments:write',
    request: ({ dealId }) => ({
      path: `/v1/deals/${dealId}/internal-alignment/sharing`,
      body: { shared: false },
    }),
    expect: onDeal(200, { viewer: 403 }),
  },
  {
    operation: 'POST /v1/deals/{dealId}/assessment/consolidate',
    scope: 'assessments:write',
    request: async (ctx) => ({
      path: `/v1/deals/${await freshSharedDeal(ctx, { drafts: true })}/assessment/consolidate`,
      body: { risks: { operational: { override: { likelihood: 2, impact: 2 } } } },
    }),
    expect: onDeal(200, { viewer: 403 }),
  },
  {
    operation: 'GET /v1/deals/{dealId}/stakeholders',
    scope: 'deals:read',
    request: ({ dealId }) => ({ path: `/v1/deals/${dealId}/stakeholders` }),
    expect: onDeal(200),
  },
  {
    operation: 'POST /v1/deals/{dealId}/stakeholders',
    scope: 'deals:write',
    request: ({ dealId }) => ({
      path: `/v1/deals/${dealId}/stakeholders`,
      body: { name: 'Target', side: 'procurement', role: 'champion' },
    }),
    expect: onDeal(201, { viewer: 403 }),
  },
  {
    // S's map is S's alone: the counterparty does not find the entry.
    operation: 'PATCH /v1/deals/{dealId}/stakeholders/{stakeholderId}',
    scope: 'deals:write',
    request: async (ctx) => ({
      path: `/v1/deals/${ctx.dealId}/stakeholders/${await freshStakeholder(ctx)}`,
      body: { stance: 'supportive' },
    }),
    expect: onDeal(200, { viewer: 403, counterparty: 404 }),
  },
  {
    operation: 'DELETE /v1/deals/{dealId}/stakeholders/{stakeholderId}',
    scope: 'deals:write',
    request: async (ctx) => ({ path: `/v1/deals/${ctx.dealId}/stakeholders/${await freshStakeholder(ctx)}` }),
    expect: onDeal(204, { viewer: 403, counterparty: 404 }),
  },
  {
    operation: 'GET /v1/deals/{dealId}/alignment',
    scope: 'deals:read',
    request: ({ dealId }) => ({ path: `/v1/deals/${dealId}/alignment` }),
    expect: onDeal(200),
  },
  {
    operation: 'GET /v1/deals/{dealId}/alignment/versions',
    scope: 'deals:read',
    request: ({ dealId }) => ({ path: `/v1/deals/${dealId}/alignment/versions` }),
    expect: onDeal(200),
  },
  {
    operation: 'GET /v1/deals/{dealId}/events',
    scope: 'deals:read',
    request: ({ dealId }) => ({ path: `/v1/deals/${dealId}/events` }),
    expect: onDeal(200),
  },
  {
    operation: 'GET /v1/deals/{dealId}/stream',
    scope: 'deals:read',
    request: ({ dealId }) => ({ path: `/v1/deals/${dealId}/stream` }),
    expect: onDeal(200),
  },
  {
    operation: 'GET /v1/deals/{dealId}/milestones',
    scope: 'deals:read',
    request: ({ dealId }) => ({ path: `/v1/deals/${dealId}/milestones` }),
    expect: onDeal(200),
  },
  {
    operation: 'POST /v1/deals/{dealId}/milestones',
    scope: 'deals:write',
    request: ({ dealId }) => ({
      path: `/v1/deals/${dealId}/milestones`,
      body: { title: 'Pilot', ownerSide: 'sales' },
    }),
    expect: onDeal(201, { viewer: 403 }),
  },
  {
    operation: 'PATCH /v1/deals/{dealId}/milestones/{milestoneId}',
    scope: 'deals:write',
    request: async (ctx) => ({
      path: `/v1/deals/${ctx.dealId}/milestones/${await freshMilestone(ctx)}`,
      body: { status: 'done' },
    }),
    expect: onDeal(200, { viewer: 403 }),
  },
  {
    operation: 'DELETE /v1/deals/{dealId}/milestones/{milestoneId}',
    scope: 'deals:write',
    request: async (ctx) => ({ path: `/v1/deals/${ctx.dealId}/milestones/${await freshMilestone(ctx)}` }),
    expect: onDeal(204, { viewer: 403 }),
  },
  {
    operation: 'GET /v1/deals/{dealId}/milestones/{milestoneId}',
    scope: 'deals:read',
    request: async (ctx) => ({ path: `/v1/deals/${ctx.dealId}/milestones/${await freshMilestone(ctx)}` }),
    expect: onDeal(200),
  },
  {
    operation: 'GET /v1/deals/{dealId}/milestones/{milestoneId}/tasks',
    scope: 'deals:read',
    request: async (ctx) => ({
      path: `/v1/deals/${ctx.dealId}/milestones/${await freshMilestone(ctx)}/tasks`,
    }),
    expect: onDeal(200),
  },
  {
    operation: 'POST /v1/deals/{dealId}/milestones/{milestoneId}/tasks',
    scope: 'deals:write',
    request: async (ctx) => ({
      path: `/v1/deals/${ctx.dealId}/milestones/${await freshMilestone(ctx)}/tasks`,
      body: { title: 'Send the questionnaire', assignee: { side: 'procurement' } },
    }),
    expect: onDeal(201, { viewer: 403 }),
  },
  {
    operation: 'PATCH /v1/deals/{dealId}/milestones/{milestoneId}/tasks/{taskId}',
    scope: 'deals:write',
    request: async (ctx) => ({ path: await freshTask(ctx), body: { status: 'in_progress' } }),
    expect: onDeal(200, { viewer: 403 }),
  },
  {
    operation: 'DELETE /v1/deals/{dealId}/milestones/{milestoneId}/tasks/{taskId}',
    scope: 'deals:write',
    request: async (ctx) => ({ path: await freshTask(ctx) }),
    expect: onDeal(204, { viewer: 403 }),
  },
  {
    operation: 'GET /v1/plan-templates',
    scope: 'deals:read',
    request: () => ({ path: '/v1/plan-templates' }),
    expect: ownScoped(200),
  },
  {
    // The counterparty saves the shared deal's plan into its own library.
    operation: 'POST /v1/plan-templates',
    scope: 'deals:write',
    request: async (ctx) => ({
      path: '/v1/plan-templates',
      body: { dealId: await plannedDeal(ctx), name: 'Matrix plan' },
    }),
    expect: onDeal(201, { viewer: 403 }),
  },
  {
    // S's template: no other organisation finds it.
    operation: 'DELETE /v1/plan-templates/{templateId}',
    scope: 'deals:write',
    request: async (ctx) => ({ path: `/v1/plan-templates/${await freshPlanTemplate(ctx)}` }),
    expect: { ...onDeal(204, { viewer: 403, counterparty: 404 }) },
  },
  {
    operation: 'POST /v1/deals/{dealId}/plan/apply-template',
    scope: 'deals:write',
    request: ({ dealId }) => ({
      path: `/v1/deals/${dealId}/plan/apply-template`,
      body: { templateId: 'competitive-commodity' },
    }),
    expect: onDeal(201, { viewer: 403 }),
  },
  {
    operation: 'GET /v1/deals/{dealId}/milestones/{milestoneId}/comments',
    scope: 'deals:read',
    request: async (ctx) => ({
      path: `/v1/deals/${ctx.dealId}/milestones/${await freshMilestone(ctx)}/comments`,
    }),
    expect: onDeal(200),
  },
  {
    operation: 'POST /v1/deals/{dealId}/milestones/{milestoneId}/comments',
    scope: 'deals:write',
    request: async (ctx) => ({
      path: `/v1/deals/${ctx.dealId}/milestones/${await freshMilestone(ctx)}/comments`,
      body: { body: 'Looks good to us' },
    }),
    expect: onDeal(201, { viewer: 403 }),
  },
  {
    operation: 'GET /v1/webhook-endpoints',
    scope: 'webhooks:manage',
    request: () => ({ path: '/v1/webhook-endpoints' }),
    expect: ownScoped(200, { viewer: 403 }),
  },
  {
    operation: 'POST /v1/webhook-endpoints',
    scope: 'webhooks:manage',
    request: () => ({
      path: '/v1/webhook-endpoints',
      body: { url: 'http://127.0.0.1:9/hook', events: ['alignment.ready'] },
    }),
    expect: ownScoped(201, { viewer: 403 }),
  },
  {
    operation: 'GET /v1/webhook-endpoints/{endpointId}',
    scope: 'webhooks:manage',
    request: ({ endpointId }) => ({ path: `/v1/webhook-endpoints/${endpointId}` }),
    expect: { ...onDeal(200, { viewer: 403 }), counterparty: 404 },
  },
  {
    operation: 'DELETE /v1/webhook-endpoints/{endpointId}',
    scope: 'webhooks:manage',
    request: async ({ s }) => ({ path: `/v1/webhook-endpoints/${await freshEndpoint(s)}` }),
    expect: { ...onDeal(204, { viewer: 403 }), counterparty: 404 },
  },
  {
    operation: 'POST /v1/webhook-endpoints/{endpointId}/rotate-secret',
    scope: 'webhooks:manage',
    request: ({ endpointId }) => ({ path: `/v1/webhook-endpoints/${endpointId}/rotate-secret` }),
    expect: { ...onDeal(200, { viewer: 403 }), counterparty: 404 },
  },
  {
    operation: 'GET /v1/webhook-endpoints/{endpointId}/deliveries',
    scope: 'webhooks:manage',
    request: ({ endpointId }) => ({ path: `/v1/webhook-endpoints/${endpointId}/deliveries` }),
    expect: { ...onDeal(200, { viewer: 403 }), counterparty: 404 },
  },
  // Notifications belong to people: each person their own, API clients none (403).
  {
    operation: 'GET /v1/notifications',
    scope: 'public',
    request: () => ({ path: '/v1/notifications' }),
    expect: peopleOnly(200),
  },
  {
    operation: 'POST /v1/notifications/read-all',
    scope: 'public',
    request: () => ({ path: '/v1/notifications/read-all' }),
    expect: peopleOnly(204),
  },
  {
    // P's admin's own notification (S submitted): nobody else's, not even a colleague's.
    operation: 'POST /v1/notifications/{notificationId}/read',
    scope: 'public',
    request: async ({ p }) => ({ path: `/v1/notifications/${await notificationOf(p)}/read` }),
    expect: { ...peopleOnly(404), counterparty: 204 },
  },
  {
    operation: 'GET /v1/me/notification-preferences',
    scope: 'public',
    request: () => ({ path: '/v1/me/notification-preferences' }),
    expect: peopleOnly(200),
  },
  {
    operation: 'PUT /v1/me/notification-preferences',
    scope: 'public',
    request: () => ({
      path: '/v1/me/notification-preferences',
      body: { preferences: { 'milestone.due': 'email' } },
    }),
    expect: peopleOnly(200),
  },
  {
    // The link is the credential: a genuine one opens its page for whoever follows it.
    operation: 'GET /v1/unsubscribe',
    scope: 'public',
    request: ({ s }) => ({
      path: `/v1/unsubscribe?token=${unsubscribeTokens(app().config.JWT_SECRET).create(s.user.id, 'deal.joined')}`,
    }),
    expect: everyone(200),
  },
  {
    operation: 'POST /v1/unsubscribe',
    scope: 'public',
    request: () => ({ path: '/v1/unsubscribe?token=forged.link', body: { 'List-Unsubscribe': 'One-Click' } }),
    expect: everyone(400),
  },
];

// The app under test, for the row helpers above.
let currentApp: Awaited<ReturnType<typeof build>>['app'] | undefined;
const app = () => {
  if (!currentApp) throw new Error('no app');
  return currentApp;
};

async function freshMember(s: SignedUp) {
  const res = await app().inject({
    method: 'POST',
    url: '/v1/organisation/members',
    headers: s.auth,
    payload: { email: uniqueEmail(), name: 'Target', role: 'member', password: PASSWORD },
  });
  return res.json() as { id: string };
}

/** A new member of S put on the deal team by S's admin; answers the user id. */
async function freshTeamMember(s: SignedUp, dealId: string) {
  const { id } = await freshMember(s);
  await app().inject({
    method: 'PUT',
    url: `/v1/deals/${dealId}/team/${id}`,
    headers: s.auth,
    payload: { role: 'contributor' },
  });
  return id;
}

/** The shared deal, with at least one milestone so that its plan can be saved. */
async function plannedDeal({ s, dealId }: Context) {
  await app().inject({
    method: 'POST',
    url: `/v1/deals/${dealId}/milestones`,
    headers: s.auth,
    payload: { title: 'Matrix milestone', ownerSide: 'sales' },
  });
  return dealId;
}

/** A new plan template of S, saved from the shared deal. */
async function freshPlanTemplate(ctx: Context) {
  const res = await app().inject({
    method: 'POST',
    url: '/v1/plan-templates',
    headers: ctx.s.auth,
    payload: { dealId: await plannedDeal(ctx), name: 'Target' },
  });
  return res.json().id as string;
}

/** A new entry of S's stakeholder map on S's deal. */
async function freshStakeholder({ s, dealId }: Context) {
  const res = await app().inject({
    method: 'POST',
    url: `/v1/deals/${dealId}/stakeholders`,
    headers: s.auth,
    payload: { name: 'Target', side: 'procurement', role: 'blocker' },
  });
  return res.json().id as string;
}

async function freshSharedDeal({ s, p }: Context, options: { drafts?: boolean } = {}) {
  const deal = await createDeal(app(), s);
  const { code } = await invite(app(), s, deal.id);
  await app().inject({ method: 'POST', url: '/v1/invitations/accept', headers: p.auth, payload: { code } });
  if (options.drafts) {
    for (const party of [s, p]) {
      await app().inject({
        method: 'PUT',
        url: `/v1/deals/${deal.id}/assessment`,
        headers: party.auth,
        payload: assessment(),
      });
    }
  }
  return deal.id;
}

async function freshMilestone({ s, dealId }: Context) {
  const res = await app().inject({
    method: 'POST',
    url: `/v1/deals/${dealId}/milestones`,
    headers: s.auth,
    payload: { title: 'Target', ownerSide: 'sales' },
  });
  return res.json().id as string;
}

/** The path of a new task in a new milestone of S's deal. */
async function freshTask(ctx: Context) {
  const milestone = `/v1/deals/${ctx.dealId}/milestones/${await freshMilestone(ctx)}`;
  const res = await app().inject({
    method: 'POST',
    url: `${milestone}/tasks`,
    headers: ctx.s.auth,
    payload: { title: 'Target task' },
  });
  return `${milestone}/tasks/${res.json().id as string}`;
}

async function notificationOf(party: SignedUp) {
  const res = await app().inject({ method: 'GET', url: '/v1/notifications?limit=1', headers: party.auth });
  return (res.json() as { data: { id: string }[] }).data[0]?.id ?? 'ntf_none';
}

async function freshEndpoint(s: SignedUp) {
  const res = await app().inject({
    method: 'POST',
    url: '/v1/webhook-endpoints',
    headers: s.auth,
    payload: { url: 'http://127.0.0.1:9/hook', events: ['alignment.ready'] },
  });
  return res.json().id as string;
}

t.test('every operation × every kind of caller gets exactly its status', async (t) => {
  const built = await build(t, {
    config: {
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: true,
      WEBHOOK_WORKER_ENABLED: false,
      RATE_LIMIT_ENABLED: false,
    },
  });
  currentApp = built.app;
  const s = await signUp(app(), 'sales');
  const p = await signUp(app(), 'procurement');
  const dealId = await freshSharedDeal({ s, p, dealId: '', endpointId: '' }, { drafts: true });
  for (const party of [s, p])
    await app().inject({ method: 'POST', url: `/v1/deals/${dealId}/assessment/submit`, headers: party.auth });
  const ctx: Context = { s, p, dealId, endpointId: await freshEndpoint(s) };

  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: s.user.id,
    org: s.organisation.id,
    kind: 'user',
    sid: sessionOf(s.accessToken),
    typ: 'access',
    iss: built.config.JWT_ISSUER,
    aud: built.config.JWT_AUDIENCE,
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const fixed: Partial<Record<Caller, Record<string, string>>> = {
    anonymous: {},
    expired: bearer(
      handmadeJwt(
        { alg: 'HS256', typ: 'JWT' },
        { ...claims, iat: now - 2000, exp: now - 1000 },
        built.config.JWT_SECRET,
      ),
    ),
    wrongAudience: bearer(
      handmadeJwt(
        { alg: 'HS256', typ: 'JWT' },
        { ...claims, aud: 'elsewhere', iat: now, exp: now + 600 },
        built.config.JWT_SECRET,
      ),
    ),
    sameSideOutsider: (await signUp(app(), 'sales')).auth,
    otherSideOutsider: (await signUp(app(), 'procurement')).auth,
    counterparty: p.auth,
    viewer: (await addMember(app(), s, 'viewer')).auth,
  };
  const clients = new Map<string, Record<string, string>>();
  const clientWith = async (scopes: readonly Scope[]) => {
    const key = [...scopes].sort().join(' ');
    if (!clients.has(key)) clients.set(key, (await createClient(app(), s, [...scopes])).auth);
    return clients.get(key) ?? {};
  };

  // Administrators have confirmed their addresses (inviting by email needs it); the viewer has not.
  await built.testDatabase.database.asSystem((trx) =>
    trx.updateTable('users').set({ email_verified_at: new Date() }).where('role', '=', 'admin').execute(),
  );
  for (const row of MATRIX) {
    const scoped = row.scope !== 'admin' && row.scope !== 'public';
    for (const caller of CALLERS) {
      let headers = fixed[caller];
      if (caller === 'clientWith') headers = await clientWith(scoped ? [row.scope as Scope] : SCOPES);
      if (caller === 'clientWithout')
        headers = await clientWith(scoped ? SCOPES.filter((x) => x !== row.scope) : SCOPES);
      const request = await row.request(ctx);
      const [method] = row.operation.split(' ') as [Method];
      // (An event stream is read until it is quiet, then closed: see injectAny.)
      const res = await injectAny(app(), {
        method,
        url: request.path,
        headers: headers ?? {},
        ...(request.body !== undefined ? { payload: request.body as object } : {}),
      });
      t.equal(res.statusCode, row.expect[caller], `${row.operation} as ${caller}`);
      if (res.statusCode >= 400)
        t.match(
          res.headers['content-type'],
          /^application\/problem\+json/,
          `${row.operation} as ${caller}: problem+json`,
        );
    }
  }

  const served = (await app().inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  const operations = Object.entries(served.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
  );
  for (const operation of operations)
    t.ok(
      MATRIX.some((row) => row.operation === operation),
      `${operation} has a row in the matrix`,
    );
  t.equal(MATRIX.length, operations.length, 'and no row for an operation that does not exist');
});
