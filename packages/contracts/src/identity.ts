import { z } from 'zod';
import { SideSchema } from './alignment-report.js';
import { Timestamp } from './common.js';

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing cannot be used to burn CPU. */
export const PASSWORD_MAX_LENGTH = 256;

export const SCOPES = [
  'deals:read',
  'deals:write',
  'assessments:read',
  'assessments:write',
  'webhooks:manage',
] as const;
export type Scope = (typeof SCOPES)[number];

export const ROLES = ['admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const trimmedName = (what: string) =>
  z.string().trim().min(1, `${what} must not be empty`).max(200, `${what} must be at most 200 characters`);

export const EmailSchema = z
  .email('must be an email address')
  .max(254)
  .transform((email) => email.toLowerCase())
  .describe('Compared case-insensitively; stored in lower case.');

export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const ScopeSchema = z.enum(SCOPES).meta({ id: 'Scope' });
export const RoleSchema = z
  .enum(ROLES)
  .describe('admin manages members, API clients and webhooks; member works on deals; viewer only reads.')
  .meta({ id: 'Role' });

export const OrganisationSchema = z
  .object({ id: z.string(), name: z.string(), side: SideSchema })
  .meta({ id: 'Organisation' });

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    emailVerified: z
      .boolean()
      .describe(
        'Whether the person proved the address is theirs (the link sent at sign-up, a reset link, an emailed sign-in code or a member invitation). Until then they receive no notification mail and cannot send invitations by email.',
      ),
  })
  .meta({ id: 'User' });

export const MemberSchema = UserSchema.extend({ createdAt: Timestamp }).meta({ id: 'Member' });

export const SignupRequestSchema = z
  .object({
    organisation: z.object({ name: trimmedName('name'), side: SideSchema }).strict(),
    user: z.object({ email: EmailSchema, name: trimmedName('name'), password: PasswordSchema }).strict(),
  })
  .strict()
  .meta({ id: 'SignupRequest' });

export const SignupResponseSchema = z
  .object({ organisation: OrganisationSchema, user: UserSchema })
  .meta({ id: 'SignupResponse' });

// The token endpoint speaks OAuth 2.0 (RFC 6749): snake_case names, one body per grant type.
// Unknown parameters are ignored there, as the RFC asks.
const clientScope = z.string().max(500).optional().describe('Space-separated scopes to narrow the token to.');
export const PasswordGrantSchema = z
  .object({
    grant_type: z.literal('password'),
    username: z.string().min(1).max(254).describe('The email address.'),
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .meta({ id: 'PasswordGrant' });
export const RefreshTokenGrantSchema = z
  .object({ grant_type: z.literal('refresh_token'), refresh_token: z.string().min(1).max(200) })
  .meta({ id: 'RefreshTokenGrant' });
export const ClientCredentialsGrantSchema = z
  .object({
    grant_type: z.literal('client_credentials'),
    client_id: z.string().min(1).max(100),
    client_secret: z.string().min(1).max(200),
    scope: clientScope,
  })
  .meta({ id: 'ClientCredentialsGrant' });

/** An RFC 6749 §4.5 extension grant: the one-time code mailed by `POST /v1/auth/sign-in-code`. */
export const EMAILED_CODE_GRANT_TYPE = 'urn:common-ground:params:oauth:grant-type:emailed-code';
const SignInCodeSchema = z
  .string()
  .min(1)
  .max(20)
  .describe('The code from the message (spaces and hyphens are ignored).');
export const EmailedCodeGrantSchema = z
  .object({
    grant_type: z.literal(EMAILED_CODE_GRANT_TYPE),
    username: z.string().min(1).max(254).describe('The email address the code was sent to.'),
    code: SignInCodeSchema,
  })
  .meta({ id: 'EmailedCodeGrant' });

export const TokenRequestSchema = z
  .discriminatedUnion('grant_type', [
    PasswordGrantSchema,
    RefreshTokenGrantSchema,
    ClientCredentialsGrantSchema,
    EmailedCodeGrantSchema,
  ])
  .meta({ id: 'TokenRequest' });

export const TokenResponseSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.int().describe('Seconds until the access token expires.'),
    refresh_token: z.string().optional().describe('Single use: every refresh returns a new one.'),
    scope: z.string().optional(),
  })
  .meta({ id: 'TokenResponse' });

export const RevokeRequestSchema = z
  .object({ token: z.string().min(1).max(200) })
  .meta({ id: 'RevokeRequest' });
export const RevokeResponseSchema = z
  .object({ revoked: z.literal(true) })
  .describe('Always answered for a well-formed request (RFC 7009): an unknown token is no error.')
  .meta({ id: 'RevokeResponse' });

export const ApiClientSummarySchema = z
  .object({
    id: z.string(),
    clientId: z.string(),
    name: z.string(),
    scopes: z.array(ScopeSchema),
    createdAt: Timestamp,
  })
  .meta({ id: 'ApiClient' });

export const MeSchema = z
  .union([
    z.object({ user: UserSchema, organisation: OrganisationSchema, role: RoleSchema }),
    z.object({
      client: z.object({ id: z.string(), clientId: z.string(), name: z.string() }),
      organisation: OrganisationSchema,
      scopes: z.array(ScopeSchema),
    }),
  ])
  .meta({ id: 'Me' });

export const AddMemberRequestSchema = z
  .object({ email: EmailSchema, name: trimmedName('name'), role: RoleSchema, password: PasswordSchema })
  .strict()
  .meta({ id: 'AddMemberRequest' });

export const UpdateMemberRequestSchema = z
  .object({ role: RoleSchema })
  .strict()
  .meta({ id: 'UpdateMemberRequest' });

export const CreateApiClientRequestSchema = z
  .object({
    name: trimmedName('name'),
    scopes: z
      .array(ScopeSchema)
      .min(1, 'must grant at least one scope')
      .refine((scopes) => new Set(scopes).size === scopes.length, 'must not repeat a scope'),
  })
  .strict()
  .meta({ id: 'CreateApiClientRequest' });

export const CreatedApiClientSchema = ApiClientSummarySchema.extend({
  clientSecret: z.string().describe('Shown once: only its hash is stored.'),
}).meta({ id: 'CreatedApiClient' });

export const UserIdParamsSchema = z.object({ userId: z.string().min(1).max(100) });
export const ClientIdParamsSchema = z.object({ clientId: z.string().min(1).max(100) });

export const AuditEventSchema = z
  .object({
    id: z.string(),
    seq: z.int(),
    occurredAt: Timestamp,
    actor: z.object({ type: z.enum(['user', 'client', 'system']), id: z.string().nullable() }),
    action: z.string(),
    subject: z.object({ type: z.string(), id: z.string() }).nullable(),
    detail: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
    hash: z.string().describe('SHA-256 over this entry and the previous entry’s hash.'),
    prevHash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

export const SessionRequestSchema = z
  .union([
    z
      .object({ email: z.string().min(1).max(254), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) })
      .strict(),
    z
      .object({ email: z.string().min(1).max(254), code: SignInCodeSchema })
      .strict()
      .describe('Sign in with the code mailed by `POST /v1/auth/sign-in-code`.'),
  ])
  .meta({ id: 'SessionRequest' });

export const SessionResponseSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.int(),
  })
  .describe('The refresh token travels only in the httpOnly `cg_refresh` cookie.')
  .meta({ id: 'Session' });

export const EmptyObjectSchema = z.object({}).strict().meta({ id: 'Empty' });
