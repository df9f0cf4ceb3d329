import type { ViolationStatus } from '@eco/contracts';
import { registerAttachmentOwner } from '../attachments/attachment-owners.ts';
import {
  canReadViolation,
  canWriteRectificationEvidence,
  canWriteViolationEvidence,
} from './violations.policy.ts';
import { findRound, findViolation } from './violations.queries.ts';

/**
 * 违规证据 hang on the violation (owner type `violation`), the regulator's until it is closed.
 * 整改佐证材料 (owner type `rectification`) hang on the violation while they wait for the next
 * round, written by the agency while it is 待整改; submitting moves them to the round (owner id
 * the round's), where they are read-only: a submitted round keeps exactly what it was sent with.
 */
export function registerViolationAttachments(): void {
  registerAttachmentOwner('violation', async (db, ownerId) => {
    const found = await findViolation(db, ownerId);
    if (!found) return null;
    const violation = { ...found, status: found.status as ViolationStatus };
    return {
      agencyId: violation.agencyId,
      canRead: (actor) => canReadViolation(actor, violation),
      canWrite: (actor) => canWriteViolationEvidence(actor, violation),
    };
  });

  registerAttachmentOwner('rectification', async (db, ownerId) => {
    const found = await findViolation(db, ownerId);
    if (found) {
      const violation = { ...found, status: found.status as ViolationStatus };
      return {
        agencyId: violation.agencyId,
        canRead: (actor) => canReadViolation(actor, violation),
        canWrite: (actor) => canWriteRectificationEvidence(actor, violation),
      };
    }
    const round = await findRound(db, ownerId);
    const submitted = round ? await findViolation(db, round.violationId) : undefined;
    if (!submitted) return null;
    return {
      agencyId: submitted.agencyId,
      canRead: (actor) => canReadViolation(actor, submitted),
      canWrite: () => false,
    };
  });
}
