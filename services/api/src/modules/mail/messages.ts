import type { MailTemplate } from '@cg/db';
import {
  describeNotification,
  layout,
  type NotificationFacts,
  type PortalKey,
  type RenderedMail,
} from './templates.js';

/** Everything a message is made from, gathered by the worker when it sends. */
export interface MailToRender {
  template: MailTemplate;
  params: Record<string, unknown>;
  /** The code or token the message carries (opened from the outbox), if any. */
  secret: string | undefined;
  publicUrl: string;
  /** RFC 8058 one-click address, for messages a person may stop. */
  unsubscribeUrl?: string | undefined;
  notification?: (NotificationFacts & { recipientName: string; portal: PortalKey }) | undefined;
  digest?: { recipientName: string; portal: PortalKey; items: NotificationFacts[] } | undefined;
}

export class UnrenderableMail extends Error {}

const text = (params: Record<string, unknown>, key: string): string => {
  const value = params[key];
  if (typeof value !== 'string' || value === '') throw new UnrenderableMail(`the message has no ${key}`);
  return value;
};
const optionalText = (params: Record<string, unknown>, key: string): string | undefined =>
  typeof params[key] === 'string' && params[key] !== '' ? (params[key] as string) : undefined;
const portal = (params: Record<string, unknown>): PortalKey =>
  params.portal === 'supplier' || params.portal === 'buyer'
    ? params.portal
    : (() => {
        throw new UnrenderableMail('the message names no portal');
      })();

function requireSecret(mail: MailToRender): string {
  if (!mail.secret) throw new UnrenderableMail('the message has lost its code');
  return mail.secret;
}

const link = (mail: MailToRender, path: string, query: Record<string, string> = {}) => {
  const url = new URL(path, mail.publicUrl);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.href;
};

const SIGN_OFF = 'Common Ground: deal alignment without showing your hand.';
const ignoreIfUnexpected = 'If you did not expect this message, you can ignore it.';

function invitation(mail: MailToRender): RenderedMail {
  const { params } = mail;
  const code = requireSecret(mail);
  const inviter = text(params, 'inviterName');
  const organisation = text(params, 'inviterOrganisation');
  const deal = text(params, 'dealTitle');
  const note = optionalText(params, 'message');
  const recipient = optionalText(params, 'recipientName');
  const where = portal(params);
  return layout({
    subject: `${organisation} invites you to align on “${deal}”`,
    greeting: recipient ? `Hello ${recipient},` : 'Hello,',
    paragraphs: [
      `${inviter} of ${organisation} invites your organisation to the deal “${deal}” on Common Ground.`,
      ...(note ? [`${inviter} writes: “${note}”`] : []),
      'Each side assesses the deal privately; Common Ground shows both how aligned you are, never what the other side wrote.',
      'Your invitation code, if you join by hand:',
    ],
    code,
    action: { label: 'Open the invitation', url: link(mail, `/${where}/join`, { code }) },
    footer: [
      `The invitation is valid for ${String(params.validDays ?? 14)} days and works once.`,
      ignoreIfUnexpected,
      SIGN_OFF,
    ],
  });
}

function memberInvitation(mail: MailToRender): RenderedMail {
  const { params } = mail;
  const token = requireSecret(mail);
  const organisation = text(params, 'organisationName');
  return layout({
    subject: `Join ${organisation} on Common Ground`,
    greeting: `Hello ${text(params, 'recipientName')},`,
    paragraphs: [
      `${text(params, 'inviterName')} invites you to join ${organisation} on Common Ground as ${text(params, 'role')}.`,
      'Choose your own password through the link below.',
    ],
    action: {
      label: 'Accept the invitation',
      url: link(mail, `/${portal(params)}/accept-invitation`, { token }),
    },
    footer: ['The link is valid for 7 days and works once.', ignoreIfUnexpected, SIGN_OFF],
  });
}

function emailVerification(mail: MailToRender): RenderedMail {
  const token = requireSecret(mail);
  return layout({
    subject: 'Confirm your email address for Common Ground',
    greeting: `Hello ${text(mail.params, 'recipientName')},`,
    paragraphs: [
      'Confirm that this address is yours, so Common Ground can send you notifications and you can invite others by email.',
    ],
    action: {
      label: 'Confirm my address',
      url: link(mail, `/${portal(mail.params)}/verify-email`, { token }),
    },
    footer: ['The link is valid for 7 days.', ignoreIfUnexpected, SIGN_OFF],
  });
}

function passwordReset(mail: MailToRender): RenderedMail {
  const token = requireSecret(mail);
  return layout({
    subject: 'Reset your Common Ground password',
    greeting: `Hello ${text(mail.params, 'recipientName')},`,
    paragraphs: [
      'Someone, hopefully you, asked to reset the password of your Common Ground account.',
      'Setting a new password signs you out everywhere.',
    ],
    action: {
      label: 'Choose a new password',
      url: link(mail, `/${portal(mail.params)}/reset-password`, { token }),
    },
    footer: [
      'The link is valid for 30 minutes and works once.',
      'If you did not ask for this, ignore this message: your password stays as it is.',
      SIGN_OFF,
    ],
  });
}

function signInCode(mail: MailToRender): RenderedMail {
  return layout({
    subject: 'Your Common Ground sign-in code',
    greeting: `Hello ${text(mail.params, 'recipientName')},`,
    paragraphs: ['Enter this code to sign in to Common Ground:'],
    code: requireSecret(mail),
    footer: [
      'The code is valid for 10 minutes and works once.',
      'If you did not ask for it, ignore this message: nobody can sign in without the code.',
      SIGN_OFF,
    ],
  });
}

function preferencesFooter(mail: MailToRender, portalKey: PortalKey): string[] {
  return [
    `Choose which messages you get: ${link(mail, `/${portalKey}/notifications/preferences`)}`,
    ...(mail.unsubscribeUrl ? [`Stop messages like this one: ${mail.unsubscribeUrl}`] : []),
    SIGN_OFF,
  ];
}

function notification(mail: MailToRender): RenderedMail {
  const facts = mail.notification;
  if (!facts) throw new UnrenderableMail('the notification no longer exists');
  const { headline, detail } = describeNotification(facts);
  return layout({
    subject: headline,
    greeting: `Hello ${facts.recipientName},`,
    paragraphs: [detail],
    action: { label: 'Open the deal', url: link(mail, `/${facts.portal}/deals/${facts.dealId}`) },
    footer: preferencesFooter(mail, facts.portal),
  });
}

function digest(mail: MailToRender): RenderedMail {
  const summary = mail.digest;
  if (!summary || summary.items.length === 0) throw new UnrenderableMail('the digest has nothing in it');
  const lines = summary.items.map((item) => {
    const { headline, detail } = describeNotification(item);
    return `• ${headline}. ${detail} ${link(mail, `/${summary.portal}/deals/${item.dealId}`)}`;
  });
  const count = summary.items.length;
  return layout({
    subject: `Common Ground: ${count} update${count === 1 ? '' : 's'} on your deals`,
    greeting: `Hello ${summary.recipientName},`,
    paragraphs: ['Here is what happened on your deals since the last digest:', ...lines],
    action: { label: 'Open your notifications', url: link(mail, `/${summary.portal}/notifications`) },
    footer: preferencesFooter(mail, summary.portal),
  });
}

const RENDERERS: Record<MailTemplate, (mail: MailToRender) => RenderedMail> = {
  invitation,
  member_invitation: memberInvitation,
  email_verification: emailVerification,
  password_reset: passwordReset,
  sign_in_code: signInCode,
  notification,
  digest,
};

export const renderMail = (mail: MailToRender): RenderedMail => RENDERERS[mail.template](mail);
