import type { AttachmentOwnerType } from '@eco/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { canEditAgencyProfile, canReadAgency } from '../agencies/agencies.policy.ts';
import { findAgency } from '../agencies/agencies.queries.ts';

/** What an attachment hangs on, and who may read or change its files. */
export type AttachmentOwner = {
  agencyId: string;
  canRead: (actor: Actor) => boolean;
  canWrite: (actor: Actor) => boolean;
};

/**
 * Finds the owner of `ownerId`. The actor is passed because some owners exist only for their
 * author: a 项目登记 draft id belongs to whichever agency first uploads to it.
 */
export type OwnerResolver = (db: Db, ownerId: string, actor: Actor) => Promise<AttachmentOwner | null>;

/**
 * One resolver per owner type; each feature adds its own when it lands (staff certificates,
 * project files, reports …). An owner type without a resolver has no attachments yet.
 */
const resolvers: Partial<Record<AttachmentOwnerType, OwnerResolver>> = {
  agency: async (db, ownerId) => {
    const agency = await findAgency(db, ownerId);
    if (!agency) return null;
    return {
      agencyId: agency.id,
      canRead: (actor) => canReadAgency(actor, agency),
      canWrite: (actor) => canEditAgencyProfile(actor, agency),
    };
  },
};

export function registerAttachmentOwner(type: AttachmentOwnerType, resolver: OwnerResolver): void {
  resolvers[type] = resolver;
}

export async function resolveAttachmentOwner(
  db: Db,
  type: AttachmentOwnerType,
  ownerId: string,
  actor: Actor,
): Promise<AttachmentOwner | null> {
  const resolver = resolvers[type];
  return resolver ? resolver(db, ownerId, actor) : null;
}
