import { Readable } from 'node:stream';
import type { ProjectStatus } from '@eco/contracts';
import { eq } from 'drizzle-orm';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, StandardFonts } from 'pdf-lib';
import type { TestEnv } from '../../../test/harness.ts';
import { buildProject } from '../../../test/project-factory.ts';
import { attachments } from '../../platform/files/files.tables.ts';
import { projectReports, projects } from '../projects/projects.tables.ts';
import { insertCaptcha } from './public-guard.queries.ts';
import { captchaAnswerHash } from './public-guard.service.ts';

/** A real PDF of `pages` pages, each saying which report and page it is. */
export async function reportPdf(label: string, pages = 3): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`${label} page ${i}`, { x: 72, y: 760, size: 14, font });
  }
  return Buffer.from(await doc.save());
}

/** A PDF that declares encryption (as owner-password "protected" reports do): pdf-lib cannot rewrite it. */
export async function encryptedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  doc.context.trailerInfo.Encrypt = doc.context.register(doc.context.obj({ Filter: 'Standard', V: 2 }));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

let seq = 0;

export type PublishedReport = {
  projectId: string;
  reportId: string;
  reportNumber: string;
  sha256: string;
  bytes: Buffer;
};

/**
 * A project in `status` with one 危废鉴别报告 whose PDF is in the file store (or `bytes`, which
 * need not be a PDF). `deleted` marks the project deleted.
 */
export async function publishReport(
  env: TestEnv,
  input: {
    agencyId: string;
    userId: string;
    status: ProjectStatus;
    deleted?: boolean;
    bytes?: Buffer;
    reportNumber?: string;
  },
): Promise<PublishedReport> {
  const db = env.platform.db;
  const n = ++seq;
  const reportNumber = input.reportNumber ?? `SCHJ-JB-2026-${String(n).padStart(4, '0')}`;
  const bytes = input.bytes ?? (await reportPdf(reportNumber));
  const staged = await env.platform.files.stage(Readable.from([bytes]), { maxBytes: bytes.length });
  await staged.commit();
  const project = await buildProject(db, {
    agencyId: input.agencyId,
    createdBy: input.userId,
    status: input.status,
  });
  if (input.deleted)
    await db.update(projects).set({ deletedAt: new Date() }).where(eq(projects.id, project.id));
  const [attachment] = await db
    .insert(attachments)
    .values({
      ownerType: 'report',
      ownerId: project.id,
      agencyId: input.agencyId,
      category: 'identification_report',
      fileName: `危废鉴别报告-${n}.pdf`,
      size: bytes.length,
      mimeType: 'application/pdf',
      sha256: staged.sha256,
      uploadedBy: input.userId,
    })
    .returning();
  if (!attachment) throw new Error('attachment not created');
  const [report] = await db
    .insert(projectReports)
    .values({
      projectId: project.id,
      agencyId: input.agencyId,
      category: 'identification_report',
      reportNumber,
      attachmentId: attachment.id,
    })
    .returning();
  if (!report) throw new Error('report not created');
  return { projectId: project.id, reportId: report.id, reportNumber, sha256: staged.sha256, bytes };
}

/** A captcha whose answer the test knows (the real one is only in the image). */
export async function knownCaptcha(env: TestEnv, answer: string): Promise<string> {
  const id = crypto.randomUUID();
  await insertCaptcha(env.platform.db, {
    id,
    answerHash: captchaAnswerHash(env.platform.pii, id, answer),
    expiresAt: new Date(env.clock.now().getTime() + 5 * 60_000),
  });
  return id;
}

/** The decoded content streams of each page, as Latin-1 text, to look for drawn text. */
export function pageContents(doc: PDFDocument): string[] {
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    return refs
      .map((ref) => doc.context.lookup(ref))
      .map((stream) =>
        stream instanceof PDFRawStream
          ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')
          : '',
      )
      .join('\n');
  });
}

/** How Helvetica text appears in a content stream: its WinAnsi codes in hex. */
export function hexOfAscii(text: string): string {
  return Buffer.from(text, 'latin1').toString('hex').toUpperCase();
}
