import { PassThrough, type Readable, type Writable } from 'node:stream';
import { type ProjectFilter, type ProjectStatus, projectStatusLabels, regionPrefix } from '@eco/contracts';
import ExcelJS from 'exceljs';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AuthedContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { listDictItems } from '../dicts/dicts.queries.ts';
import { getRegionNames } from '../regions/regions.service.ts';
import { listProjectBatch, type ProjectCursor } from './projects.queries.ts';
import { projectScopeOf, targetType } from './projects.service.ts';

const batchSize = 1000;
const chinaOffsetMs = 8 * 60 * 60 * 1000;

const columns = [
  { header: '项目编号', key: 'projectNo', width: 22 },
  { header: '项目名称', key: 'name', width: 44 },
  { header: '监测机构', key: 'agencyName', width: 32 },
  { header: '监测类型', key: 'monitoringType', width: 16 },
  { header: '项目监测性质', key: 'monitoringNature', width: 18 },
  { header: '项目区域', key: 'region', width: 22 },
  { header: '委托企业', key: 'clientName', width: 32 },
  { header: '监测状态', key: 'status', width: 10 },
  { header: '登记时间', key: 'createdAt', width: 20 },
  { header: '提交时间', key: 'submittedAt', width: 20 },
];

/** `YYYY-MM-DD HH:mm:ss` in China time (UTC+8), as the pages show times. */
function chinaTime(at: Date): string {
  return new Date(at.getTime() + chinaOffsetMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** The export's file name: 项目查询统计-YYYYMMDD.xlsx (China date). */
export function projectExportFileName(at: Date): string {
  return `项目查询统计-${chinaTime(at).slice(0, 10).replaceAll('-', '')}.xlsx`;
}

async function labelsOf(db: Db, type: 'monitoring_type' | 'monitoring_nature'): Promise<Map<string, string>> {
  return new Map((await listDictItems(db, type)).map((r) => [r.code, r.label]));
}

/** 成都市锦江区 for a 区县, the 市州 alone for a 市州 code. */
function regionLabel(names: Map<string, string>, code: string): string {
  const city = names.get(`${regionPrefix(code).slice(0, 4)}00`) ?? '';
  const county = code.endsWith('00') ? '' : (names.get(code) ?? code);
  return `${city}${county}` || code;
}

/** Resolves once the output has room again; refuses if it closes first (the client left). */
function drained(output: Writable): Promise<void> {
  if (!output.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      output.off('drain', onDrain);
      output.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('export output closed'));
    output.on('drain', onDrain);
    output.on('close', onClose);
  });
}

/**
 * 导出: every project of the current query (all pages) in the caller's scope, as .xlsx written
 * into `output` while it is read, in keyset batches, waiting whenever the output is full: memory
 * stays bounded whatever the count. Resolves when the workbook is complete.
 */
export async function exportProjectsXlsx(
  ctx: AuthedContext,
  filter: ProjectFilter,
  output: Writable,
): Promise<void> {
  const scope = projectScopeOf(ctx.actor);
  const [types, natures, regions] = await Promise.all([
    labelsOf(ctx.db, 'monitoring_type'),
    labelsOf(ctx.db, 'monitoring_nature'),
    getRegionNames(ctx.db),
  ]);
  await ctx.db.transaction((tx) =>
    appendAudit(tx, ctx, {
      action: 'project.exported',
      targetType,
      targetId: null,
      agencyId: 'agencyId' in scope ? scope.agencyId : null,
      after: { filter, scope },
    }),
  );
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('项目查询统计');
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let cursor: ProjectCursor | null = null;
  for (;;) {
    const rows = await listProjectBatch(ctx.db, scope, filter, cursor, batchSize);
    for (const row of rows) {
      sheet
        .addRow({
          projectNo: row.projectNo,
          name: row.name,
          agencyName: row.agencyName,
          monitoringType: types.get(row.monitoringType) ?? row.monitoringType,
          monitoringNature: natures.get(row.monitoringNature) ?? row.monitoringNature,
          region: regionLabel(regions, row.regionCode),
          clientName: row.clientName,
          status: projectStatusLabels[row.status as ProjectStatus] ?? row.status,
          createdAt: chinaTime(row.createdAt),
          submittedAt: row.submittedAt ? chinaTime(row.submittedAt) : '',
        })
        .commit();
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) break;
    cursor = { key: last.cursorKey, id: last.id };
    await drained(output);
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * The export as a stream for a reply: the caller's scope is checked before anything is sent;
 * a failure while writing ends the stream with an error (the download breaks, never truncates
 * silently).
 */
export function streamProjectsXlsx(ctx: AuthedContext, filter: ProjectFilter): Readable {
  projectScopeOf(ctx.actor);
  const out = new PassThrough();
  exportProjectsXlsx(ctx, filter, out).catch((error: unknown) => {
    ctx.log.error({ err: error }, 'project export failed');
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}
