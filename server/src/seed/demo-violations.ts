import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import {
  findAgencyUserIds,
  findProjectFieldUserIds,
  notifyUsers,
  shanghaiDate,
} from '../modules/notifications/notify.ts';
import { projects } from '../modules/projects/projects.tables.ts';
import { problemBrief } from '../modules/violations/violations.service.ts';
import { violationRoundFiles, violationRounds, violations } from '../modules/violations/violations.tables.ts';
import type { Db } from '../platform/db/client.ts';
import { attachments } from '../platform/files/files.tables.ts';
import type { Platform } from '../platform/platform.ts';
import { demoPdf } from './demo-projects.ts';

const dayMs = 24 * 60 * 60 * 1000;

type Person = { userId: string; name: string };

export type DemoViolationsInput = { agencyId: string; regulator: Person; registrar: Person };

async function storePdf(platform: Platform, lines: string[]) {
  const bytes = demoPdf(lines);
  const staged = await platform.files.stage(Readable.from([bytes]), { maxBytes: bytes.length });
  await staged.commit();
  return { sha256: staged.sha256, size: staged.size, mimeType: 'application/pdf' };
}

async function demoProject(tx: Db, agencyId: string, status: string) {
  const [row] = await tx
    .select()
    .from(projects)
    .where(and(eq(projects.agencyId, agencyId), eq(projects.status, status)))
    .limit(1);
  if (!row) throw new Error(`demo project ${status} not found`);
  return row;
}

/**
 * Two violations of the demo agency issued by the province regulator: one 待整改 on the returned
 * project (整改期限 in 10 days, its 违规通知 sent), one 已整改 on the approved project with one
 * accepted round and its evidence. Returns their ids.
 */
export async function seedDemoViolations(
  tx: Db,
  platform: Platform,
  input: DemoViolationsInput,
): Promise<string[]> {
  const now = platform.now();
  const ago = (days: number) => new Date(now.getTime() - days * dayMs);
  const returned = await demoProject(tx, input.agencyId, 'returned');
  const approved = await demoProject(tx, input.agencyId, 'approved');

  const issuedAt = ago(1);
  const [open] = await tx
    .insert(violations)
    .values({
      agencyId: input.agencyId,
      projectId: returned.id,
      regionCode: returned.regionCode,
      problem: '现场采样未按鉴别方案布设采样点位，浸出毒性样品份数少于方案要求的12份，采样记录缺少采样时间。',
      rule: '《危险废物鉴别技术规范》（HJ 298-2019）第5.2条、第6.1条',
      deadline: shanghaiDate(now, 10),
      status: 'pending',
      issuedBy: input.regulator.userId,
      issuedAt,
      updatedAt: issuedAt,
    })
    .returning();
  if (!open) throw new Error('demo violation not created');
  await tx.insert(attachments).values({
    ownerType: 'violation',
    ownerId: open.id,
    agencyId: input.agencyId,
    category: 'violation_evidence',
    fileName: '现场检查记录.pdf',
    ...(await storePdf(platform, ['On-site inspection record (demo)', returned.projectNo])),
    uploadedBy: input.regulator.userId,
    uploadedAt: issuedAt,
  });
  await notifyUsers(
    tx,
    [...(await findAgencyUserIds(tx, input.agencyId)), ...(await findProjectFieldUserIds(tx, returned.id))],
    {
      kind: 'violation_issued',
      title: '违规通知',
      body: `${problemBrief(open.problem)}（整改期限 ${open.deadline}）`,
      link: `/rectifications/${open.id}`,
      targetType: 'violation',
      targetId: open.id,
      dedupeKey: `violation:${open.id}:issued`,
    },
    issuedAt,
  );

  const [closed] = await tx
    .insert(violations)
    .values({
      agencyId: input.agencyId,
      projectId: approved.id,
      regionCode: approved.regionCode,
      problem: '危废鉴别报告未附实验室原始记录，报告签发人不具备授权签字人资格。',
      rule: '《检验检测机构资质认定管理办法》第二十五条',
      deadline: shanghaiDate(now, -12),
      status: 'accepted',
      issuedBy: input.regulator.userId,
      issuedAt: ago(22),
      closedAt: ago(11),
      updatedAt: ago(11),
    })
    .returning();
  if (!closed) throw new Error('demo violation not created');
  const [round] = await tx
    .insert(violationRounds)
    .values({
      violationId: closed.id,
      round: 1,
      description:
        '已补充实验室原始记录，由授权签字人陈静重新审核签发鉴别报告，并组织全员开展授权签字制度培训。',
      submittedBy: input.registrar.userId,
      submittedAt: ago(14),
      decision: 'accepted',
      decidedBy: input.regulator.userId,
      decidedAt: ago(11),
    })
    .returning();
  if (!round) throw new Error('demo round not created');
  const [evidence] = await tx
    .insert(attachments)
    .values({
      ownerType: 'rectification',
      ownerId: round.id,
      agencyId: input.agencyId,
      category: 'rectification_evidence',
      fileName: '整改报告及培训记录.pdf',
      ...(await storePdf(platform, ['Rectification report and training record (demo)', approved.projectNo])),
      uploadedBy: input.registrar.userId,
      uploadedAt: ago(14),
    })
    .returning({ id: attachments.id });
  if (!evidence) throw new Error('demo evidence not created');
  await tx.insert(violationRoundFiles).values({ roundId: round.id, attachmentId: evidence.id });
  return [open.id, closed.id];
}
