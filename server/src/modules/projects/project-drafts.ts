import { and, eq, isNull, lt } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Log } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { attachments } from '../../platform/files/files.tables.ts';

/**
 * 附件资料 are uploaded while the 项目登记 form is open, before the project exists: they hang on
 * the form's id with owner type `project_draft`, and become the project's when it is saved.
 */
export const draftOwnerType = 'project_draft';

/** How long files of a form never saved are kept. */
export const draftLifetimeMs = 24 * 60 * 60 * 1000;

/** The agencies that have uploaded files to a draft id (deleted files too). */
export async function listDraftAgencyIds(db: Db, draftId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ agencyId: attachments.agencyId })
    .from(attachments)
    .where(and(eq(attachments.ownerType, draftOwnerType), eq(attachments.ownerId, draftId)));
  return rows.flatMap((r) => (r.agencyId ? [r.agencyId] : []));
}

/**
 * Makes the agency's draft files of a form the project's (same id), inside the registration's
 * transaction; returns the categories of the files moved.
 */
export async function claimDraftAttachments(tx: Db, draftId: string, agencyId: string): Promise<string[]> {
  const rows = await tx
    .update(attachments)
    .set({ ownerType: 'project' })
    .where(
      and(
        eq(attachments.ownerType, draftOwnerType),
        eq(attachments.ownerId, draftId),
        eq(attachments.agencyId, agencyId),
        isNull(attachments.deletedAt),
      ),
    )
    .returning({ category: attachments.category });
  return rows.map((r) => r.category);
}

/**
 * Soft-deletes the files of forms abandoned before 保存 (uploaded before `olderThan`), with one
 * audit record for the sweep; returns how many were removed.
 */
export async function sweepDraftAttachments(
  db: Db,
  olderThan: Date,
  now: () => Date = () => new Date(),
): Promise<number> {
  return db.transaction(async (tx) => {
    const swept = await tx
      .update(attachments)
      .set({ deletedAt: now() })
      .where(
        and(
          eq(attachments.ownerType, draftOwnerType),
          isNull(attachments.deletedAt),
          lt(attachments.uploadedAt, olderThan),
        ),
      )
      .returning({ id: attachments.id, ownerId: attachments.ownerId });
    if (swept.length === 0) return 0;
    await appendAudit(
      tx,
      { actor: null, meta: { ip: null, userAgent: 'draft-sweeper', requestId: null }, now },
      {
        action: 'attachment.drafts_swept',
        targetType: 'attachment',
        targetId: null,
        after: {
          olderThan: olderThan.toISOString(),
          count: swept.length,
          drafts: [...new Set(swept.map((s) => s.ownerId))],
        },
      },
    );
    return swept.length;
  });
}

/** Sweeps abandoned drafts now and every hour; the timer does not keep the process alive. */
export function scheduleDraftSweep(db: Db, now: () => Date, log: Log): void {
  const sweep = () =>
    sweepDraftAttachments(db, new Date(now().getTime() - draftLifetimeMs), now).then(
      (count) => {
        if (count > 0) log.info({ count }, 'abandoned project draft attachments removed');
      },
      (error: unknown) => log.error({ err: error }, 'draft attachment sweep failed'),
    );
  void sweep();
  setInterval(sweep, 60 * 60 * 1000).unref();
}
