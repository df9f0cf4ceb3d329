import { registerAttachmentOwner } from '../attachments/attachment-owners.ts';
import { canManagePersonnel, canReadPersonnel } from './personnel.policy.ts';
import { findPersonnel } from './personnel.queries.ts';

/** 上岗证 and other certificates hang on a staff record (owner type 'personnel'). */
export function registerPersonnelAttachments(): void {
  registerAttachmentOwner('personnel', async (db, ownerId) => {
    const found = await findPersonnel(db, ownerId);
    if (!found || found.row.deletedAt) return null;
    const staff = { agencyId: found.row.agencyId, regionCode: found.regionCode };
    return {
      agencyId: staff.agencyId,
      canRead: (actor) => canReadPersonnel(actor, staff),
      canWrite: (actor) => canManagePersonnel(actor, staff),
    };
  });
}
