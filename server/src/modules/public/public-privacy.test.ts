import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser, randomIdNumber } from '../../../test/factories.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { latestCode, randomMobile } from '../../../test/sms.ts';
import { buildStaffRecord } from '../../../test/staff.ts';
import { type PublishedReport, publishReport } from './public.fixtures.ts';

let env: TestEnv;
let agencyId: string;
let report: PublishedReport;
const staffIdNumber = randomIdNumber('510104', '19850612');

beforeAll(async () => {
  env = await createTestEnv({ PUBLIC_MIN_RESPONSE_MS: '0' });
  agencyId = (
    await buildAgency(env.platform, {
      name: '四川隐私检测有限公司',
      legalRepresentative: '张法人',
      contactPerson: '李联系',
      contactPhone: '13800138000',
      email: 'privacy@example.com',
      officeAddress: '成都市锦江区东大街1号',
      cmaNumber: '192312050999',
    })
  ).id;
  const userId = (await buildUser(env.platform, { role: 'agency_admin', agencyId })).id;
  await buildStaffRecord(env.platform, { agencyId, idNumber: staffIdNumber, name: '赵采样' });
  // The project factory fills the client with a contact (王建国) and phone (13800138000).
  report = await publishReport(env, { agencyId, userId, status: 'approved' });
});
afterAll(() => env.close());

const personalKey = /id.?number|mobile|phone|contact|legal|e.?mail|client/i;
const idNumberValue = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
const mobileValue = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;
/** Not data: a hash of file bytes and the captcha drawing. */
const exempt = new Set(['sha256', 'svg']);

/** Every key and string value in a JSON document, with its path. */
function walk(value: unknown, path: string, visit: (path: string, key: string, value: unknown) => void) {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`, visit);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      visit(`${path}.${key}`, key, v);
      walk(v, `${path}.${key}`, visit);
    }
  }
}

function personalDataIn(body: unknown): string[] {
  const found: string[] = [];
  walk(body, '$', (path, key, value) => {
    if (personalKey.test(key)) found.push(`key ${path}`);
    if (
      typeof value === 'string' &&
      !exempt.has(key) &&
      (idNumberValue.test(value) || mobileValue.test(value))
    )
      found.push(`value ${path}: ${value}`);
  });
  return found;
}

let ipSeq = 0;
const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
  env.app.inject({ method, url, payload, remoteAddress: `10.80.0.${++ipSeq}` });

describe('no public response carries personal data', () => {
  it('walks every public answer: no personal keys, no ID numbers or mobiles, no names of people', async () => {
    const mobile = randomMobile();
    const sent = await send('POST', '/api/v1/public/reports/preview-code', {
      reportNumber: report.reportNumber,
      mobile,
    });
    expect(sent.statusCode).toBe(204);
    const answers = [
      await send('GET', `/api/v1/public/reports?reportNumber=${report.reportNumber}`),
      await send('GET', '/api/v1/public/reports?reportNumber=SCHJ-NONE-0001'),
      await send('GET', `/api/v1/public/verify/${report.reportId}`),
      await send('GET', `/api/v1/public/verify?sha256=${report.sha256}`),
      await send('GET', '/api/v1/public/captcha'),
      await send('POST', '/api/v1/public/reports/preview', {
        reportNumber: report.reportNumber,
        mobile,
        code: await latestCode(env.app, mobile),
      }),
      await send('GET', '/api/v1/public/agencies'),
      await send('GET', `/api/v1/public/agencies?name=${encodeURIComponent('隐私')}`),
      await send('GET', `/api/v1/public/agencies/${agencyId}`),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 404, 200, 200, 200, 200, 200, 200, 200]);
    expect(answers[5]?.json().watermark).toMatch(/^1\d{2}\*{4}\d{4} \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    for (const answer of answers) {
      const url = answer.raw.req.url;
      expect(personalDataIn(answer.json()), url).toEqual([]);
      for (const secret of [mobile, staffIdNumber, '13800138000', '张法人', '李联系', '赵采样', '王建国']) {
        expect(answer.body, `${url} contains ${secret}`).not.toContain(secret);
      }
    }
  });

  it('the walk itself catches what it must', () => {
    expect(personalDataIn({ a: { contactPhone: 'x' } })).toEqual(['key $.a.contactPhone']);
    expect(personalDataIn({ items: [{ note: '电话13912345678' }] })).toHaveLength(1);
    expect(personalDataIn({ note: staffIdNumber })).toHaveLength(1);
    expect(personalDataIn({ watermark: '139****5678 2026-03-01 10:05' })).toEqual([]);
  });
});
