import { maskMobile } from '@eco/contracts';
import type { Config } from '../config.ts';
import type { PiiCipher } from '../crypto/pii.ts';
import type { Db } from '../db/client.ts';
import { smsOutbox } from './sms.tables.ts';

export type SmsMessage = { mobile: string; body: string; purpose: string };

/** Sends one text message; a provider adapter (阿里云, 腾讯云 …) implements the same shape. */
export type SmsGateway = {
  name: string;
  send: (message: SmsMessage) => Promise<{ providerMessageId: string }>;
};

type GatewayDeps = { db: Db; pii: PiiCipher; now: () => Date };

/**
 * The default gateway: records each message in sms_outbox (mobile encrypted, hashed, masked) as
 * delivered, and sends nothing. Demo and tests read the codes from there (/dev/sms).
 */
export function createOutboxSmsGateway(deps: GatewayDeps): SmsGateway {
  return {
    name: 'outbox',
    async send(message) {
      const now = deps.now();
      const [row] = await deps.db
        .insert(smsOutbox)
        .values({
          mobileHash: deps.pii.lookupHash(message.mobile),
          mobileEnc: deps.pii.encrypt(message.mobile),
          mobileMasked: maskMobile(message.mobile),
          purpose: message.purpose,
          body: message.body,
          gateway: 'outbox',
          status: 'delivered',
          createdAt: now,
          sentAt: now,
        })
        .returning({ id: smsOutbox.id });
      if (!row) throw new Error('sms_outbox insert returned nothing');
      const providerMessageId = `outbox-${row.id}`;
      return { providerMessageId };
    },
  };
}

/** The gateway named by SMS_GATEWAY; an unknown name fails loudly rather than dropping messages. */
export function selectSmsGateway(config: Config, deps: GatewayDeps): SmsGateway {
  switch (config.sms.gateway) {
    case 'outbox':
      return createOutboxSmsGateway(deps);
    default:
      throw new Error(`未知的短信网关 SMS_GATEWAY=${config.sms.gateway}（可用：outbox）`);
  }
}
