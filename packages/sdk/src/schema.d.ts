// Generated from openapi/openapi.json by `pnpm openapi`. Do not edit.

export type paths = {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service can reach its database */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an organisation and its first administrator */
        post: operations["signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get an access token (password, refresh_token, client_credentials or emailed-code grant)
         * @description JSON or `application/x-www-form-urlencoded`. Refresh tokens are single-use: each refresh returns a new one, and presenting a spent one revokes every token of its family. The extension grant `urn:common-ground:params:oauth:grant-type:emailed-code` (RFC 6749 §4.5) takes `username` and the `code` mailed by `POST /v1/auth/sign-in-code`.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a refresh token (and every token of its family) */
        post: operations["revokeToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in a browser: access token in the body, refresh token in an httpOnly cookie
         * @description With `{ email, password }`, or with `{ email, code }` and the code mailed by `POST /v1/auth/sign-in-code`.
         */
        post: operations["createSession"];
        /** Sign out: revoke the session’s refresh tokens and clear the cookie */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Get a new access token with the session cookie (which rotates) */
        post: operations["refreshSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm an email address with the token of the emailed link */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a password reset link (valid 30 minutes, once)
         * @description The answer is the same whether or not an account has the address. Throttled per client address and per email address.
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the token of the emailed link; every session ends */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sign-in-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a one-time sign-in code (valid 10 minutes, once)
         * @description The answer is the same whether or not an account has the address. Redeem the code at `POST /v1/auth/token` with `grant_type=urn:common-ground:params:oauth:grant-type:emailed-code`, or at `POST /v1/auth/session` with `{ email, code }`. A newer code voids the older; five wrong tries spend it.
         */
        post: operations["requestSignInCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/member-invitations/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a member invitation link offers: the organisation, the role, who invites */
        post: operations["previewMemberInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/member-invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join the inviting organisation with a password of your own */
        post: operations["acceptMemberInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What an invitation code leads to: the deal’s title and who invites (no sign-in needed)
         * @description POST, so that the code stays out of URLs and logs (as RFC 7662 does for tokens). A used, replaced or expired code answers 404.
         */
        post: operations["previewInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The page an unsubscribe link opens: it asks, and changes nothing
         * @description Link scanners open every link in a message, so following the link only shows a button that POSTs to the same address.
         */
        get: operations["showUnsubscribe"];
        put?: never;
        /**
         * One-click unsubscribe (RFC 8058): stop what the link names
         * @description What a mail client sends for `List-Unsubscribe-Post: List-Unsubscribe=One-Click`: the body `List-Unsubscribe=One-Click`. Sets the kind the link names (from a digest: every kind the person gets in the digest) to `off`. Doing it again changes nothing.
         */
        post: operations["unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller: a person or an API client, and its organisation */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisation/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organisation’s members (admins) */
        get: operations["listMembers"];
        put?: never;
        /** Add a person to the organisation (admins) */
        post: operations["addMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisation/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (admins); the last admin cannot be removed */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        /** Change a member’s role (admins); the last admin cannot be demoted */
        patch: operations["updateMember"];
        trace?: never;
    };
    "/v1/me/verification-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the signed-in person a new link to confirm their address
         * @description 409 once the address is confirmed. Throttled per client address and per email address.
         */
        post: operations["resendVerificationEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the password; every other session of the account ends
         * @description A wrong `currentPassword` is a 400 whose `errors` point at it, and counts against the sign-in throttle (429).
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisation/member-invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite a person by email to join the organisation (admins with a confirmed address)
         * @description The person chooses their own password through the emailed link (valid 7 days, once). 403 `email-unverified` until your own address is confirmed; 409 if the address already has an account.
         */
        post: operations["inviteMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organisation’s API clients (admins); secrets are never shown again */
        get: operations["listApiClients"];
        put?: never;
        /**
         * Create a machine client for a partner integration (admins)
         * @description The `clientSecret` is shown in this reply only; the server keeps its SHA-256 hash.
         */
        post: operations["createApiClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-clients/{clientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an API client (admins); its tokens stop working at once */
        delete: operations["deleteApiClient"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation’s own audit trail, newest first (admins)
         * @description Append-only and hash-chained: each entry’s `hash` covers the entry and the previous entry’s hash, so a changed or deleted entry shows.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deals the caller’s organisation is a party to, newest first */
        get: operations["listDeals"];
        put?: never;
        /** Create a deal; the caller’s organisation becomes the party of its side */
        post: operations["createDeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deal, with its parties, submissions and round */
        get: operations["getDeal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change shared fields, or close the deal as won, lost or withdrawn */
        patch: operations["updateDeal"];
        trace?: never;
    };
    "/v1/deals/{dealId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a one-time invitation code for the other side (voids the previous one)
         * @description With no body, the code is yours to pass on. With `email`, it is also sent there, with a link to the other side’s portal where a new organisation can sign up and join.
         */
        post: operations["createInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join a deal with an invitation code (organisations of the other side only) */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/assessment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own side’s assessment (there is no route to the other side’s) */
        get: operations["getAssessment"];
        /**
         * Save your side’s private assessment as a draft
         * @description A draft may be incomplete: the parts present must be valid (400 names each invalid path), the missing ones are named when submitting (422). Only your organisation can ever read it back; the other side sees only the alignment report. Editing a submitted assessment makes a new draft; the submitted version stays in force until the next submit.
         */
        put: operations["putAssessment"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/assessment/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Seal your current draft for the round
         * @description An incomplete draft is refused with 422 and an `errors` list of the missing parts as JSON Pointers (`/objectives/2`, `/risks/financial`, `/nature`, `/disclosure`). In an open round the other side has not submitted to, a submit replaces your earlier one; if the other side has submitted, the round closes and its report is computed; after a report, changed content opens the next round (409 when nothing changed; 429 `round-budget-exhausted` beyond the budget).
         */
        post: operations["submitAssessment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/alignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest alignment report, as the effective disclosure level allows
         * @description Before the first round closes: who the deal is waiting for, and nothing else. While a later round is open, the latest report comes with `pendingRound`.
         */
        get: operations["getAlignment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/alignment/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every report of the deal, newest first */
        get: operations["listAlignmentVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deal’s shared timeline, newest first (both parties) */
        get: operations["listDealEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The deal’s shared timeline as it happens, by Server-Sent Events (both parties)
         * @description Server-Sent Events (`text/event-stream`), open until the access token expires, the caller loses access to the deal or the server closes; then reconnect (with a fresh token and `Last-Event-ID`).
         *
         *     Each new entry of the shared timeline is an event `timeline` whose `data` is the entry exactly as `GET /v1/deals/{dealId}/events` lists it (a `DealEvent`) and whose `id` is where a reconnect resumes. The stream starts with a `retry` field, and with a bare `id` (the newest entry now) so that a reconnect misses nothing; comments (`:`) are heartbeats.
         *
         *     Events say what changed; read the deal, the milestones or the alignment again for the rest.
         */
        get: operations["streamDealEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your side’s team on the deal, and your role on it
         * @description Private to your organisation: the other side never sees it, nor learns that it exists.
         */
        get: operations["getDealTeam"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/team/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * People of your organisation who are not on the deal team yet (owners)
         * @description Private to your organisation: the other side never sees it, nor learns that it exists.
         */
        get: operations["listDealTeamCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/team/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add a person of your organisation to the deal team, or change their role (owners)
         * @description Private to your organisation: the other side never sees it, nor learns that it exists. A contributor is asked for the parts listed (all by default).
         */
        put: operations["putDealTeamMember"];
        post?: never;
        /** Take a person off the deal team (owners); their contribution stays */
        delete: operations["removeDealTeamMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/contributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your side’s contributions: every one for owners, your own for anyone else
         * @description Private to your organisation: the other side never sees it, nor learns that it exists.
         */
        get: operations["listContributions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/contributions/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your own contribution to your side’s view
         * @description Private to your organisation: the other side never sees it, nor learns that it exists.
         */
        get: operations["getMyContribution"];
        /**
         * Save your own view of the parts asked of you (contributors and owners)
         * @description Private to your organisation: the other side never sees it, nor learns that it exists. Sealed at rest like an assessment. A contributor may give only the parts asked of them (422 names the others).
         */
        put: operations["putMyContribution"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/internal-alignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How far your own side’s contributors stand apart (owners; the team once shared)
         * @description Private to your organisation: the other side never sees it, nor learns that it exists.
         */
        get: operations["getInternalAlignment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/internal-alignment/sharing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Share the internal spread with your side’s team, or stop sharing it (owners) */
        put: operations["setInternalAlignmentSharing"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/assessment/consolidate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Build your side’s assessment draft from its contributions (owners)
         * @description Per part: pick one contribution, average several (objectives: combine by priority weights), or override. Parts left out keep their draft value; submitting stays a separate act. The audit trail records the contributions used.
         */
        post: operations["consolidateAssessment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/stakeholders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your side’s stakeholder map of the deal
         * @description Private to your organisation: the other side never sees it, nor learns that it exists.
         */
        get: operations["listStakeholders"];
        put?: never;
        /**
         * Add a person to your side’s stakeholder map (contributors and owners)
         * @description Private to your organisation: the other side never sees it, nor learns that it exists. Notes are sealed at rest.
         */
        post: operations["createStakeholder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/stakeholders/{stakeholderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a person from your side’s stakeholder map (contributors and owners) */
        delete: operations["deleteStakeholder"];
        options?: never;
        head?: never;
        /** Change a stakeholder’s role, influence, stance or notes (contributors and owners) */
        patch: operations["updateStakeholder"];
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation’s webhook endpoints, newest first
         * @description Administrators, or API clients with `webhooks:manage`. Secrets are never shown again.
         */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Subscribe a URL to deal events
         * @description Administrators, or API clients with `webhooks:manage`. Events of every deal the organisation is a party to are POSTed to `url`, signed with the `secret` of this reply (shown once) following Standard Webhooks. The URL must be https on a public address: loopback, private and link-local targets are refused with 422.
         */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A webhook endpoint
         * @description Administrators, or API clients with `webhooks:manage`.
         */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /**
         * Unsubscribe: delete a webhook endpoint and its pending deliveries
         * @description Administrators, or API clients with `webhooks:manage`.
         */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpointId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the signing secret; the old one keeps signing for 24 hours
         * @description Administrators, or API clients with `webhooks:manage`. The new `secret` is shown in this reply only. Until `previousSecretExpiresAt`, `webhook-signature` carries two signatures (new and old secret), so receivers can switch without losing a message.
         */
        post: operations["rotateWebhookEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpointId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The endpoint’s delivery log: each attempt, newest first
         * @description Administrators, or API clients with `webhooks:manage`. One entry per attempt: the event, the answer’s status code (or why there was none), when, and when the next retry is due.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/milestones/{milestoneId}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A milestone's tasks, visible to both parties */
        get: operations["listTasks"];
        put?: never;
        /** Add a task to a milestone (either party) */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/milestones/{milestoneId}/tasks/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a task (either party) */
        delete: operations["deleteTask"];
        options?: never;
        head?: never;
        /** Edit, assign or complete a task (either party) */
        patch: operations["updateTask"];
        trace?: never;
    };
    "/v1/deals/{dealId}/milestones/{milestoneId}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A milestone's comments (and its tasks'), oldest first, visible to both parties */
        get: operations["listPlanComments"];
        put?: never;
        /** Comment on a milestone or one of its tasks, mentioning people with @name (either party) */
        post: operations["addPlanComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plan-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Built-in plans and your organisation’s own, due relative to the decision date */
        get: operations["listPlanTemplates"];
        put?: never;
        /**
         * Save a deal's plan as a template of your organisation
         * @description Milestones and tasks that are not cancelled, with their dates relative to the decision date (absolute dates are converted when the deal has one). Only your organisation sees its templates.
         */
        post: operations["savePlanTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plan-templates/{templateId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one of your organisation's plan templates */
        delete: operations["deletePlanTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/plan/apply-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a template's milestones and tasks to the deal (either party) */
        post: operations["applyPlanTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/milestones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The mutual action plan, visible to both parties */
        get: operations["listMilestones"];
        put?: never;
        /** Add a milestone (either party) */
        post: operations["createMilestone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deals/{dealId}/milestones/{milestoneId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One milestone of the plan with its ETag (304 for a matching If-None-Match) */
        get: operations["getMilestone"];
        put?: never;
        post?: never;
        /** Delete a milestone (either party) */
        delete: operations["deleteMilestone"];
        options?: never;
        head?: never;
        /** Edit or complete a milestone (either party) */
        patch: operations["updateMilestone"];
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller’s notifications, newest first, with the unread count
         * @description For people signed in; API clients get 403. Each notification names its deal and what happened, in the words of its email.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{notificationId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of the caller’s notifications read
         * @description For people signed in; API clients get 403. Marking it again keeps the first time. Another person’s notification is a 404.
         */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark every notification of the caller read
         * @description For people signed in; API clients get 403.
         */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the caller receives each kind of notification
         * @description For people signed in; API clients get 403. Every kind is listed; `email` unless the caller chose otherwise. The reply has an `ETag`.
         */
        get: operations["getNotificationPreferences"];
        /**
         * Choose, per kind, email now, a daily digest, or off
         * @description For people signed in; API clients get 403. Send the kinds to change (or all); the reply is the whole map. `If-Match` with the ETag last read: 412 if the preferences changed since.
         */
        put: operations["updateNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        /**
         * @description An objective from the neutral taxonomy both sides choose from.
         * @enum {string}
         */
        ObjectiveCategoryInput: "cost_savings" | "business_value" | "risk_reduction" | "compliance" | "speed_to_value" | "quality" | "innovation" | "long_term_partnership" | "supply_continuity" | "sustainability" | "scalability";
        /**
         * @description The most this side agrees to reveal of the alignment report; the deal shows the lower of the two sides’ levels.
         * @enum {string}
         */
        DisclosureLevelInput: "summary" | "standard" | "detailed";
        /** @description One objective of this side for the deal. */
        AssessmentObjectiveInput: {
            category: components["schemas"]["ObjectiveCategoryInput"];
            /** @description Why this objective matters. Private to this side, never shown to the other. An empty note is the same as none. */
            note?: string;
        };
        /** @description How much risk this deal carries in one category; both sides answer the same question. */
        RiskRatingInput: {
            /** @description 1 rare, 2 unlikely, 3 possible, 4 likely, 5 almost certain. */
            likelihood: number;
            /** @description 1 negligible, 2 minor, 3 moderate, 4 major, 5 severe. */
            impact: number;
            /** @description What drives this view of the risk. Private to this side, never shown to the other. An empty note is the same as none. */
            note?: string;
        };
        /** @description Where this side places the purchase in the Kraljic matrix. */
        NaturePositionInput: {
            /** @description Supply risk, 1–5; 3 or more counts as high. */
            supplyRisk: number;
            /** @description Business impact, 1–5; 3 or more counts as high. */
            businessImpact: number;
        };
        /** @description Exactly three objectives with distinct categories, in priority order (first is most important). */
        AssessmentObjectivesInput: [
            components["schemas"]["AssessmentObjectiveInput"],
            components["schemas"]["AssessmentObjectiveInput"],
            components["schemas"]["AssessmentObjectiveInput"]
        ];
        /** @description Up to three objectives with distinct categories, in priority order; a null (or missing) slot is not chosen yet. */
        AssessmentDraftObjectivesInput: (components["schemas"]["AssessmentObjectiveInput"] | null)[];
        /** @description The risk categories rated so far; a category is rated whole (likelihood and impact). */
        AssessmentDraftRisksInput: {
            operational?: components["schemas"]["RiskRatingInput"];
            financial?: components["schemas"]["RiskRatingInput"];
            informationSecurity?: components["schemas"]["RiskRatingInput"];
        };
        /** @description A side’s private assessment of the deal, possibly incomplete while it is a draft: the parts present must be valid, the missing ones are named when submitting. A complete body is an AssessmentContent. Only members and clients of the organisation that wrote it can read it. */
        AssessmentDraftInput: {
            objectives?: components["schemas"]["AssessmentDraftObjectivesInput"];
            risks?: components["schemas"]["AssessmentDraftRisksInput"];
            nature?: components["schemas"]["NaturePositionInput"];
            disclosure?: components["schemas"]["DisclosureLevelInput"];
        };
        /**
         * @description A side of a deal.
         * @enum {string}
         */
        SideInput: "sales" | "procurement";
        /** @enum {string} */
        ScopeInput: "deals:read" | "deals:write" | "assessments:read" | "assessments:write" | "webhooks:manage";
        /**
         * @description admin manages members, API clients and webhooks; member works on deals; viewer only reads.
         * @enum {string}
         */
        RoleInput: "admin" | "member" | "viewer";
        SignupRequestInput: {
            organisation: {
                name: string;
                side: components["schemas"]["SideInput"];
            };
            user: {
                /**
                 * Format: email
                 * @description Compared case-insensitively; stored in lower case.
                 */
                email: string;
                name: string;
                password: string;
            };
        };
        PasswordGrantInput: {
            /** @constant */
            grant_type: "password";
            /** @description The email address. */
            username: string;
            password: string;
        };
        RefreshTokenGrantInput: {
            /** @constant */
            grant_type: "refresh_token";
            refresh_token: string;
        };
        ClientCredentialsGrantInput: {
            /** @constant */
            grant_type: "client_credentials";
            client_id: string;
            client_secret: string;
            /** @description Space-separated scopes to narrow the token to. */
            scope?: string;
        };
        EmailedCodeGrantInput: {
            /** @constant */
            grant_type: "urn:common-ground:params:oauth:grant-type:emailed-code";
            /** @description The email address the code was sent to. */
            username: string;
            /** @description The code from the message (spaces and hyphens are ignored). */
            code: string;
        };
        TokenRequestInput: components["schemas"]["PasswordGrantInput"] | components["schemas"]["RefreshTokenGrantInput"] | components["schemas"]["ClientCredentialsGrantInput"] | components["schemas"]["EmailedCodeGrantInput"];
        RevokeRequestInput: {
            token: string;
        };
        AddMemberRequestInput: {
            /**
             * Format: email
             * @description Compared case-insensitively; stored in lower case.
             */
            email: string;
            name: string;
            role: components["schemas"]["RoleInput"];
            password: string;
        };
        UpdateMemberRequestInput: {
            role: components["schemas"]["RoleInput"];
        };
        CreateApiClientRequestInput: {
            name: string;
            scopes: components["schemas"]["ScopeInput"][];
        };
        SessionRequestInput: {
            email: string;
            password: string;
        } | {
            email: string;
            /** @description The code from the message (spaces and hyphens are ignored). */
            code: string;
        };
        EmptyInput: Record<string, never>;
        VerifyEmailRequestInput: {
            /** @description The `token` of the emailed link. */
            token: string;
        };
        PasswordResetRequestInput: {
            /**
             * Format: email
             * @description Compared case-insensitively; stored in lower case.
             */
            email: string;
        };
        PasswordResetConfirmRequestInput: {
            /** @description The `token` of the emailed link. */
            token: string;
            /** @description The new password. */
            password: string;
        };
        ChangePasswordRequestInput: {
            currentPassword: string;
            newPassword: string;
        };
        SignInCodeRequestInput: {
            /**
             * Format: email
             * @description Compared case-insensitively; stored in lower case.
             */
            email: string;
        };
        CreateMemberInvitationRequestInput: {
            /**
             * Format: email
             * @description Compared case-insensitively; stored in lower case.
             */
            email: string;
            name: string;
            role: components["schemas"]["RoleInput"];
        };
        MemberInvitationTokenRequestInput: {
            /** @description The `token` of the emailed link. */
            token: string;
        };
        AcceptMemberInvitationRequestInput: {
            /** @description The `token` of the emailed link. */
            token: string;
            password: string;
            /** @description Your name, if not the one the inviter gave. */
            name?: string;
        };
        /**
         * @description awaiting_counterparty → assessing (both parties joined) → aligned (a report exists) → won / lost / withdrawn.
         * @enum {string}
         */
        DealStatusInput: "awaiting_counterparty" | "assessing" | "aligned" | "won" | "lost" | "withdrawn";
        MoneyInput: {
            /** @description The estimated value, in the currency’s major unit (e.g. 250000.50). */
            amount: number;
            /** @description ISO 4217 currency code. */
            currency: string;
        };
        CreateDealRequestInput: {
            title: string;
            description?: string;
            value?: components["schemas"]["MoneyInput"];
            /** @description The expected RFP or decision date: `YYYY-MM-DD` or an RFC 3339 date-time. */
            expectedDecisionAt?: string;
            /** @description Start the mutual action plan from this template (`GET /v1/plan-templates`). */
            planTemplateId?: string;
        };
        UpdateDealRequestInput: {
            title?: string;
            description?: string | null;
            value?: components["schemas"]["MoneyInput"] | null;
            expectedDecisionAt?: (string) | null;
            /**
             * @description Close the deal; it is read-only afterwards.
             * @enum {string}
             */
            status?: "won" | "lost" | "withdrawn";
        };
        CreateInvitationRequestInput: {
            /**
             * Format: email
             * @description Send the invitation to this address: a message with the code and a link to the other side’s portal. Needs a confirmed address of your own.
             */
            email?: string;
            /** @description Whom the message greets. */
            name?: string;
            /** @description A note of yours quoted in the message. It goes to the other side as written. */
            message?: string;
        };
        InvitationPreviewRequestInput: {
            code: string;
        };
        AcceptInvitationRequestInput: {
            code: string;
        };
        /** @enum {string} */
        MilestoneStatusInput: "open" | "in_progress" | "done" | "blocked" | "cancelled";
        /** @description Due relative to the deal's expected decision date; `dueAt` follows that date and is null while the deal has none. */
        RelativeDueInput: {
            relativeToDecision: {
                /** @description Days after (negative: before) the decision. */
                days: number;
            };
        };
        CreateMilestoneRequestInput: {
            title: string;
            ownerSide: components["schemas"]["SideInput"];
            /** @description `YYYY-MM-DD` or an RFC 3339 date-time. */
            dueAt?: (string) | null;
            due?: components["schemas"]["RelativeDueInput"] | null;
            /** @default open */
            status: components["schemas"]["MilestoneStatusInput"];
        };
        UpdateMilestoneRequestInput: {
            title?: string;
            ownerSide?: components["schemas"]["SideInput"];
            dueAt?: (string) | null;
            due?: components["schemas"]["RelativeDueInput"] | null;
            status?: components["schemas"]["MilestoneStatusInput"];
        };
        CreateTaskRequestInput: {
            title: string;
            /** @description `{ userId }` of a person of either party's organisation, `{ side }`, or null. */
            assignee?: ({
                userId: string;
            } | {
                side: components["schemas"]["SideInput"];
            }) | null;
            /** @description `YYYY-MM-DD` or an RFC 3339 date-time. */
            dueAt?: (string) | null;
            due?: components["schemas"]["RelativeDueInput"] | null;
            /** @default open */
            status: components["schemas"]["MilestoneStatusInput"];
        };
        UpdateTaskRequestInput: {
            title?: string;
            /** @description `{ userId }` of a person of either party's organisation, `{ side }`, or null. */
            assignee?: ({
                userId: string;
            } | {
                side: components["schemas"]["SideInput"];
            }) | null;
            dueAt?: (string) | null;
            due?: components["schemas"]["RelativeDueInput"] | null;
            status?: components["schemas"]["MilestoneStatusInput"];
        };
        CreatePlanCommentRequestInput: {
            body: string;
            /** @description Comment on this task of the milestone. */
            taskId?: string;
        };
        SavePlanTemplateRequestInput: {
            /** @description The deal whose plan becomes the template. */
            dealId: string;
            name: string;
            description?: string;
            /**
             * @default collaborative
             * @enum {string}
             */
            approach: "collaborative" | "competitive";
        };
        ApplyPlanTemplateRequestInput: {
            templateId: string;
        };
        /**
         * @description `email`: a message at once; `digest`: in one daily message; `off`: no mail. Every notification is shown in the portal whatever the choice.
         * @enum {string}
         */
        NotificationDeliveryInput: "email" | "digest" | "off";
        UpdateNotificationPreferencesRequestInput: {
            /** @description The kinds to change; kinds left out keep their setting. */
            preferences: {
                "deal.joined"?: components["schemas"]["NotificationDeliveryInput"];
                "assessment.submitted"?: components["schemas"]["NotificationDeliveryInput"];
                "round.opened"?: components["schemas"]["NotificationDeliveryInput"];
                "alignment.ready"?: components["schemas"]["NotificationDeliveryInput"];
                "milestone.due"?: components["schemas"]["NotificationDeliveryInput"];
                "milestone.overdue"?: components["schemas"]["NotificationDeliveryInput"];
                "deal.closed"?: components["schemas"]["NotificationDeliveryInput"];
            };
        };
        UnsubscribeRequestInput: {
            /** @constant */
            "List-Unsubscribe": "One-Click";
        };
        /**
         * @description A person's role on one deal: an owner runs the side (its assessment, submission, team and deal details), a contributor gives its own view of the parts it is asked for and works on the plan, a viewer reads.
         * @enum {string}
         */
        DealRoleInput: "owner" | "contributor" | "viewer";
        /**
         * @description A part of an assessment a contributor can be asked for: the objectives, one risk category, or the nature of the purchase.
         * @enum {string}
         */
        ContributionPartInput: "objectives" | "operational" | "financial" | "informationSecurity" | "nature";
        PutTeamMemberRequestInput: {
            role: components["schemas"]["DealRoleInput"];
            /** @description For a contributor, the parts it is asked for; by default all of them. */
            askedParts?: components["schemas"]["ContributionPartInput"][];
        };
        /** @description One person's private view of the parts asked of them. Private to the side: the other side never sees it, nor learns that it exists. */
        ContributionContentInput: {
            objectives?: components["schemas"]["AssessmentObjectivesInput"];
            risks?: components["schemas"]["AssessmentDraftRisksInput"];
            nature?: components["schemas"]["NaturePositionInput"];
        };
        SpreadSharingInput: {
            shared: boolean;
        };
        /** @description How the owner builds the side's assessment draft from contributions, part by part: pick one, average (or combine objectives), or override. Parts left out keep their draft value. */
        ConsolidationRequestInput: {
            objectives?: {
                /** @description A contribution id. */
                from: string;
            } | {
                /** @description Contribution ids, ranked by priority weights 3-2-1. */
                combine: string[];
            } | {
                override: components["schemas"]["AssessmentObjectivesInput"];
            };
            risks?: {
                operational?: {
                    /** @description A contribution id. */
                    from: string;
                } | {
                    /** @description Contribution ids: each rating is their mean, rounded half up. */
                    average: string[];
                } | {
                    override: components["schemas"]["RiskRatingInput"];
                };
                financial?: {
                    /** @description A contribution id. */
                    from: string;
                } | {
                    /** @description Contribution ids: each rating is their mean, rounded half up. */
                    average: string[];
                } | {
                    override: components["schemas"]["RiskRatingInput"];
                };
                informationSecurity?: {
                    /** @description A contribution id. */
                    from: string;
                } | {
                    /** @description Contribution ids: each rating is their mean, rounded half up. */
                    average: string[];
                } | {
                    override: components["schemas"]["RiskRatingInput"];
                };
            };
            nature?: {
                /** @description A contribution id. */
                from: string;
            } | {
                /** @description Contribution ids: each rating is their mean, rounded half up. */
                average: string[];
            } | {
                override: components["schemas"]["NaturePositionInput"];
            };
        };
        CreateStakeholderRequestInput: {
            name: string;
            side: components["schemas"]["SideInput"];
            /** @enum {string} */
            role: "economic_buyer" | "technical_evaluator" | "user" | "legal" | "procurement" | "champion" | "blocker";
            /**
             * @default medium
             * @enum {string}
             */
            influence: "low" | "medium" | "high";
            /**
             * @default unknown
             * @enum {string}
             */
            stance: "supportive" | "neutral" | "opposed" | "unknown";
            memberUserId?: string | null;
            notes?: string | null;
        };
        UpdateStakeholderRequestInput: {
            name?: string;
            side?: components["schemas"]["SideInput"];
            /** @enum {string} */
            role?: "economic_buyer" | "technical_evaluator" | "user" | "legal" | "procurement" | "champion" | "blocker";
            /** @enum {string} */
            influence?: "low" | "medium" | "high";
            /** @enum {string} */
            stance?: "supportive" | "neutral" | "opposed" | "unknown";
            memberUserId?: string | null;
            notes?: string | null;
        };
        /**
         * @description `deal.joined` (the counterparty joined), `assessment.submitted`, `round.opened`, `alignment.ready` (a report version exists), `milestone.changed` (created, changed or deleted), `deal.closed` (won, lost or withdrawn).
         * @enum {string}
         */
        WebhookEventTypeInput: "deal.joined" | "assessment.submitted" | "round.opened" | "alignment.ready" | "milestone.changed" | "deal.closed";
        CreateWebhookEndpointRequestInput: {
            /**
             * Format: uri
             * @description Where to POST events. https, and an address on the public internet (loopback, private and link-local addresses are refused).
             */
            url: string;
            events: components["schemas"]["WebhookEventTypeInput"][];
        };
        /**
         * @description An objective from the neutral taxonomy both sides choose from.
         * @enum {string}
         */
        ObjectiveCategory: "cost_savings" | "business_value" | "risk_reduction" | "compliance" | "speed_to_value" | "quality" | "innovation" | "long_term_partnership" | "supply_continuity" | "sustainability" | "scalability";
        /**
         * @description The most this side agrees to reveal of the alignment report; the deal shows the lower of the two sides’ levels.
         * @enum {string}
         */
        DisclosureLevel: "summary" | "standard" | "detailed";
        /** @description One objective of this side for the deal. */
        AssessmentObjective: {
            category: components["schemas"]["ObjectiveCategory"];
            /** @description Why this objective matters. Private to this side, never shown to the other. An empty note is the same as none. */
            note?: string;
        };
        /** @description How much risk this deal carries in one category; both sides answer the same question. */
        RiskRating: {
            /** @description 1 rare, 2 unlikely, 3 possible, 4 likely, 5 almost certain. */
            likelihood: number;
            /** @description 1 negligible, 2 minor, 3 moderate, 4 major, 5 severe. */
            impact: number;
            /** @description What drives this view of the risk. Private to this side, never shown to the other. An empty note is the same as none. */
            note?: string;
        };
        /** @description Where this side places the purchase in the Kraljic matrix. */
        NaturePosition: {
            /** @description Supply risk, 1–5; 3 or more counts as high. */
            supplyRisk: number;
            /** @description Business impact, 1–5; 3 or more counts as high. */
            businessImpact: number;
        };
        /** @description Exactly three objectives with distinct categories, in priority order (first is most important). */
        AssessmentObjectives: [
            components["schemas"]["AssessmentObjective"],
            components["schemas"]["AssessmentObjective"],
            components["schemas"]["AssessmentObjective"]
        ];
        /** @description Up to three objectives with distinct categories, in priority order; a null (or missing) slot is not chosen yet. */
        AssessmentDraftObjectives: (components["schemas"]["AssessmentObjective"] | null)[];
        /** @description The risk categories rated so far; a category is rated whole (likelihood and impact). */
        AssessmentDraftRisks: {
            operational?: components["schemas"]["RiskRating"];
            financial?: components["schemas"]["RiskRating"];
            informationSecurity?: components["schemas"]["RiskRating"];
        };
        /**
         * @description A side of a deal.
         * @enum {string}
         */
        Side: "sales" | "procurement";
        /**
         * @description strategic and bottleneck are strategic purchases; leverage and non_critical are commodity ones.
         * @enum {string}
         */
        KraljicQuadrant: "strategic" | "leverage" | "bottleneck" | "non_critical";
        /**
         * @description strong (score ≥ 75), workable (50–74), at_risk (25–49), slim (< 25); slim whenever two or more objectives are misaligned.
         * @enum {string}
         */
        ScoreBand: "strong" | "workable" | "at_risk" | "slim";
        /** @description How early the sides engaged; present when the deal has an expected decision date. */
        AlignmentTiming: {
            /** @description Whole calendar months from the deal’s creation to its expected decision date (0 if before). */
            monthsToDecision: number;
            /**
             * @description late (under 6 months), adequate (6–17 months) or ideal (18 months or more).
             * @enum {string}
             */
            engagement: "late" | "adequate" | "ideal";
        };
        /** @description How the two sides’ three objectives line up (standard and detailed levels). */
        ObjectivesAlignment: {
            /** @description Objectives matched with the same category on the other side. */
            aligned: number;
            /** @description Objectives matched with a related category on the other side. */
            related: number;
            /** @description 3 − aligned − related. */
            misaligned: number;
            /** @description The categories both sides chose, in taxonomy order: the only categories ever revealed. */
            shared: components["schemas"]["ObjectiveCategory"][];
        };
        /** @description How the two sides’ views of one risk category compare. */
        RiskAlignment: {
            /**
             * @description aligned (same severity band), minor_gap (adjacent bands) or major_gap (two or more apart).
             * @enum {string}
             */
            status: "aligned" | "minor_gap" | "major_gap";
            /** @description The side that rates this risk lower; absent when aligned. */
            underratedBy?: components["schemas"]["Side"];
        };
        /** @description Per risk category (standard and detailed levels). */
        RisksAlignment: {
            operational: components["schemas"]["RiskAlignment"];
            financial: components["schemas"]["RiskAlignment"];
            informationSecurity: components["schemas"]["RiskAlignment"];
        };
        /** @description How the sides see the nature of the purchase (standard and detailed levels). */
        NatureAlignment: {
            /** @description Both sides put the purchase in the same class (strategic or commodity). */
            agreed: boolean;
            /**
             * @description Follows procurement’s class: competitive for a commodity purchase, collaborative for a strategic one.
             * @enum {string}
             */
            approach: "collaborative" | "competitive";
            /** @description Each side’s Kraljic quadrant (detailed level only). */
            quadrants?: {
                sales: components["schemas"]["KraljicQuadrant"];
                procurement: components["schemas"]["KraljicQuadrant"];
            };
        };
        /**
         * @description A stable code; new codes may be added, existing ones keep their meaning.
         * @enum {string}
         */
        RecommendationCode: "OBJECTIVES_MISALIGNED" | "RISK_VIEWS_DIVERGE" | "RISK_UNDERRATED_OPERATIONAL" | "RISK_UNDERRATED_FINANCIAL" | "RISK_UNDERRATED_INFORMATION_SECURITY" | "NATURE_MISMATCH" | "BUILD_TRUST" | "EXPECT_COMPETITIVE_PROCESS" | "ENGAGE_EARLIER";
        /** @description One piece of advice for the reading side. */
        Recommendation: {
            code: components["schemas"]["RecommendationCode"];
            /** @description Advice worded for the reading side. */
            message: string;
        };
        Health: {
            /** @enum {string} */
            status: "ok" | "unavailable";
        };
        /** @enum {string} */
        Scope: "deals:read" | "deals:write" | "assessments:read" | "assessments:write" | "webhooks:manage";
        /**
         * @description admin manages members, API clients and webhooks; member works on deals; viewer only reads.
         * @enum {string}
         */
        Role: "admin" | "member" | "viewer";
        Organisation: {
            id: string;
            name: string;
            side: components["schemas"]["Side"];
        };
        User: {
            id: string;
            email: string;
            name: string;
            role: components["schemas"]["Role"];
            /** @description Whether the person proved the address is theirs (the link sent at sign-up, a reset link, an emailed sign-in code or a member invitation). Until then they receive no notification mail and cannot send invitations by email. */
            emailVerified: boolean;
        };
        Member: {
            id: string;
            email: string;
            name: string;
            role: components["schemas"]["Role"];
            /** @description Whether the person proved the address is theirs (the link sent at sign-up, a reset link, an emailed sign-in code or a member invitation). Until then they receive no notification mail and cannot send invitations by email. */
            emailVerified: boolean;
            /** @description An RFC 3339 timestamp in UTC. */
            createdAt: string;
        };
        SignupResponse: {
            organisation: components["schemas"]["Organisation"];
            user: components["schemas"]["User"];
        };
        TokenResponse: {
            access_token: string;
            /** @constant */
            token_type: "Bearer";
            /** @description Seconds until the access token expires. */
            expires_in: number;
            /** @description Single use: every refresh returns a new one. */
            refresh_token?: string;
            scope?: string;
        };
        /** @description Always answered for a well-formed request (RFC 7009): an unknown token is no error. */
        RevokeResponse: {
            /** @constant */
            revoked: true;
        };
        ApiClient: {
            id: string;
            clientId: string;
            name: string;
            scopes: components["schemas"]["Scope"][];
            /** @description An RFC 3339 timestamp in UTC. */
            createdAt: string;
        };
        Me: {
            user: components["schemas"]["User"];
            organisation: components["schemas"]["Organisation"];
            role: components["schemas"]["Role"];
        } | {
            client: {
                id: string;
                clientId: string;
                name: string;
            };
            organisation: components["schemas"]["Organisation"];
            scopes: components["schemas"]["Scope"][];
        };
        CreatedApiClient: {
            id: string;
            clientId: string;
            name: string;
            scopes: components["schemas"]["Scope"][];
            /** @description An RFC 3339 timestamp in UTC. */
            createdAt: string;
            /** @description Shown once: only its hash is stored. */
            clientSecret: string;
        };
        AuditEvent: {
            id: string;
            seq: number;
            /** @description An RFC 3339 timestamp in UTC. */
            occurredAt: string;
            actor: {
                /** @enum {string} */
                type: "user" | "client" | "system";
                id: string | null;
            };
            action: string;
            subject: {
                type: string;
                id: string;
            } | null;
            detail: {
                [key: string]: unknown;
            };
            requestId: string | null;
            /** @description SHA-256 over this entry and the previous entry’s hash. */
            hash: string;
            prevHash: string;
        };
        /** @description The refresh token travels only in the httpOnly `cg_refresh` cookie. */
        Session: {
            access_token: string;
            /** @constant */
            token_type: "Bearer";
            expires_in: number;
        };
        /** @description Always the same answer, whether or not an account has this address: if one does, a message is on its way. */
        Accepted: {
            /** @constant */
            accepted: true;
        };
        /** @description The invitation is on its way; a new one to the same address voids this one. */
        MemberInvitation: {
            email: string;
            name: string;
            role: components["schemas"]["Role"];
            /** @description The emailed link works once, until then (7 days). */
            expiresAt: string;
        };
        MemberInvitationPreview: {
            organisation: {
                name: string;
                side: components["schemas"]["Side"];
            };
            /** @description The address invited: the account made by accepting has it. */
            email: string;
            /** @description The name the inviter gave; accepting may change it. */
            name: string;
            role: components["schemas"]["Role"];
            invitedBy: {
                name: string;
            };
            /** @description An RFC 3339 timestamp in UTC. */
            expiresAt: string;
        };
        /** @description The account is made and its address confirmed: sign in with the password chosen. */
        AcceptedMemberInvitation: {
            organisation: components["schemas"]["Organisation"];
            user: components["schemas"]["User"];
        };
        /**
         * @description awaiting_counterparty → assessing (both parties joined) → aligned (a report exists) → won / lost / withdrawn.
         * @enum {string}
         */
        DealStatus: "awaiting_counterparty" | "assessing" | "aligned" | "won" | "lost" | "withdrawn";
        Money: {
            /** @description The estimated value, in the currency’s major unit (e.g. 250000.50). */
            amount: number;
            /** @description ISO 4217 currency code. */
            currency: string;
        };
        DealParty: {
            id: string;
            name: string;
        };
        SideSubmission: {
            /** @description Whether this side has submitted for the current round. */
            submitted: boolean;
            /** @description The number of this side’s latest submission (1, 2, …); null before its first. */
            revision: number | null;
            /** @description Rounds that may still be opened on this deal. */
            revisionsLeft: number;
        };
        DealRound: {
            /** @description The current round, 1-based. */
            number: number;
            budget: number;
            roundsLeft: number;
            /** @description Whether the current round’s report exists. */
            reportReady: boolean;
            waitingFor: components["schemas"]["Side"][];
        };
        Deal: {
            id: string;
            title: string;
            description: string | null;
            value: components["schemas"]["Money"] | null;
            expectedDecisionAt: string | null;
            status: components["schemas"]["DealStatus"];
            /** @description An RFC 3339 timestamp in UTC. */
            createdAt: string;
            /** @description An RFC 3339 timestamp in UTC. */
            updatedAt: string;
            parties: {
                sales: components["schemas"]["DealParty"] | null;
                procurement: components["schemas"]["DealParty"] | null;
            };
            submissions: {
                sales: components["schemas"]["SideSubmission"];
                procurement: components["schemas"]["SideSubmission"];
            };
            round: components["schemas"]["DealRound"];
        };
        Invitation: {
            /** @description Give it to the other side; it works once, and a new code voids this one. */
            code: string;
            /** @description An RFC 3339 timestamp in UTC. */
            expiresAt: string;
            /** @description Where the invitation was sent by email, when the request named an address. */
            emailedTo?: string;
        };
        /** @description What an invitation leads to, for the page its link opens: shared facts only. */
        InvitationPreview: {
            deal: {
                title: string;
            };
            invitedBy: {
                /** @description The inviting organisation’s name. */
                organisation: string;
                /** @description The person (or API client) who issued the invitation. */
                name: string | null;
            };
            /** @description The side an organisation must be on to join with this code. */
            joinAs: components["schemas"]["Side"];
            /** @description An RFC 3339 timestamp in UTC. */
            expiresAt: string;
        };
        Assessment: {
            objectives?: components["schemas"]["AssessmentDraftObjectives"];
            risks?: components["schemas"]["AssessmentDraftRisks"];
            nature?: components["schemas"]["NaturePosition"];
            disclosure?: components["schemas"]["DisclosureLevel"];
            /**
             * @description submitted until edited again; then a draft, while the submitted version stays in force.
             * @enum {string}
             */
            status: "draft" | "submitted";
            /** @description The submission number this content has (submitted) or will have (draft). */
            revision: number;
            /** @description An RFC 3339 timestamp in UTC. */
            updatedAt: string;
        };
        /** @description What a write-only caller (an API client without `assessments:read`) gets back: no content. */
        AssessmentReceipt: {
            /**
             * @description submitted until edited again; then a draft, while the submitted version stays in force.
             * @enum {string}
             */
            status: "draft" | "submitted";
            /** @description The submission number this content has (submitted) or will have (draft). */
            revision: number;
            /** @description An RFC 3339 timestamp in UTC. */
            updatedAt: string;
        };
        SubmitResult: {
            /** @constant */
            status: "submitted";
            round: number;
            roundsLeft: number;
            /**
             * @description closed: both sides are in and the round’s report is ready; opened: a new round waits for the other side.
             * @enum {string}
             */
            outcome: "submitted" | "replaced" | "closed" | "opened";
            revision: number;
        };
        AlignmentReport: {
            /** @description The version of the alignment algorithm that computed the report. */
            algorithm: string;
            disclosure: components["schemas"]["DisclosureLevel"];
            /** @description Overall alignment, 0–100. */
            score: number;
            band: components["schemas"]["ScoreBand"];
            timing?: components["schemas"]["AlignmentTiming"];
            objectives?: components["schemas"]["ObjectivesAlignment"];
            risks?: components["schemas"]["RisksAlignment"];
            nature?: components["schemas"]["NatureAlignment"];
            /** @description Advice for the reading side, in a stable order. */
            recommendations: components["schemas"]["Recommendation"][];
            /** @constant */
            status: "ready";
            /** @description 1 for the first report of the deal, then 2, 3, … */
            version: number;
            round: number;
            /** @description An RFC 3339 timestamp in UTC. */
            computedAt: string;
            /** @description The submission number of each side’s assessment used. */
            basedOn: {
                sales: number;
                procurement: number;
            };
        };
        AlignmentPending: {
            /** @constant */
            status: "awaiting_submissions";
            waitingFor: components["schemas"]["Side"][];
        };
        AlignmentCurrent: {
            /** @description The version of the alignment algorithm that computed the report. */
            algorithm: string;
            disclosure: components["schemas"]["DisclosureLevel"];
            /** @description Overall alignment, 0–100. */
            score: number;
            band: components["schemas"]["ScoreBand"];
            timing?: components["schemas"]["AlignmentTiming"];
            objectives?: components["schemas"]["ObjectivesAlignment"];
            risks?: components["schemas"]["RisksAlignment"];
            nature?: components["schemas"]["NatureAlignment"];
            /** @description Advice for the reading side, in a stable order. */
            recommendations: components["schemas"]["Recommendation"][];
            /** @constant */
            status: "ready";
            /** @description 1 for the first report of the deal, then 2, 3, … */
            version: number;
            round: number;
            /** @description An RFC 3339 timestamp in UTC. */
            computedAt: string;
            /** @description The submission number of each side’s assessment used. */
            basedOn: {
                sales: number;
                procurement: number;
            };
            /** @description Present while a later round is open: that round waits for these sides. */
            pendingRound?: {
                round: number;
                waitingFor: components["schemas"]["Side"][];
            };
        };
        Alignment: components["schemas"]["AlignmentPending"] | components["schemas"]["AlignmentCurrent"];
        DealEvent: {
            id: string;
            /** @enum {string} */
            type: "deal.created" | "deal.joined" | "deal.updated" | "invitation.issued" | "assessment.submitted" | "round.opened" | "alignment.ready" | "milestone.created" | "milestone.changed" | "milestone.deleted" | "deal.closed" | "task.created" | "task.changed" | "task.deleted" | "comment.added";
            /** @description An RFC 3339 timestamp in UTC. */
            occurredAt: string;
            /** @description The side whose action it was. */
            side: components["schemas"]["Side"] | null;
            /** @description Ids, rounds, statuses and changed field names — never private inputs. */
            data: {
                [key: string]: unknown;
            };
        };
        /** @enum {string} */
        MilestoneStatus: "open" | "in_progress" | "done" | "blocked" | "cancelled";
        /** @description Due relative to the deal's expected decision date; `dueAt` follows that date and is null while the deal has none. */
        RelativeDue: {
            relativeToDecision: {
                /** @description Days after (negative: before) the decision. */
                days: number;
            };
        };
        Milestone: {
            id: string;
            dealId: string;
            title: string;
            /** @description The side responsible for it. */
            ownerSide: components["schemas"]["Side"];
            dueAt: string | null;
            /** @description The relative rule `dueAt` follows, if any. */
            due: components["schemas"]["RelativeDue"] | null;
            status: components["schemas"]["MilestoneStatus"];
            /** @description Due in the past and neither done nor cancelled. */
            overdue: boolean;
            /** @description Rolled up from the milestone's tasks; cancelled tasks do not count. */
            progress: {
                done: number;
                total: number;
            };
            /** @description Changes with every edit; the ETag is derived from it. */
            version: number;
            /** @description An RFC 3339 timestamp in UTC. */
            createdAt: string;
            /** @description An RFC 3339 timestamp in UTC. */
            updatedAt: string;
        };
        TaskAssignee: ({
            /** @constant */
            type: "user";
            userId: string;
            /** @description The assigned person, the only member detail shown to the other side. */
            name: string;
        } | {
            /** @constant */
            type: "side";
            side: components["schemas"]["Side"];
        }) | null;
        Task: {
            id: string;
            milestoneId: string;
            dealId: string;
            title: string;
            /** @description A person of either party, a side, or nobody. */
            assignee: components["schemas"]["TaskAssignee"];
            dueAt: string | null;
            due: components["schemas"]["RelativeDue"] | null;
            status: components["schemas"]["MilestoneStatus"];
            overdue: boolean;
            version: number;
            /** @description An RFC 3339 timestamp in UTC. */
            createdAt: string;
            /** @description An RFC 3339 timestamp in UTC. */
            updatedAt: string;
        };
        PlanComment: {
            id: string;
            dealId: string;
            milestoneId: string;
            /** @description Set for a comment on one of the milestone’s tasks. */
            taskId: string | null;
            author: {
                id: string;
                name: string;
                side: components["schemas"]["Side"];
            };
            body: string;
            /** @description People of either party the text mentions with `@name`. */
            mentions: {
                userId: string;
                name: string;
            }[];
            /** @description An RFC 3339 timestamp in UTC. */
            createdAt: string;
        };
        PlanTemplate: {
            id: string;
            name: string;
            description: string;
            /**
             * @description The purchase it suits (DOMAIN.md: nature).
             * @enum {string}
             */
            approach: "collaborative" | "competitive";
            /**
             * @description Built into the product, or saved by your organisation (which only it sees).
             * @enum {string}
             */
            source: "built_in" | "organisation";
            milestones: {
                title: string;
                ownerSide: components["schemas"]["Side"];
                /** @description Relative to the decision date; null for an item an organisation saved without a date (built-in items always have one). */
                due: components["schemas"]["RelativeDue"] | null;
                tasks: {
                    title: string;
                    /** @description Relative to the decision date; null for an item an organisation saved without a date (built-in items always have one). */
                    due: components["schemas"]["RelativeDue"] | null;
                }[];
            }[];
        };
        PlanTemplateList: {
            data: components["schemas"]["PlanTemplate"][];
        };
        AppliedPlanTemplate: {
            templateId: string;
            /** @description The milestones added, due relative to the decision date. */
            milestones: components["schemas"]["Milestone"][];
        };
        /** @enum {string} */
        NotificationKind: "deal.joined" | "assessment.submitted" | "round.opened" | "alignment.ready" | "milestone.due" | "milestone.overdue" | "deal.closed";
        /**
         * @description `email`: a message at once; `digest`: in one daily message; `off`: no mail. Every notification is shown in the portal whatever the choice.
         * @enum {string}
         */
        NotificationDelivery: "email" | "digest" | "off";
        Notification: {
            id: string;
            kind: components["schemas"]["NotificationKind"];
            dealId: string;
            /** @description The deal’s current title. */
            dealTitle: string;
            /** @description One line, as the email’s subject says it. */
            headline: string;
            /** @description A sentence or two, as the email says it. */
            detail: string;
            /** @description An RFC 3339 timestamp in UTC. */
            createdAt: string;
            /** @description When the person marked it read; null while unread. */
            readAt: string | null;
        };
        NotificationPage: {
            /** @description Newest first. */
            data: components["schemas"]["Notification"][];
            /** @description All of the caller’s unread notifications, not only this page’s. */
            unreadCount: number;
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        NotificationPreferences: {
            /** @description How the caller receives each kind of notification (`email` unless changed). */
            preferences: {
                "deal.joined": components["schemas"]["NotificationDelivery"];
                "assessment.submitted": components["schemas"]["NotificationDelivery"];
                "round.opened": components["schemas"]["NotificationDelivery"];
                "alignment.ready": components["schemas"]["NotificationDelivery"];
                "milestone.due": components["schemas"]["NotificationDelivery"];
                "milestone.overdue": components["schemas"]["NotificationDelivery"];
                "deal.closed": components["schemas"]["NotificationDelivery"];
            };
        };
        ValidationIssue: {
            /** @description Where the problem is, as a JSON Pointer into the request part (e.g. `/body/user/email`). */
            path: string;
            message: string;
        };
        /** @description An RFC 9457 problem details object. */
        Problem: {
            /** @description A URI reference identifying the problem type; see `/problems/{type}`. */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description The request id (also the `x-request-id` header), to quote when asking for support. */
            requestId?: string;
            errors?: components["schemas"]["ValidationIssue"][];
            /** @description For a throttled sign-in (429): when to try again, an RFC 3339 timestamp in UTC. */
            retryAt?: string;
        };
        /**
         * @description A person's role on one deal: an owner runs the side (its assessment, submission, team and deal details), a contributor gives its own view of the parts it is asked for and works on the plan, a viewer reads.
         * @enum {string}
         */
        DealRole: "owner" | "contributor" | "viewer";
        /**
         * @description A part of an assessment a contributor can be asked for: the objectives, one risk category, or the nature of the purchase.
         * @enum {string}
         */
        ContributionPart: "objectives" | "operational" | "financial" | "informationSecurity" | "nature";
        DealTeamMember: {
            userId: string;
            name: string;
            email: string;
            role: components["schemas"]["DealRole"];
            /** @description The parts a contributor is asked for (empty for owners and viewers). */
            askedParts: components["schemas"]["ContributionPart"][];
            /** @description When the person last saved a contribution on this deal; null if never. */
            contribution: {
                /** @description An RFC 3339 timestamp in UTC. */
                updatedAt: string;
            } | null;
            version: number;
            /** @description An RFC 3339 timestamp in UTC. */
            addedAt: string;
            /** @description An RFC 3339 timestamp in UTC. */
            updatedAt: string;
        };
        DealTeam: {
            /** @description What you may do on this deal. */
            you: {
                role: components["schemas"]["DealRole"];
                askedParts: components["schemas"]["ContributionPart"][];
                /**
                 * @description `team` when you are on the deal team; `organisation` when your role follows from your organisation role (administrators and API clients act as owners, others read).
                 * @enum {string}
                 */
                source: "team" | "organisation";
            };
            /** @description Whether the side's owners share its internal spread with the team. */
            spreadShared: boolean;
            members: components["schemas"]["DealTeamMember"][];
        };
        TeamCandidateList: {
            data: {
                userId: string;
                name: string;
                email: string;
                /** @description Their role in the organisation: its viewers can only be viewers of a deal. */
                organisationRole: components["schemas"]["Role"];
            }[];
        };
        /** @description One person's private view of the parts asked of them. Private to the side: the other side never sees it, nor learns that it exists. */
        ContributionContent: {
            objectives?: components["schemas"]["AssessmentObjectives"];
            risks?: components["schemas"]["AssessmentDraftRisks"];
            nature?: components["schemas"]["NaturePosition"];
        };
        Contribution: {
            id: string;
            contributor: {
                userId: string;
                name: string;
            };
            /** @description The parts this contribution holds. */
            parts: components["schemas"]["ContributionPart"][];
            content: components["schemas"]["ContributionContent"];
            version: number;
            /** @description An RFC 3339 timestamp in UTC. */
            createdAt: string;
            /** @description An RFC 3339 timestamp in UTC. */
            updatedAt: string;
        };
        /** @description An owner sees every contribution of its side; anyone else only their own. */
        ContributionList: {
            data: components["schemas"]["Contribution"][];
        };
        /** @description How far the side's own people stand apart, computed by the alignment engine from their contributions. Never shown to the other side. */
        InternalAlignment: {
            /** @description Whether the owners share this spread with the team. */
            shared: boolean;
            contributors: {
                userId: string;
                name: string;
                contributionId: string;
                parts: components["schemas"]["ContributionPart"][];
            }[];
            objectives: {
                pairs: {
                    /** @description The two user ids. */
                    between: [
                        string,
                        string
                    ];
                    /** @description Weighted objective affinity, as in the alignment report. */
                    score: number;
                    aligned: number;
                    related: number;
                    misaligned: number;
                }[];
            };
            risks: {
                operational: {
                    views: {
                        userId: string;
                        name: string;
                        /** @enum {string} */
                        band: "low" | "medium" | "high" | "critical";
                    }[];
                    /** @description Bands between the lowest and the highest view. */
                    spread: number;
                    /** @enum {string} */
                    status: "aligned" | "minor_gap" | "major_gap";
                };
                financial: {
                    views: {
                        userId: string;
                        name: string;
                        /** @enum {string} */
                        band: "low" | "medium" | "high" | "critical";
                    }[];
                    /** @description Bands between the lowest and the highest view. */
                    spread: number;
                    /** @enum {string} */
                    status: "aligned" | "minor_gap" | "major_gap";
                };
                informationSecurity: {
                    views: {
                        userId: string;
                        name: string;
                        /** @enum {string} */
                        band: "low" | "medium" | "high" | "critical";
                    }[];
                    /** @description Bands between the lowest and the highest view. */
                    spread: number;
                    /** @enum {string} */
                    status: "aligned" | "minor_gap" | "major_gap";
                };
            };
            nature: {
                views: {
                    userId: string;
                    name: string;
                    quadrant: components["schemas"]["KraljicQuadrant"];
                    /** @enum {string} */
                    purchaseClass: "strategic" | "commodity";
                }[];
                agreed: boolean;
            };
            recommendations: {
                code: string;
                message: string;
            }[];
        };
        SpreadSharing: {
            shared: boolean;
        };
        /** @description A person with a role in the buying decision, as your side sees them. Private to your side. */
        Stakeholder: {
            id: string;
            name: string;
            /** @description The party the person belongs to. */
            side: components["schemas"]["Side"];
            /** @enum {string} */
            role: "economic_buyer" | "technical_evaluator" | "user" | "legal" | "procurement" | "champion" | "blocker";
            /** @enum {string} */
            influence: "low" | "medium" | "high";
            /** @enum {string} */
            stance: "supportive" | "neutral" | "opposed" | "unknown";
            /** @description A person of your organisation this entry is. */
            memberUserId: string | null;
            /** @description Private to your side. */
            notes: string | null;
            version: number;
            /** @description An RFC 3339 timestamp in UTC. */
            createdAt: string;
            /** @description An RFC 3339 timestamp in UTC. */
            updatedAt: string;
        };
        StakeholderList: {
            data: components["schemas"]["Stakeholder"][];
        };
        ConsolidationResult: {
            /** @description The side's draft as it now stands (a receipt for a write-only client). */
            assessment: components["schemas"]["Assessment"] | components["schemas"]["AssessmentReceipt"];
            /** @description The contributions the consolidated parts came from. */
            sources: string[];
            /** @description Per part consolidated, the rule applied (picked, mean rounded half up, combined, set by the owner). */
            rules: {
                [key: string]: string;
            };
        };
        /**
         * @description `deal.joined` (the counterparty joined), `assessment.submitted`, `round.opened`, `alignment.ready` (a report version exists), `milestone.changed` (created, changed or deleted), `deal.closed` (won, lost or withdrawn).
         * @enum {string}
         */
        WebhookEventType: "deal.joined" | "assessment.submitted" | "round.opened" | "alignment.ready" | "milestone.changed" | "deal.closed";
        WebhookEndpoint: {
            id: string;
            url: string;
            events: components["schemas"]["WebhookEventType"][];
            /**
             * @description `disabled` after the endpoint answered 410 Gone: nothing more is sent to it.
             * @enum {string}
             */
            status: "active" | "disabled";
            disabledAt: string | null;
            disabledReason: string | null;
            /** @description An RFC 3339 timestamp in UTC. */
            createdAt: string;
            secretRotatedAt: string | null;
            /** @description After a rotation: until then deliveries carry a signature with the previous secret too. */
            previousSecretExpiresAt: string | null;
        };
        WebhookEndpointWithSecret: {
            id: string;
            url: string;
            events: components["schemas"]["WebhookEventType"][];
            /**
             * @description `disabled` after the endpoint answered 410 Gone: nothing more is sent to it.
             * @enum {string}
             */
            status: "active" | "disabled";
            disabledAt: string | null;
            disabledReason: string | null;
            /** @description An RFC 3339 timestamp in UTC. */
            createdAt: string;
            secretRotatedAt: string | null;
            /** @description After a rotation: until then deliveries carry a signature with the previous secret too. */
            previousSecretExpiresAt: string | null;
            /** @description The signing secret, `whsec_` + base64 of 32 random bytes. Shown in this reply only: keep it to verify `webhook-signature`. */
            secret: string;
        };
        WebhookDeliveryAttempt: {
            /** @description The `webhook-id` header: the same for every attempt of one event to one endpoint. */
            deliveryId: string;
            /** @description 1 for the first attempt, 2 for the first retry, … */
            attempt: number;
            /** @description The `id` of the payload (the deal event). */
            eventId: string;
            eventType: components["schemas"]["WebhookEventType"];
            dealId: string;
            /** @description An RFC 3339 timestamp in UTC. */
            attemptedAt: string;
            durationMs: number;
            /** @description The endpoint’s HTTP status; null when there was no answer. */
            statusCode: number | null;
            /** @description Why the attempt failed without an answer (timeout, refused address, …). */
            error: string | null;
            /**
             * @description `retrying`: another attempt follows at `nextRetryAt`; `failed`: no more attempts.
             * @enum {string}
             */
            outcome: "succeeded" | "retrying" | "failed";
            nextRetryAt: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The database is unreachable. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignupRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupResponse"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokeResponse"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refreshSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmptyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyEmailRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirmRequestInput"];
            };
        };
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestSignInCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInCodeRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewMemberInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberInvitationTokenRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberInvitationPreview"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptMemberInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptMemberInvitationRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedMemberInvitation"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationPreviewRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationPreview"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    showUnsubscribe: {
        parameters: {
            query: {
                /** @description From the link in the message (`List-Unsubscribe`): it names the person and what to stop. */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The confirmation page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not one of ours (or its person no longer exists): problem+json, or an HTML page for a browser. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unsubscribe: {
        parameters: {
            query: {
                /** @description From the link in the message (`List-Unsubscribe`): it names the person and what to stop. */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["UnsubscribeRequestInput"];
                "multipart/form-data": components["schemas"]["UnsubscribeRequestInput"];
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "text/plain": string;
                };
            };
            /** @description The link is not one of ours (or its person no longer exists): problem+json, or an HTML page for a browser. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMembers: {
        parameters: {
            query?: {
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Member"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddMemberRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMemberRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resendVerificationEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequestInput"];
            };
        };
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    inviteMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMemberInvitationRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberInvitation"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApiClients: {
        parameters: {
            query?: {
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ApiClient"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createApiClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiClientRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiClient"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteApiClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AuditEvent"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDeals: {
        parameters: {
            query?: {
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                status?: components["schemas"]["DealStatusInput"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Deal"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createDeal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDealRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deal"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the domain refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deal"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateDeal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read; 412 if the resource changed since. */
                "if-match"?: string;
            };
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDealRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deal"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The `If-Match` precondition failed: the resource has changed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
            };
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvitationRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitationRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deal"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the domain refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAssessment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assessment"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putAssessment: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read; 412 if the resource changed since. */
                "if-match"?: string;
            };
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssessmentDraftInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assessment"] | components["schemas"]["AssessmentReceipt"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The `If-Match` precondition failed: the resource has changed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitAssessment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
            };
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmitResult"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the domain refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAlignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alignment"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAlignmentVersions: {
        parameters: {
            query?: {
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AlignmentReport"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDealEvents: {
        parameters: {
            query?: {
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DealEvent"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    streamDealEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent by a reconnecting client: the entries after this one are sent first, none twice. */
                "last-event-id"?: string;
            };
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream of the timeline’s new entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDealTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealTeam"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDealTeamCandidates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamCandidateList"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putDealTeamMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dealId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutTeamMemberRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealTeamMember"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealTeamMember"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the domain refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeDealTeamMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dealId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listContributions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContributionList"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMyContribution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contribution"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMyContribution: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read; 412 if the resource changed since. */
                "if-match"?: string;
            };
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContributionContentInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contribution"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The `If-Match` precondition failed: the resource has changed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the domain refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInternalAlignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalAlignment"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setInternalAlignmentSharing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SpreadSharingInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpreadSharing"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    consolidateAssessment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
                /** @description The ETag you last read; 412 if the resource changed since. */
                "if-match"?: string;
            };
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsolidationRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsolidationResult"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The `If-Match` precondition failed: the resource has changed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the domain refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStakeholders: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StakeholderList"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createStakeholder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
            };
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStakeholderRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stakeholder"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the domain refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteStakeholder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dealId: string;
                stakeholderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateStakeholder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read; 412 if the resource changed since. */
                "if-match"?: string;
            };
            path: {
                dealId: string;
                stakeholderId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStakeholderRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stakeholder"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The `If-Match` precondition failed: the resource has changed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the domain refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookEndpoint"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookEndpointRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the domain refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookEndpointSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
            };
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookDeliveryAttempt"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTasks: {
        parameters: {
            query?: {
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                dealId: string;
                milestoneId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Task"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
            };
            path: {
                dealId: string;
                milestoneId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the domain refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dealId: string;
                milestoneId: string;
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read; 412 if the resource changed since. */
                "if-match"?: string;
            };
            path: {
                dealId: string;
                milestoneId: string;
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTaskRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The `If-Match` precondition failed: the resource has changed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the domain refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPlanComments: {
        parameters: {
            query?: {
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Only the comments on this task. */
                taskId?: string;
            };
            header?: never;
            path: {
                dealId: string;
                milestoneId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["PlanComment"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addPlanComment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
            };
            path: {
                dealId: string;
                milestoneId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePlanCommentRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanComment"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the domain refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPlanTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanTemplateList"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    savePlanTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SavePlanTemplateRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanTemplate"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the domain refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePlanTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                templateId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applyPlanTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
            };
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyPlanTemplateRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppliedPlanTemplate"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the domain refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMilestones: {
        parameters: {
            query?: {
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Milestone"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createMilestone: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key and body within 24 h replay the first reply (`Idempotent-Replayed: true`). */
                "idempotency-key"?: string;
            };
            path: {
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMilestoneRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Milestone"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but the domain refuses it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMilestone: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read; 304 without a body if the milestone has not changed since. */
                "if-none-match"?: string;
            };
            path: {
                dealId: string;
                milestoneId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Milestone"];
                };
            };
            /** @description Not modified since the ETag in If-None-Match. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteMilestone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dealId: string;
                milestoneId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMilestone: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read; 412 if the resource changed since. */
                "if-match"?: string;
            };
            path: {
                dealId: string;
                milestoneId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMilestoneRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Milestone"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The `If-Match` precondition failed: the resource has changed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests, or a budget is used up; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description `true`: only the notifications not yet marked read. */
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notificationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown — or belonging to an organisation that is not a party. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateNotificationPreferences: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read; 412 if the resource changed since. */
                "if-match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateNotificationPreferencesRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description The request is malformed or invalid (see `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Known to the caller, but not theirs to do (role or scope). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The `If-Match` precondition failed: the resource has changed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database is unavailable; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
