import { PassThrough, type Readable } from 'node:stream';
import { type PersonnelFilter, type PersonnelStatus, personnelStatusLabels } from '@eco/contracts';
import ExcelJS from 'exceljs';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AuthedContext } from '../../platform/context.ts';
import { listPersonnelBatch, type PersonnelCursor } from './personnel.queries.ts';
import { dictLabels, ownAgencyId, targetType } from './personnel.service.ts';

const batchSize = 500;

const columns = [
  { header: '姓名', key: 'name', width: 14 },
  { header: '性别', key: 'gender', width: 8 },
  { header: '身份证号', key: 'idNumber', width: 22 },
  { header: '手机号', key: 'mobile', width: 16 },
  { header: '职称', key: 'title', width: 16 },
  { header: '岗位职能', key: 'posts', width: 30 },
  { header: '学历', key: 'education', width: 14 },
  { header: '审核状态', key: 'status', width: 12 },
  { header: '监测账号', key: 'account', width: 10 },
];

/**
 * 导出: every row of the current query (all pages), as .xlsx written while it is read, in
 * batches by keyset, so memory stays bounded whatever the count. ID numbers and mobiles are the
 * stored masks; nothing is decrypted.
 */
export async function exportPersonnelXlsx(ctx: AuthedContext, filter: PersonnelFilter): Promise<Readable> {
  const agencyId = ownAgencyId(ctx);
  const [posts, education] = await Promise.all([dictLabels(ctx.db, 'post'), dictLabels(ctx.db, 'education')]);
  await ctx.db.transaction((tx) =>
    appendAudit(tx, ctx, {
      action: 'personnel.exported',
      targetType,
      targetId: null,
      agencyId,
      after: { filter },
    }),
  );
  const out = new PassThrough();
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('监测人员');
    sheet.columns = columns;
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    let cursor: PersonnelCursor | null = null;
    for (;;) {
      const rows = await listPersonnelBatch(ctx.db, { ...filter, agencyId }, cursor, batchSize);
      for (const { row, hasAccount } of rows) {
        sheet
          .addRow({
            name: row.name,
            gender: row.gender,
            idNumber: row.idNumberMasked,
            mobile: row.mobileMasked,
            title: row.title,
            posts: row.posts.map((p) => posts.get(p) ?? p).join('、'),
            education: education.get(row.education) ?? row.education,
            status: personnelStatusLabels[row.status as PersonnelStatus] ?? row.status,
            account: hasAccount ? '有' : '无',
          })
          .commit();
      }
      const last = rows.at(-1);
      if (!last || rows.length < batchSize) break;
      cursor = { key: last.cursorKey, id: last.row.id };
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => {
    ctx.log.error({ err: error }, 'personnel export failed');
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}
