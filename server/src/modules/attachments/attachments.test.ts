import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories.ts';
import { as, createTestEnv, login, type Session, type TestEnv } from '../../../test/harness.ts';
import { multipart, pdfBytes } from '../../../test/uploads.ts';

let env: TestEnv;
let agencyId: string;
let admin: Session;
let registrar: Session;
let otherAdmin: Session;
let cityRegulator: Session;
let mianyangRegulator: Session;

beforeAll(async () => {
  env = await createTestEnv();
  const agency = await buildAgency(env.platform, { regionCode: '510104' });
  const other = await buildAgency(env.platform, { regionCode: '510703' });
  agencyId = agency.id;
  const mk = async (role: Parameters<typeof buildUser>[1]) => {
    const u = await buildUser(env.platform, role);
    return login(env.app, u.username, u.password);
  };
  admin = await mk({ role: 'agency_admin', agencyId: agency.id });
  registrar = await mk({ role: 'agency_registrar', agencyId: agency.id });
  otherAdmin = await mk({ role: 'agency_admin', agencyId: other.id });
  cityRegulator = await mk({ role: 'regulator', regionCode: '510100' });
  mianyangRegulator = await mk({ role: 'regulator', regionCode: '510700' });
});
afterAll(() => env.close());

const upload = (s: Session, category: string, fileName: string, bytes: Buffer, owner = agencyId) => {
  const body = multipart('file', fileName, bytes);
  return env.app.inject({
    method: 'POST',
    url: `/api/v1/attachments?ownerType=agency&ownerId=${owner}&category=${category}`,
    headers: { ...as(s), 'content-type': body.contentType },
    payload: body.payload,
  });
};

function storedBlobs(): string[] {
  const root = path.join(env.dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

describe('upload', () => {
  it('stores a PDF by its SHA-256 and lists it with its Chinese name', async () => {
    const bytes = pdfBytes('资质证书');
    const res = await upload(admin, 'qualification', '检验检测机构资质认定证书.pdf', bytes);
    expect(res.statusCode).toBe(201);
    const saved = res.json();
    expect(saved).toMatchObject({
      category: 'qualification',
      categoryLabel: '资质证明',
      fileName: '检验检测机构资质认定证书.pdf',
      size: bytes.length,
      mimeType: 'application/pdf',
    });
    const sha = saved.sha256 as string;
    expect(existsSync(path.join(env.dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha))).toBe(true);
    const list = await env.app.inject({
      method: 'GET',
      url: `/api/v1/attachments?ownerType=agency&ownerId=${agencyId}`,
      headers: as(registrar),
    });
    expect(list.json().items.map((i: { fileName: string }) => i.fileName)).toContain(
      '检验检测机构资质认定证书.pdf',
    );
  });

  it('downloads the same bytes with the original Chinese file name', async () => {
    const bytes = pdfBytes('营业执照副本');
    const saved = (await upload(admin, 'business_license', '营业执照（副本）.pdf', bytes)).json();
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/v1/attachments/${saved.id}/download`,
      headers: as(cityRegulator),
    });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(bytes)).toBe(true);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('营业执照（副本）.pdf')}`,
    );
  });

  it('refuses an .exe renamed .pdf by its bytes, leaving no row and no file', async () => {
    const before = storedBlobs();
    const exe = Buffer.concat([
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'),
      Buffer.alloc(4096, 1),
    ]);
    const res = await upload(admin, 'qualification', '资质.pdf', exe);
    expect(res.statusCode).toBe(415);
    expect(res.json().detail).toContain('只支持 PDF、JPG、PNG');
    expect(storedBlobs()).toEqual(before);
    const list = await env.app.inject({
      method: 'GET',
      url: `/api/v1/attachments?ownerType=agency&ownerId=${agencyId}`,
      headers: as(admin),
    });
    expect(list.json().items.some((i: { fileName: string }) => i.fileName === '资质.pdf')).toBe(false);
  });

  it('refuses a file over the size limit of its category, leaving nothing behind', async () => {
    const before = storedBlobs();
    const big = Buffer.concat([pdfBytes('x'), Buffer.alloc(6 * 1024 * 1024, 32)]);
    const res = await upload(admin, 'national_platform_screenshot', '截图.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toContain('不能超过5MB');
    expect(storedBlobs()).toEqual(before);
  });

  it('refuses more files than the category allows', async () => {
    for (let i = 0; i < 2; i++) {
      expect(
        (
          await upload(
            otherAdmin,
            'business_license',
            `执照${i}.pdf`,
            pdfBytes(`l${i}`),
            await ownAgency(otherAdmin),
          )
        ).statusCode,
      ).toBe(201);
    }
    const third = await upload(
      otherAdmin,
      'business_license',
      '执照3.pdf',
      pdfBytes('l3'),
      await ownAgency(otherAdmin),
    );
    expect(third.statusCode).toBe(400);
    expect(third.json().errors[0].message).toContain('最多上传2个文件');
  });

  it('refuses a category meant for another kind of record', async () => {
    const res = await upload(admin, 'contract', '合同.pdf', pdfBytes('c'));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('category');
  });
});

async function ownAgency(s: Session): Promise<string> {
  return (await env.app.inject({ method: 'GET', url: '/api/v1/agencies/current', headers: as(s) })).json().id;
}

describe('who may touch an agency’s files', () => {
  it('another agency can neither upload to, list nor download them', async () => {
    const saved = (await upload(admin, 'signatory_authorization', '授权书.pdf', pdfBytes('auth'))).json();
    expect((await upload(otherAdmin, 'qualification', 'x.pdf', pdfBytes('x'))).statusCode).toBe(404);
    const list = await env.app.inject({
      method: 'GET',
      url: `/api/v1/attachments?ownerType=agency&ownerId=${agencyId}`,
      headers: as(otherAdmin),
    });
    expect(list.statusCode).toBe(404);
    const dl = await env.app.inject({
      method: 'GET',
      url: `/api/v1/attachments/${saved.id}/download`,
      headers: as(otherAdmin),
    });
    expect(dl.statusCode).toBe(404);
  });

  it('a registrar reads but cannot change them', async () => {
    expect((await upload(registrar, 'qualification', 'r.pdf', pdfBytes('r'))).statusCode).toBe(403);
  });

  it('a regulator of another region cannot read them', async () => {
    const list = await env.app.inject({
      method: 'GET',
      url: `/api/v1/attachments?ownerType=agency&ownerId=${agencyId}`,
      headers: as(mianyangRegulator),
    });
    expect(list.statusCode).toBe(404);
  });

  it('without login: 401; without CSRF token: 403', async () => {
    const body = multipart('file', 'a.pdf', pdfBytes('a'));
    const anon = await env.app.inject({
      method: 'POST',
      url: `/api/v1/attachments?ownerType=agency&ownerId=${agencyId}&category=qualification`,
      headers: { 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(anon.statusCode).toBe(401);
    const noCsrf = await env.app.inject({
      method: 'POST',
      url: `/api/v1/attachments?ownerType=agency&ownerId=${agencyId}&category=qualification`,
      headers: { cookie: admin.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(noCsrf.statusCode).toBe(403);
  });
});

describe('rename and delete', () => {
  it('renames and deletes, and the audit trail records both', async () => {
    const saved = (await upload(admin, 'qualification', '旧名称.pdf', pdfBytes('rename'))).json();
    const renamed = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/attachments/${saved.id}`,
      headers: as(admin),
      payload: { fileName: '新名称.pdf' },
    });
    expect(renamed.json().fileName).toBe('新名称.pdf');
    const bad = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/attachments/${saved.id}`,
      headers: as(admin),
      payload: { fileName: 'a/b.pdf' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await env.app.inject({
          method: 'DELETE',
          url: `/api/v1/attachments/${saved.id}`,
          headers: as(registrar),
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await env.app.inject({ method: 'DELETE', url: `/api/v1/attachments/${saved.id}`, headers: as(admin) }))
        .statusCode,
    ).toBe(204);
    expect(
      (
        await env.app.inject({
          method: 'GET',
          url: `/api/v1/attachments/${saved.id}/download`,
          headers: as(admin),
        })
      ).statusCode,
    ).toBe(404);
    const audit = await env.app.inject({
      method: 'GET',
      url: `/api/v1/audit?targetId=${saved.id}`,
      headers: as(cityRegulator),
    });
    expect(audit.json().items.map((r: { action: string }) => r.action)).toEqual([
      'attachment.deleted',
      'attachment.renamed',
      'attachment.uploaded',
    ]);
    expect(audit.json().items[1]).toMatchObject({
      before: { fileName: '旧名称.pdf' },
      after: { fileName: '新名称.pdf' },
    });
  });
});
