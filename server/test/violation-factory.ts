import type { ViolationStatus } from '@eco/contracts';
import { shanghaiDate } from '../src/modules/notifications/notify.ts';
import { violationRounds, violations } from '../src/modules/violations/violations.tables.ts';
import { as, type Session, type TestEnv } from './harness.ts';
import { multipart, pdfBytes } from './uploads.ts';

type ViolationRow = typeof violations.$inferSelect;

let seq = 0;

/**
 * A violation inserted directly, issued now by `issuedBy`, deadline 10 days ahead unless given.
 * Past 待整改 it gets its round: open when 已提交, accepted (and closed) when 已整改.
 */
export async function buildViolation(
  env: TestEnv,
  input: {
    agencyId: string;
    issuedBy: string;
    projectId?: string | null;
    regionCode?: string;
    deadline?: string;
    status?: ViolationStatus;
    problem?: string;
    submittedBy?: string;
  },
): Promise<ViolationRow> {
  const now = env.clock.now();
  const status = input.status ?? 'pending';
  const n = ++seq;
  const [row] = await env.platform.db
    .insert(violations)
    .values({
      agencyId: input.agencyId,
      projectId: input.projectId ?? null,
      regionCode: input.regionCode ?? '510104',
      problem: input.problem ?? `危废鉴别报告采样点位与鉴别方案不一致${n}`,
      rule: '《危险废物鉴别技术规范》（HJ 298-2019）第5.2条',
      deadline: input.deadline ?? shanghaiDate(now, 10),
      status,
      issuedBy: input.issuedBy,
      issuedAt: now,
      closedAt: status === 'accepted' ? now : null,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('violation not created');
  if (status !== 'pending') {
    await env.platform.db.insert(violationRounds).values({
      violationId: row.id,
      round: 1,
      description: '已重新核实采样点位并补充说明',
      submittedBy: input.submittedBy ?? input.issuedBy,
      submittedAt: now,
      decision: status === 'accepted' ? 'accepted' : null,
      decidedBy: status === 'accepted' ? input.issuedBy : null,
      decidedAt: status === 'accepted' ? now : null,
    });
  }
  return row;
}

/** Uploads one file through the attachments API, as the 整改 form or the 开具违规 form does. */
export function uploadEvidence(
  env: TestEnv,
  session: Session,
  input: { violationId: string; ownerType?: 'rectification' | 'violation'; fileName?: string },
) {
  const ownerType = input.ownerType ?? 'rectification';
  const category = ownerType === 'rectification' ? 'rectification_evidence' : 'violation_evidence';
  const fileName = input.fileName ?? `整改佐证${++seq}.pdf`;
  const body = multipart('file', fileName, pdfBytes(`${input.violationId} ${fileName} ${seq}`));
  const query = new URLSearchParams({ ownerType, ownerId: input.violationId, category });
  return env.app.inject({
    method: 'POST',
    url: `/api/v1/attachments?${query}`,
    headers: { ...as(session), 'content-type': body.contentType },
    payload: body.payload,
  });
}
