import type { FastifyInstance } from 'fastify';
import { type SignedUp, signUp } from './identity.js';

export interface AssessmentBody {
  objectives: { category: string; note?: string }[];
  risks: Record<
    'operational' | 'financial' | 'informationSecurity',
    { likelihood: number; impact: number; note?: string }
  >;
  nature: { supplyRisk: number; businessImpact: number };
  disclosure: 'summary' | 'standard' | 'detailed';
}

export function assessment(overrides: Partial<AssessmentBody> = {}, notes?: string): AssessmentBody {
  const note = notes === undefined ? {} : { note: notes };
  return {
    objectives: [
      { category: 'business_value', ...note },
      { category: 'quality', ...note },
      { category: 'long_term_partnership', ...note },
    ],
    risks: {
      operational: { likelihood: 2, impact: 3, ...note },
      financial: { likelihood: 2, impact: 2, ...note },
      informationSecurity: { likelihood: 3, impact: 4, ...note },
    },
    nature: { supplyRisk: 4, businessImpact: 4 },
    disclosure: 'detailed',
    ...overrides,
  };
}

export interface SharedDeal {
  sales: SignedUp;
  procurement: SignedUp;
  dealId: string;
}

export async function createDeal(app: FastifyInstance, owner: SignedUp, body: Record<string, unknown> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/deals',
    headers: owner.auth,
    payload: { title: 'Fleet telematics rollout', ...body },
  });
  if (res.statusCode !== 201) throw new Error(`create deal failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; status: string };
}

export async function invite(app: FastifyInstance, owner: SignedUp, dealId: string) {
  const res = await app.inject({
    method: 'POST',
    url: `/v1/deals/${dealId}/invitations`,
    headers: owner.auth,
  });
  if (res.statusCode !== 201) throw new Error(`invite failed: ${res.statusCode} ${res.body}`);
  return res.json() as { code: string; expiresAt: string };
}

/** A sales organisation creates a deal and a procurement organisation joins it. */
export async function sharedDeal(
  app: FastifyInstance,
  body: Record<string, unknown> = {},
): Promise<SharedDeal> {
  const sales = await signUp(app, 'sales');
  const procurement = await signUp(app, 'procurement');
  const deal = await createDeal(app, sales, body);
  const { code } = await invite(app, sales, deal.id);
  const accepted = await app.inject({
    method: 'POST',
    url: '/v1/invitations/accept',
    headers: procurement.auth,
    payload: { code },
  });
  if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.statusCode} ${accepted.body}`);
  return { sales, procurement, dealId: deal.id };
}

export async function saveAndSubmit(
  app: FastifyInstance,
  party: SignedUp,
  dealId: string,
  body: AssessmentBody,
) {
  const put = await app.inject({
    method: 'PUT',
    url: `/v1/deals/${dealId}/assessment`,
    headers: party.auth,
    payload: body,
  });
  if (put.statusCode !== 200) throw new Error(`put failed: ${put.statusCode} ${put.body}`);
  return app.inject({ method: 'POST', url: `/v1/deals/${dealId}/assessment/submit`, headers: party.auth });
}
