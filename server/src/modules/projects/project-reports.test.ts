import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildSignedInUser, type buildUser } from '../../../test/factories.ts';
import { as, createTestEnv, type Session, type TestEnv } from '../../../test/harness.ts';
import { buildProject, buildReport, uploadReport } from '../../../test/project-factory.ts';
import { multipart, pdfBytes } from '../../../test/uploads.ts';
import { attachments } from '../../platform/files/files.tables.ts';
import { dictItems } from '../dicts/dicts.tables.ts';
import { projectReports } from './projects.tables.ts';

let env: TestEnv;
let chengduId: string;
let mianyangId: string;
let adminUserId: string;
let mianyangUserId: string;
let admin: Session;
let registrar: Session;
let fieldStaff: Session;
let mianyangAdmin: Session;
let cityRegulator: Session;

beforeAll(async () => {
  env = await createTestEnv();
  chengduId = (await buildAgency(env.platform, { regionCode: '510104' })).id;
  mianyangId = (await buildAgency(env.platform, { regionCode: '510703' })).id;
  const mk = (input: Parameters<typeof buildUser>[1]) => buildSignedInUser(env, input);
  const a = await mk({ role: 'agency_admin', agencyId: chengduId });
  adminUserId = a.id;
  admin = a.session;
  registrar = (await mk({ role: 'agency_registrar', agencyId: chengduId })).session;
  fieldStaff = (await mk({ role: 'field_staff', agencyId: chengduId })).session;
  const m = await mk({ role: 'agency_admin', agencyId: mianyangId });
  mianyangUserId = m.id;
  mianyangAdmin = m.session;
  cityRegulator = (await mk({ role: 'regulator', regionCode: '510100' })).session;
});
afterAll(() => env.close());

const chengduProject = (overrides: Partial<Parameters<typeof buildProject>[1]> = {}) =>
  buildProject(env.platform.db, { agencyId: chengduId, createdBy: adminUserId, ...overrides });

let numberSeq = 0;
const nextNumber = () => `CDJB-2026-${String(++numberSeq).padStart(4, '0')}`;

/** Every file in the store, temp files included: a refused upload must add none. */
function storedFiles(): string[] {
  const root = path.join(env.dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

async function reportRows(projectId: string) {
  return env.platform.db.select().from(projectReports).where(eq(projectReports.projectId, projectId));
}

async function reportAttachments(projectId: string) {
  return env.platform.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerType, 'report'), eq(attachments.ownerId, projectId)));
}

const pngBytes = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR', 'latin1'),
  Buffer.alloc(2048, 7),
]);

describe('上传监测报告', () => {
  it('stores a PDF report under its type and number, in one audited transaction', async () => {
    const project = await chengduProject();
    const bytes = pdfBytes('危废鉴别方案正文');
    const res = await uploadReport(env, registrar, project.id, {
      category: 'identification_plan',
      reportNumber: ' cdjb-fa-2026-001 ',
      fileName: '某化工废渣危险特性鉴别方案.pdf',
      bytes,
    });
    expect(res.statusCode).toBe(201);
    const saved = res.json();
    expect(saved).toMatchObject({
      category: 'identification_plan',
      categoryLabel: '危废鉴别方案',
      reportNumber: 'CDJB-FA-2026-001',
      fileName: '某化工废渣危险特性鉴别方案.pdf',
      size: bytes.length,
    });
    expect(storedFiles()).toContain(saved.sha256);
    const [row] = await reportRows(project.id);
    expect(row).toMatchObject({ agencyId: chengduId, attachmentId: saved.attachmentId });
    const [file] = await reportAttachments(project.id);
    expect(file).toMatchObject({ category: 'identification_plan', mimeType: 'application/pdf' });
    const audit = await env.app.inject({
      method: 'GET',
      url: `/api/v1/audit?targetId=${project.id}`,
      headers: as(cityRegulator),
    });
    expect(audit.json().items[0]).toMatchObject({
      action: 'project.report_uploaded',
      after: { reportNumber: 'CDJB-FA-2026-001', category: 'identification_plan' },
    });
  });

  it('refuses PNG bytes named .pdf with 415, storing neither a row nor a file', async () => {
    const project = await chengduProject();
    const before = storedFiles();
    const res = await uploadReport(env, admin, project.id, {
      category: 'identification_report',
      reportNumber: nextNumber(),
      fileName: '鉴别报告.pdf',
      bytes: pngBytes,
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE' });
    expect(res.json().detail).toContain('监测报告只支持 PDF 文件');
    expect(storedFiles()).toEqual(before);
    expect(await reportRows(project.id)).toEqual([]);
    expect(await reportAttachments(project.id)).toEqual([]);
  });

  it('refuses a file over the size the dictionary allows with 413, leaving nothing behind', async () => {
    const project = await chengduProject();
    const type = and(eq(dictItems.type, 'attachment_type'), eq(dictItems.code, 'identification_report'));
    await env.platform.db
      .update(dictItems)
      .set({ extra: sql`jsonb_set(${dictItems.extra}, '{maxSizeMb}', '0.01')` })
      .where(type);
    try {
      const before = storedFiles();
      const res = await uploadReport(env, admin, project.id, {
        category: 'identification_report',
        reportNumber: nextNumber(),
        bytes: Buffer.concat([pdfBytes('big'), Buffer.alloc(20 * 1024, 32)]),
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().detail).toContain('不能超过0.01MB');
      expect(storedFiles()).toEqual(before);
      expect(await reportRows(project.id)).toEqual([]);
    } finally {
      await env.platform.db
        .update(dictItems)
        .set({ extra: sql`jsonb_set(${dictItems.extra}, '{maxSizeMb}', '50')` })
        .where(type);
    }
  });

  it('refuses a report number already used on the platform, whatever the agency or letter case', async () => {
    const mine = await chengduProject();
    const theirs = await buildProject(env.platform.db, {
      agencyId: mianyangId,
      regionCode: '510703',
      createdBy: mianyangUserId,
    });
    const number = nextNumber();
    expect(
      (await uploadReport(env, admin, mine.id, { category: 'identification_plan', reportNumber: number }))
        .statusCode,
    ).toBe(201);
    const before = storedFiles();
    const res = await uploadReport(env, mianyangAdmin, theirs.id, {
      category: 'identification_plan',
      reportNumber: number.toLowerCase(),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'CONFLICT',
      errors: [{ field: 'reportNumber', message: `报告编号「${number}」已被使用` }],
    });
    expect(storedFiles()).toEqual(before);
    expect(await reportRows(theirs.id)).toEqual([]);
  });

  it('two uploads racing for one number: one wins, the other is 409, no orphan file', async () => {
    const [first, second] = [await chengduProject(), await chengduProject()];
    const number = nextNumber();
    const before = storedFiles();
    const results = await Promise.all(
      [first, second].map((p) =>
        uploadReport(env, admin, p.id, { category: 'identification_report', reportNumber: number }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const winner = results.find((r) => r.statusCode === 201)?.json();
    expect(storedFiles()).toEqual([...before, winner.sha256].sort());
  });

  it('a number taken while the file was uploading is 409 from the unique index, no orphan file', async () => {
    const [project, rival] = [await chengduProject(), await chengduProject()];
    const number = nextNumber();
    const bytes = pdfBytes('slow upload');
    const body = multipart('file', '鉴别报告.pdf', bytes);
    const head = body.payload.subarray(0, 200);
    async function* slowUpload() {
      yield head;
      // The rival registers the number after this upload's checks passed.
      await buildReport(env.platform.db, {
        project: rival,
        category: 'identification_report',
        reportNumber: number,
        uploadedBy: adminUserId,
      });
      yield body.payload.subarray(200);
    }
    const before = storedFiles();
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/reports?category=identification_report&reportNumber=${number}`,
      headers: { ...as(admin), 'content-type': body.contentType },
      payload: Readable.from(slowUpload()),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ field: 'reportNumber', message: `报告编号「${number}」已被使用` }]);
    expect(storedFiles()).toEqual(before);
    expect(await reportRows(project.id)).toEqual([]);
    expect(await reportAttachments(project.id)).toEqual([]);
  });

  it('a second report of the same type is 409 until the first is deleted', async () => {
    const project = await chengduProject();
    await uploadReport(env, admin, project.id, {
      category: 'identification_plan',
      reportNumber: nextNumber(),
    });
    const res = await uploadReport(env, registrar, project.id, {
      category: 'identification_plan',
      reportNumber: nextNumber(),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('请先删除已上传的「危废鉴别方案」再重新上传');
    expect(await reportRows(project.id)).toHaveLength(1);
  });

  it('refuses a report type that does not apply to the monitoring type (400 on category)', async () => {
    const hazardous = await chengduProject();
    const wastewater = await chengduProject({ monitoringType: 'wastewater', name: '某污水处理厂出水监测' });
    const cases = [
      [hazardous.id, 'monitoring_report'],
      [wastewater.id, 'identification_plan'],
      [hazardous.id, 'qualification'],
      [hazardous.id, 'no_such_type'],
    ] as const;
    for (const [projectId, category] of cases) {
      const res = await uploadReport(env, admin, projectId, { category, reportNumber: nextNumber() });
      expect(res.statusCode, category).toBe(400);
      expect(res.json().errors[0].field).toBe('category');
    }
    const ok = await uploadReport(env, admin, wastewater.id, {
      category: 'monitoring_report',
      reportNumber: nextNumber(),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().categoryLabel).toBe('监测报告');
  });

  it('validates the report number before reading the file', async () => {
    const project = await chengduProject();
    for (const reportNumber of ['AB1', '报告/001', 'X'.repeat(41)]) {
      const res = await uploadReport(env, admin, project.id, {
        category: 'identification_plan',
        reportNumber,
      });
      expect(res.statusCode, reportNumber).toBe(400);
      expect(res.json().errors[0].field).toBe('reportNumber');
    }
  });

  it('only the agency’s registrars reach its projects: 404 for another agency, 403 for other roles', async () => {
    const project = await chengduProject();
    const upload = (s: Session) =>
      uploadReport(env, s, project.id, { category: 'identification_plan', reportNumber: nextNumber() });
    expect((await upload(mianyangAdmin)).statusCode).toBe(404);
    expect((await upload(cityRegulator)).statusCode).toBe(403);
    expect((await upload(fieldStaff)).statusCode).toBe(403);
    const missing = await uploadReport(env, admin, '00000000-0000-4000-8000-000000000000', {
      category: 'identification_plan',
      reportNumber: nextNumber(),
    });
    expect(missing.statusCode).toBe(404);
    expect(await reportRows(project.id)).toEqual([]);
  });

  it('the report downloads through the attachment routes for whoever may read the project', async () => {
    const project = await chengduProject();
    const bytes = pdfBytes('鉴别报告正文');
    const saved = (
      await uploadReport(env, admin, project.id, {
        category: 'identification_report',
        reportNumber: nextNumber(),
        fileName: '危险废物鉴别报告.pdf',
        bytes,
      })
    ).json();
    const download = (s: Session) =>
      env.app.inject({
        method: 'GET',
        url: `/api/v1/attachments/${saved.attachmentId}/download`,
        headers: as(s),
      });
    for (const s of [admin, registrar, cityRegulator]) {
      const res = await download(s);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(bytes)).toBe(true);
    }
    expect((await download(mianyangAdmin)).statusCode).toBe(404);
  });

  it('the generic attachment routes cannot add, rename or delete a report file', async () => {
    const project = await chengduProject();
    const saved = (
      await uploadReport(env, admin, project.id, {
        category: 'identification_plan',
        reportNumber: nextNumber(),
      })
    ).json();
    const body = multipart('file', '鉴别方案.pdf', pdfBytes('generic'));
    const generic = await env.app.inject({
      method: 'POST',
      url: `/api/v1/attachments?ownerType=report&ownerId=${project.id}&category=identification_report`,
      headers: { ...as(admin), 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(generic.statusCode).toBe(403);
    const rename = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/attachments/${saved.attachmentId}`,
      headers: as(admin),
      payload: { fileName: '改名.pdf' },
    });
    expect(rename.statusCode).toBe(403);
    const remove = await env.app.inject({
      method: 'DELETE',
      url: `/api/v1/attachments/${saved.attachmentId}`,
      headers: as(admin),
    });
    expect(remove.statusCode).toBe(403);
    expect(await reportRows(project.id)).toHaveLength(1);
  });
});

describe('删除监测报告', () => {
  it('deletes the report, frees its number, keeps the file for the record, audits it', async () => {
    const project = await chengduProject();
    const other = await chengduProject();
    const number = nextNumber();
    const saved = (
      await uploadReport(env, admin, project.id, { category: 'identification_plan', reportNumber: number })
    ).json();
    const remove = (s: Session, reportId = saved.id) =>
      env.app.inject({
        method: 'DELETE',
        url: `/api/v1/projects/${project.id}/reports/${reportId}`,
        headers: as(s),
      });
    expect((await remove(mianyangAdmin)).statusCode).toBe(404);
    expect((await remove(cityRegulator)).statusCode).toBe(403);
    expect((await remove(registrar)).statusCode).toBe(204);
    expect((await remove(registrar)).statusCode).toBe(404);
    expect(await reportRows(project.id)).toEqual([]);
    const [file] = await reportAttachments(project.id);
    expect(file?.deletedAt).not.toBeNull();
    expect(storedFiles()).toContain(saved.sha256);
    const reused = await uploadReport(env, admin, other.id, {
      category: 'identification_plan',
      reportNumber: number,
    });
    expect(reused.statusCode).toBe(201);
    const audit = await env.app.inject({
      method: 'GET',
      url: `/api/v1/audit?targetId=${project.id}`,
      headers: as(cityRegulator),
    });
    expect(audit.json().items.map((r: { action: string }) => r.action)).toEqual([
      'project.report_deleted',
      'project.report_uploaded',
    ]);
    expect(audit.json().items[0].before).toMatchObject({ reportNumber: number });
    const fileTrail = await env.app.inject({
      method: 'GET',
      url: `/api/v1/audit?targetId=${saved.attachmentId}`,
      headers: as(cityRegulator),
    });
    expect(fileTrail.json().items.map((r: { action: string }) => r.action)).toEqual([
      'attachment.deleted',
      'attachment.uploaded',
    ]);
  });

  it('a report id of another project is 404', async () => {
    const project = await chengduProject();
    const other = await chengduProject();
    const report = await buildReport(env.platform.db, {
      project: other,
      category: 'identification_plan',
      uploadedBy: adminUserId,
    });
    const res = await env.app.inject({
      method: 'DELETE',
      url: `/api/v1/projects/${project.id}/reports/${report.id}`,
      headers: as(admin),
    });
    expect(res.statusCode).toBe(404);
    expect(await reportRows(other.id)).toHaveLength(1);
  });
});

describe('after submission (已完成, 审核通过)', () => {
  it('reports can be neither uploaded nor deleted: 409', async () => {
    for (const status of ['submitted', 'approved'] as const) {
      const project = await chengduProject({ status });
      const report = await buildReport(env.platform.db, {
        project,
        category: 'identification_plan',
        uploadedBy: adminUserId,
      });
      const before = storedFiles();
      const upload = await uploadReport(env, admin, project.id, {
        category: 'identification_report',
        reportNumber: nextNumber(),
      });
      expect(upload.statusCode, status).toBe(409);
      expect(upload.json()).toMatchObject({ code: 'INVALID_STATE', detail: '已提交的项目不能修改监测报告' });
      expect(storedFiles()).toEqual(before);
      const remove = await env.app.inject({
        method: 'DELETE',
        url: `/api/v1/projects/${project.id}/reports/${report.id}`,
        headers: as(admin),
      });
      expect(remove.statusCode, status).toBe(409);
      expect(await reportRows(project.id)).toHaveLength(1);
    }
  });

  it('a returned project takes report changes again', async () => {
    const project = await chengduProject({ status: 'returned' });
    const report = await buildReport(env.platform.db, {
      project,
      category: 'identification_report',
      uploadedBy: adminUserId,
    });
    const remove = await env.app.inject({
      method: 'DELETE',
      url: `/api/v1/projects/${project.id}/reports/${report.id}`,
      headers: as(admin),
    });
    expect(remove.statusCode).toBe(204);
    const upload = await uploadReport(env, admin, project.id, {
      category: 'identification_report',
      reportNumber: report.reportNumber,
    });
    expect(upload.statusCode).toBe(201);
  });
});
