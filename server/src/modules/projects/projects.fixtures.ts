import { randomUUID } from 'node:crypto';
import { randomCreditCode } from '../../../test/factories.ts';
import { as, type Session, type TestEnv } from '../../../test/harness.ts';
import { multipart, pdfBytes } from '../../../test/uploads.ts';

/** The staff ids a 监测信息 item assigns. */
export type ItemStaff = { samplerIds: string[]; courierIds: string[]; analystIds: string[] };

/** A complete 项目登记 form, as the browser sends it, with a fresh form id. */
export function projectInput(staff: ItemStaff, overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    name: '成都某化工有限公司废催化剂危险废物鉴别项目',
    monitoringType: 'hazardous_waste',
    monitoringNature: 'hazardous_waste',
    regionCode: '510104',
    address: '成都市锦江区三圣乡工业园区8号',
    longitude: 104.12,
    latitude: 30.61,
    plannedStart: '2026-03-01',
    plannedEnd: '2026-04-30',
    description: '废催化剂危险特性鉴别：采样、检测与鉴别报告编制',
    items: [
      {
        pointName: '废催化剂暂存库1号点',
        medium: '固体废物',
        factors: '浸出毒性（铜、镍、铅、镉）、腐蚀性',
        frequency: '1次',
        sampleCount: 12,
        ...staff,
      },
    ],
    entrustCategory: 'enterprise',
    client: {
      name: '成都某化工有限公司',
      creditCode: randomCreditCode('510104'),
      contact: '王建国',
      phone: '028-86651234',
      email: 'hse@example.com',
      address: '成都市锦江区三圣乡工业园区8号',
    },
    isSubcontracted: false,
    subcontractorName: null,
    contractNumber: 'HT-2026-0001',
    contractAmount: 128000,
    contractSignedOn: '2026-02-20',
    trainingDate: '2026-02-25',
    trainingContent: '采样安全与质量控制培训',
    trainingParticipants: '王强、赵磊、陈静',
    ...overrides,
  };
}

/** Small request helpers bound to one test environment. */
export function projectsApi(env: TestEnv) {
  const api = {
    create: (s: Session, body: object) =>
      env.app.inject({ method: 'POST', url: '/api/v1/projects', headers: as(s), payload: body }),
    get: (s: Session, url: string) => env.app.inject({ method: 'GET', url, headers: as(s) }),
    remove: (s: Session, id: string) =>
      env.app.inject({ method: 'DELETE', url: `/api/v1/projects/${id}`, headers: as(s) }),
    /** Uploads a file to an owner (a draft form id by default), as the 附件资料 dialog does. */
    upload: (s: Session, ownerId: string, category: string, ownerType = 'project_draft') => {
      const body = multipart('file', `${category}.pdf`, pdfBytes(`${ownerId} ${category} ${randomUUID()}`));
      return env.app.inject({
        method: 'POST',
        url: `/api/v1/attachments?ownerType=${ownerType}&ownerId=${ownerId}&category=${category}`,
        headers: { ...as(s), 'content-type': body.contentType },
        payload: body.payload,
      });
    },
    /** Uploads the contract to the form, then saves it; fails the test on anything but 201. */
    register: async (s: Session, staff: ItemStaff, overrides: Record<string, unknown> = {}) => {
      const input = projectInput(staff, overrides);
      const uploaded = await api.upload(s, input.id, 'contract');
      if (uploaded.statusCode !== 201) throw new Error(`contract upload: ${uploaded.body}`);
      const res = await api.create(s, input);
      if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
      return res.json() as { id: string; projectNo: string; name: string };
    },
  };
  return api;
}
