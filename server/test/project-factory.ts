import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ProjectStatus } from '@eco/contracts';
import { nextProjectNo, projectYear } from '../src/modules/projects/project-numbers.ts';
import { projectReports, projects } from '../src/modules/projects/projects.tables.ts';
import type { Db } from '../src/platform/db/client.ts';
import { attachments } from '../src/platform/files/files.tables.ts';
import type { FileStore } from '../src/platform/files/store.ts';
import { randomCreditCode } from './factories.ts';
import { as, type Session, type TestEnv } from './harness.ts';
import { multipart, pdfBytes } from './uploads.ts';

type ProjectRow = typeof projects.$inferSelect;

let seq = 0;

/**
 * A registered project inserted directly (no items, no files), with realistic values and a
 * project number. A status past 未完成 also gets the matching timestamps.
 */
export async function buildProject(
  db: Db,
  input: {
    agencyId: string;
    createdBy: string;
    regionCode?: string;
    status?: ProjectStatus;
    monitoringType?: string;
    name?: string;
    submittedAt?: Date;
    returnReason?: string;
  },
): Promise<ProjectRow> {
  const regionCode = input.regionCode ?? '510104';
  const status = input.status ?? 'in_progress';
  const now = new Date();
  const n = ++seq;
  const isPastSubmission = status !== 'in_progress';
  const [row] = await db
    .insert(projects)
    .values({
      id: randomUUID(),
      agencyId: input.agencyId,
      projectNo: await nextProjectNo(db, regionCode, projectYear(now)),
      name: input.name ?? `某化工有限公司废渣危险特性鉴别项目${n}`,
      monitoringType: input.monitoringType ?? 'hazardous_waste',
      monitoringNature: input.monitoringType === undefined ? 'hazardous_waste' : 'entrusted',
      regionCode,
      address: `成都市锦江区工业园区创业路${n}号`,
      longitude: 104.08 + n / 1000,
      latitude: 30.65,
      plannedStart: '2026-03-01',
      plannedEnd: '2026-04-30',
      description: '固体废物危险特性鉴别：采样、检测与鉴别报告编制',
      entrustCategory: 'enterprise',
      clientName: `四川某化工有限公司${n}`,
      clientCreditCode: randomCreditCode(regionCode),
      clientContact: '王建国',
      clientPhone: '13800138000',
      clientEmail: 'contact@example.com',
      clientAddress: '成都市锦江区工业园区创业路1号',
      isSubcontracted: false,
      contractNumber: `HT-2026-${String(n).padStart(4, '0')}`,
      contractAmount: 128000,
      contractSignedOn: '2026-02-20',
      trainingDate: '2026-02-25',
      trainingContent: '采样安全与质量控制培训',
      trainingParticipants: '张三、李四',
      status,
      returnReason: status === 'returned' ? (input.returnReason ?? '鉴别报告结论依据不足') : null,
      submittedAt: isPastSubmission ? (input.submittedAt ?? now) : null,
      reviewedAt: status === 'approved' || status === 'returned' ? now : null,
      createdBy: input.createdBy,
    })
    .returning();
  if (!row) throw new Error('project not created');
  return row;
}

/**
 * A report registered on a project (attachment row + report row). With `files`, a real PDF is
 * put in the store so downloads work; without, only the rows exist.
 */
export async function buildReport(
  db: Db,
  input: {
    project: Pick<ProjectRow, 'id' | 'agencyId'>;
    category: string;
    uploadedBy: string;
    reportNumber?: string;
    files?: FileStore;
  },
): Promise<typeof projectReports.$inferSelect> {
  const n = ++seq;
  const bytes = pdfBytes(`report ${input.project.id} ${input.category} ${n}`);
  let sha256 = randomUUID().replaceAll('-', '').padEnd(64, '0');
  if (input.files) {
    const staged = await input.files.stage(Readable.from([bytes]), { maxBytes: bytes.length });
    await staged.commit();
    sha256 = staged.sha256;
  }
  return db.transaction(async (tx) => {
    const [attachment] = await tx
      .insert(attachments)
      .values({
        ownerType: 'report',
        ownerId: input.project.id,
        agencyId: input.project.agencyId,
        category: input.category,
        fileName: `${input.category}-${n}.pdf`,
        size: bytes.length,
        mimeType: 'application/pdf',
        sha256,
        uploadedBy: input.uploadedBy,
      })
      .returning();
    if (!attachment) throw new Error('attachment not created');
    const [report] = await tx
      .insert(projectReports)
      .values({
        projectId: input.project.id,
        agencyId: input.project.agencyId,
        category: input.category,
        reportNumber: input.reportNumber ?? `CDHJ-JB-${Date.now().toString(36).toUpperCase()}-${n}`,
        attachmentId: attachment.id,
      })
      .returning();
    if (!report) throw new Error('report not created');
    return report;
  });
}

/** POST /api/v1/projects/:id/reports as a multipart upload, the way the 办理 page sends it. */
export function uploadReport(
  env: TestEnv,
  session: Session,
  projectId: string,
  input: { category: string; reportNumber: string; fileName?: string; bytes?: Buffer },
) {
  const bytes = input.bytes ?? pdfBytes(`${projectId} ${input.category} ${input.reportNumber}`);
  const body = multipart('file', input.fileName ?? `${input.category}.pdf`, bytes);
  const query = new URLSearchParams({ category: input.category, reportNumber: input.reportNumber });
  return env.app.inject({
    method: 'POST',
    url: `/api/v1/projects/${projectId}/reports?${query}`,
    headers: { ...as(session), 'content-type': body.contentType },
    payload: body.payload,
  });
}
