import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** An SSO login in flight: state, nonce and PKCE verifier, kept on the server for 10 minutes. */
export const ssoRequests = pgTable('sso_requests', {
  state: text('state').primaryKey(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  /** legal: 法人 (credit code); natural: 自然人 (ID number). */
  identity: text('identity').notNull(),
  /** web or mobile: where the person returns after login. */
  target: text('target').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
