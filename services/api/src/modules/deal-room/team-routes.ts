import {
  ConsolidationRequestSchema,
  ConsolidationResultSchema,
  ContributionContentSchema,
  ContributionListSchema,
  ContributionSchema,
  CreateStakeholderRequestSchema,
  DealIdParamsSchema,
  DealTeamMemberSchema,
  DealTeamSchema,
  InternalAlignmentSchema,
  PutTeamMemberRequestSchema,
  SpreadSharingSchema,
  StakeholderListSchema,
  StakeholderParamsSchema,
  StakeholderSchema,
  TeamCandidateListSchema,
  TeamMemberParamsSchema,
  UpdateStakeholderRequestSchema,
} from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdempotencyKeyHeaders, IfMatchHeaders, problemResponses } from '../../lib/openapi.js';
import * as contributions from './contributions.js';
import { dealRoomDeps } from './dependencies.js';
import * as stakeholders from './stakeholders.js';
import * as team from './team.js';

const PRIVATE = 'Private to your organisation: the other side never sees it, nor learns that it exists.';

/** Who is on a side's team and in which role. */
const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = dealRoomDeps(app);
  app.get(
    '/v1/deals/:dealId/team',
    {
      schema: {
        tags: ['teams'],
        operationId: 'getDealTeam',
        summary: 'Your side’s team on the deal, and your role on it',
        description: PRIVATE,
        params: DealIdParamsSchema,
        response: { 200: DealTeamSchema, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request) => team.getTeam(deps, request.caller, request.params.dealId),
  );

  app.get(
    '/v1/deals/:dealId/team/candidates',
    {
      schema: {
        tags: ['teams'],
        operationId: 'listDealTeamCandidates',
        summary: 'People of your organisation who are not on the deal team yet (owners)',
        description: PRIVATE,
        params: DealIdParamsSchema,
        response: { 200: TeamCandidateListSchema, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request) => team.listTeamCandidates(deps, request.caller, request.params.dealId),
  );

  app.put(
    '/v1/deals/:dealId/team/:userId',
    {
      schema: {
        tags: ['teams'],
        operationId: 'putDealTeamMember',
        summary: 'Add a person of your organisation to the deal team, or change their role (owners)',
        description: `${PRIVATE} A contributor is asked for the parts listed (all by default).`,
        params: TeamMemberParamsSchema,
        body: PutTeamMemberRequestSchema,
        response: {
          200: DealTeamMemberSchema,
          201: DealTeamMemberSchema,
          ...problemResponses(400, 401, 403, 404, 409, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const { created, member } = await team.putTeamMember(
        deps,
        request.caller,
        request.params,
        request.body,
      );
      return reply.code(created ? 201 : 200).send(member);
    },
  );

  app.delete(
    '/v1/deals/:dealId/team/:userId',
    {
      schema: {
        tags: ['teams'],
        operationId: 'removeDealTeamMember',
        summary: 'Take a person off the deal team (owners); their contribution stays',
        params: TeamMemberParamsSchema,
        response: { 204: z.undefined().describe('Removed.'), ...problemResponses(401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      await team.removeTeamMember(deps, request.caller, request.params);
      return reply.code(204).send();
    },
  );
};

/** Each team member's private contribution. */
const contributionRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = dealRoomDeps(app);
  app.get(
    '/v1/deals/:dealId/contributions',
    {
      schema: {
        tags: ['teams'],
        operationId: 'listContributions',
        summary: 'Your side’s contributions: every one for owners, your own for anyone else',
        description: PRIVATE,
        params: DealIdParamsSchema,
        response: { 200: ContributionListSchema, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request) => contributions.listContributions(deps, request.caller, request.params.dealId),
  );

  app.get(
    '/v1/deals/:dealId/contributions/mine',
    {
      schema: {
        tags: ['teams'],
        operationId: 'getMyContribution',
        summary: 'Your own contribution to your side’s view',
        description: PRIVATE,
        params: DealIdParamsSchema,
        response: { 200: ContributionSchema, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      const { body, etag } = await contributions.getMyContribution(
        deps,
        request.caller,
        request.params.dealId,
      );
      return reply.header('etag', etag).send(body);
    },
  );

  app.put(
    '/v1/deals/:dealId/contributions/mine',
    {
      schema: {
        tags: ['teams'],
        operationId: 'putMyContribution',
        summary: 'Save your own view of the parts asked of you (contributors and owners)',
        description: `${PRIVATE} Sealed at rest like an assessment. A contributor may give only the parts asked of them (422 names the others).`,
        params: DealIdParamsSchema,
        headers: IfMatchHeaders,
        body: ContributionContentSchema,
        response: {
          200: ContributionSchema,
          ...problemResponses(400, 401, 403, 404, 409, 412, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const { body, etag } = await contributions.putMyContribution(
        deps,
        request.caller,
        request.params.dealId,
        request.body,
        request.headers['if-match'],
      );
      return reply.header('etag', etag).send(body);
    },
  );
};

/** The side's internal spread, and consolidation of its contributions into its assessment. */
const internalAlignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = dealRoomDeps(app);
  app.get(
    '/v1/deals/:dealId/internal-alignment',
    {
      schema: {
        tags: ['teams'],
        operationId: 'getInternalAlignment',
        summary: 'How far your own side’s contributors stand apart (owners; the team once shared)',
        description: PRIVATE,
        params: DealIdParamsSchema,
        response: { 200: InternalAlignmentSchema, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request) => contributions.getInternalAlignment(deps, request.caller, request.params.dealId),
  );

  app.put(
    '/v1/deals/:dealId/internal-alignment/sharing',
    {
      schema: {
        tags: ['teams'],
        operationId: 'setInternalAlignmentSharing',
        summary: 'Share the internal spread with your side’s team, or stop sharing it (owners)',
        params: DealIdParamsSchema,
        body: SpreadSharingSchema,
        response: { 200: SpreadSharingSchema, ...problemResponses(400, 401, 403, 404, 409, 415, 429) },
      },
    },
    async (request) =>
      contributions.setSpreadSharing(deps, request.caller, request.params.dealId, request.body.shared),
  );

  app.post(
    '/v1/deals/:dealId/assessment/consolidate',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders.extend(IfMatchHeaders.shape),
        tags: ['teams'],
        operationId: 'consolidateAssessment',
        summary: 'Build your side’s assessment draft from its contributions (owners)',
        description:
          'Per part: pick one contribution, average several (objectives: combine by priority weights), or override. Parts left out keep their draft value; submitting stays a separate act. The audit trail records the contributions used.',
        params: DealIdParamsSchema,
        body: ConsolidationRequestSchema,
        response: {
          200: ConsolidationResultSchema,
          ...problemResponses(400, 401, 403, 404, 409, 412, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const { body, etag } = await contributions.consolidateAssessment(
        deps,
        request.caller,
        request.params.dealId,
        request.body,
        request.headers['if-match'],
      );
      return reply.header('etag', etag).send(body);
    },
  );
};

/** The side's private stakeholder map. */
const stakeholderRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = dealRoomDeps(app);
  app.get(
    '/v1/deals/:dealId/stakeholders',
    {
      schema: {
        tags: ['teams'],
        operationId: 'listStakeholders',
        summary: 'Your side’s stakeholder map of the deal',
        description: PRIVATE,
        params: DealIdParamsSchema,
        response: { 200: StakeholderListSchema, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request) => stakeholders.listStakeholders(deps, request.caller, request.params.dealId),
  );

  app.post(
    '/v1/deals/:dealId/stakeholders',
    {
      config: { idempotent: true },
      schema: {
        headers: IdempotencyKeyHeaders,
        tags: ['teams'],
        operationId: 'createStakeholder',
        summary: 'Add a person to your side’s stakeholder map (contributors and owners)',
        description: `${PRIVATE} Notes are sealed at rest.`,
        params: DealIdParamsSchema,
        body: CreateStakeholderRequestSchema,
        response: { 201: StakeholderSchema, ...problemResponses(400, 401, 403, 404, 409, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const { body, etag } = await stakeholders.createStakeholder(
        deps,
        request.caller,
        request.params.dealId,
        request.body,
      );
      return reply.code(201).header('etag', etag).send(body);
    },
  );

  app.patch(
    '/v1/deals/:dealId/stakeholders/:stakeholderId',
    {
      schema: {
        tags: ['teams'],
        operationId: 'updateStakeholder',
        summary: 'Change a stakeholder’s role, influence, stance or notes (contributors and owners)',
        params: StakeholderParamsSchema,
        headers: IfMatchHeaders,
        body: UpdateStakeholderRequestSchema,
        response: {
          200: StakeholderSchema,
          ...problemResponses(400, 401, 403, 404, 409, 412, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const { body, etag } = await stakeholders.updateStakeholder(
        deps,
        request.caller,
        request.params,
        request.body,
        request.headers['if-match'],
      );
      return reply.header('etag', etag).send(body);
    },
  );

  app.delete(
    '/v1/deals/:dealId/stakeholders/:stakeholderId',
    {
      schema: {
        tags: ['teams'],
        operationId: 'deleteStakeholder',
        summary: 'Remove a person from your side’s stakeholder map (contributors and owners)',
        params: StakeholderParamsSchema,
        response: { 204: z.undefined().describe('Removed.'), ...problemResponses(401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      await stakeholders.deleteStakeholder(deps, request.caller, request.params);
      return reply.code(204).send();
    },
  );
};

/** A side's team on a deal: its members and roles, their contributions, the internal spread and the stakeholder map. */
export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(memberRoutes);
  await app.register(contributionRoutes);
  await app.register(internalAlignmentRoutes);
  await app.register(stakeholderRoutes);
};
