import { z } from 'zod';
import { SideSchema } from './alignment-report.js';
import { Timestamp } from './common.js';
import {
  EmailSchema,
  OrganisationSchema,
  PASSWORD_MAX_LENGTH,
  PasswordSchema,
  RoleSchema,
  UserSchema,
} from './identity.js';

/*
 * People's accounts by email: confirming the address, resetting and changing the password,
 * signing in with an emailed code, and members invited by email. Links and codes travel only in
 * the messages; these bodies carry them back, and no response ever contains one.
 */

const trimmedName = z
  .string()
  .trim()
  .min(1, 'name must not be empty')
  .max(200, 'name must be at most 200 characters');

/** A link's token, as the portal page reads it from `?token=`. */
const LinkToken = z.string().trim().min(1).max(200).describe('The `token` of the emailed link.');

export const AcceptedSchema = z
  .object({ accepted: z.literal(true) })
  .describe(
    'Always the same answer, whether or not an account has this address: if one does, a message is on its way.',
  )
  .meta({ id: 'Accepted' });

export const VerifyEmailRequestSchema = z
  .object({ token: LinkToken })
  .strict()
  .meta({ id: 'VerifyEmailRequest' });

export const PasswordResetRequestSchema = z
  .object({ email: EmailSchema })
  .strict()
  .meta({ id: 'PasswordResetRequest' });

export const PasswordResetConfirmRequestSchema = z
  .object({ token: LinkToken, password: PasswordSchema.describe('The new password.') })
  .strict()
  .meta({ id: 'PasswordResetConfirmRequest' });

export const ChangePasswordRequestSchema = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword: PasswordSchema,
  })
  .strict()
  .meta({ id: 'ChangePasswordRequest' });

export const SignInCodeRequestSchema = z
  .object({ email: EmailSchema })
  .strict()
  .meta({ id: 'SignInCodeRequest' });

export const CreateMemberInvitationRequestSchema = z
  .object({ email: EmailSchema, name: trimmedName, role: RoleSchema })
  .strict()
  .meta({ id: 'CreateMemberInvitationRequest' });

export const MemberInvitationSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    expiresAt: Timestamp.describe('The emailed link works once, until then (7 days).'),
  })
  .describe('The invitation is on its way; a new one to the same address voids this one.')
  .meta({ id: 'MemberInvitation' });

export const MemberInvitationTokenRequestSchema = z
  .object({ token: LinkToken })
  .strict()
  .meta({ id: 'MemberInvitationTokenRequest' });

export const MemberInvitationPreviewSchema = z
  .object({
    organisation: z.object({ name: z.string(), side: SideSchema }),
    email: z.string().describe('The address invited: the account made by accepting has it.'),
    name: z.string().describe('The name the inviter gave; accepting may change it.'),
    role: RoleSchema,
    invitedBy: z.object({ name: z.string() }),
    expiresAt: Timestamp,
  })
  .meta({ id: 'MemberInvitationPreview' });

export const AcceptMemberInvitationRequestSchema = z
  .object({
    token: LinkToken,
    password: PasswordSchema,
    name: trimmedName.optional().describe('Your name, if not the one the inviter gave.'),
  })
  .strict()
  .meta({ id: 'AcceptMemberInvitationRequest' });

export const AcceptedMemberInvitationSchema = z
  .object({ organisation: OrganisationSchema, user: UserSchema })
  .describe('The account is made and its address confirmed: sign in with the password chosen.')
  .meta({ id: 'AcceptedMemberInvitation' });
