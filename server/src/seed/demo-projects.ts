import { Readable } from 'node:stream';
import type { ProjectStatus } from '@eco/contracts';
import { nextProjectNo, projectYear } from '../modules/projects/project-numbers.ts';
import {
  projectAssignments,
  projectItems,
  projectReports,
  projects,
} from '../modules/projects/projects.tables.ts';
import { reviewRecords } from '../modules/reviews/reviews.tables.ts';
import type { Db } from '../platform/db/client.ts';
import { attachments } from '../platform/files/files.tables.ts';
import type { Platform } from '../platform/platform.ts';
import { creditCode } from './demo-identities.ts';

const dayMs = 24 * 60 * 60 * 1000;

type Person = { userId: string; name: string };

export type DemoProjectsInput = {
  agencyId: string;
  registrar: Person;
  cityRegulator: Person;
  provinceRegulator: Person;
  staff: { sampler: string; courier: string; analyst: string };
};

type DemoProject = {
  name: string;
  regionCode: string;
  address: string;
  longitude: number;
  latitude: number;
  client: { name: string; creditCode17: string; contact: string; phone: string; email: string };
  waste: string;
  amount: number;
  status: ProjectStatus;
  createdDaysAgo: number;
  submittedDaysAgo?: number;
  reviewedDaysAgo?: number;
  returnReason?: string;
};

/** Six hazardous-waste identification jobs of 四川蜀环检测技术有限公司, one per step of the workflow. */
const demoProjects: DemoProject[] = [
  {
    name: '成都某化工有限公司废催化剂危险废物鉴别项目',
    regionCode: '510113',
    address: '四川省成都市青白江区大同街道化工大道88号',
    longitude: 104.2512,
    latitude: 30.8786,
    client: {
      name: '成都某化工有限公司',
      creditCode17: '91510113MA61W3KX8',
      contact: '刘志远',
      phone: '028-83661234',
      email: 'hse@cd-chem-demo.cn',
    },
    waste: '废催化剂',
    amount: 168000,
    status: 'in_progress',
    createdDaysAgo: 2,
  },
  {
    name: '成都某汽车零部件有限公司电镀污泥危险废物鉴别项目',
    regionCode: '510112',
    address: '四川省成都市龙泉驿区经开区南四路216号',
    longitude: 104.2245,
    latitude: 30.5632,
    client: {
      name: '成都某汽车零部件有限公司',
      creditCode17: '91510112MA62D7LH4',
      contact: '何晓燕',
      phone: '13980012345',
      email: 'env@auto-parts-demo.cn',
    },
    waste: '电镀污泥',
    amount: 126000,
    status: 'in_progress',
    createdDaysAgo: 5,
  },
  {
    name: '成都某制药有限公司废活性炭危险废物鉴别项目',
    regionCode: '510116',
    address: '四川省成都市双流区西航港街道医药园路19号',
    longitude: 103.9427,
    latitude: 30.5238,
    client: {
      name: '成都某制药有限公司',
      creditCode17: '91510116MA68N2PC1',
      contact: '唐文杰',
      phone: '028-85761234',
      email: 'ehs@pharma-demo.cn',
    },
    waste: '废活性炭',
    amount: 98000,
    status: 'in_progress',
    createdDaysAgo: 9,
  },
  {
    name: '成都某电子科技有限公司含铜蚀刻污泥危险废物鉴别项目',
    regionCode: '510114',
    address: '四川省成都市新都区电子信息产业园兴业路66号',
    longitude: 104.1587,
    latitude: 30.8239,
    client: {
      name: '成都某电子科技有限公司',
      creditCode17: '91510114MA6DG9TJ5',
      contact: '杨帆',
      phone: '028-83961234',
      email: 'safety@pcb-demo.cn',
    },
    waste: '含铜蚀刻污泥',
    amount: 145000,
    status: 'submitted',
    createdDaysAgo: 20,
    submittedDaysAgo: 3,
  },
  {
    name: '德阳某机械制造有限公司废切削液危险废物鉴别项目',
    regionCode: '510681',
    address: '四川省德阳市广汉市经济开发区湘潭路12号',
    longitude: 104.2819,
    latitude: 30.9768,
    client: {
      name: '德阳某机械制造有限公司',
      creditCode17: '91510681MA6280RF3',
      contact: '罗建华',
      phone: '0838-5221234',
      email: 'hse@machinery-demo.cn',
    },
    waste: '废切削液',
    amount: 112000,
    status: 'returned',
    createdDaysAgo: 30,
    submittedDaysAgo: 12,
    reviewedDaysAgo: 8,
    returnReason: '危废鉴别报告中浸出毒性的采样点位与鉴别方案不一致，请核实采样点位并补充说明后重新提交。',
  },
  {
    name: '成都某环保科技有限公司焚烧飞灰危险废物鉴别项目',
    regionCode: '510121',
    address: '四川省成都市金堂县淮口街道环保产业园1号',
    longitude: 104.5512,
    latitude: 30.7623,
    client: {
      name: '成都某环保科技有限公司',
      creditCode17: '91510121MA6B4E7Y2',
      contact: '邓丽',
      phone: '028-84981234',
      email: 'info@eco-tech-demo.cn',
    },
    waste: '焚烧飞灰',
    amount: 236000,
    status: 'approved',
    createdDaysAgo: 45,
    submittedDaysAgo: 25,
    reviewedDaysAgo: 18,
  },
];

/** A small valid one-page PDF (ASCII text: the standard fonts have no Chinese glyphs). */
export function demoPdf(lines: string[]): Buffer {
  const text = lines
    .map((line, i) => `BT /F1 12 Tf 72 ${740 - i * 20} Td (${line.replace(/[()\\]/g, '')}) Tj ET`)
    .join('\n');
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>',
    `<</Length ${Buffer.byteLength(text)}>>stream\n${text}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body);
}

async function storePdf(platform: Platform, bytes: Buffer) {
  const staged = await platform.files.stage(Readable.from([bytes]), { maxBytes: bytes.length });
  await staged.commit();
  return { sha256: staged.sha256, size: staged.size, mimeType: 'application/pdf' };
}

/**
 * The demo agency's projects, with items assigned to the demo sampler, courier and analyst, a
 * contract each, and for those past 未完成 the two reports (numbered SHJC-2026-0001 …) and the
 * review history. Returns the project numbers.
 */
export async function seedDemoProjects(
  tx: Db,
  platform: Platform,
  input: DemoProjectsInput,
): Promise<string[]> {
  const now = platform.now();
  const ago = (days: number) => new Date(now.getTime() - days * dayMs);
  const numbers: string[] = [];
  let reportSeq = 0;
  for (const [index, demo] of demoProjects.entries()) {
    const createdAt = ago(demo.createdDaysAgo);
    const submittedAt = demo.submittedDaysAgo === undefined ? null : ago(demo.submittedDaysAgo);
    const reviewedAt = demo.reviewedDaysAgo === undefined ? null : ago(demo.reviewedDaysAgo);
    const projectNo = await nextProjectNo(tx, demo.regionCode, projectYear(createdAt));
    const contractNumber = `SHJC-HT-${projectYear(createdAt)}-${String(index + 1).padStart(3, '0')}`;
    const [project] = await tx
      .insert(projects)
      .values({
        id: crypto.randomUUID(),
        agencyId: input.agencyId,
        projectNo,
        name: demo.name,
        monitoringType: 'hazardous_waste',
        monitoringNature: 'hazardous_waste',
        regionCode: demo.regionCode,
        address: demo.address,
        longitude: demo.longitude,
        latitude: demo.latitude,
        plannedStart: ago(demo.createdDaysAgo - 3)
          .toISOString()
          .slice(0, 10),
        plannedEnd: ago(demo.createdDaysAgo - 60)
          .toISOString()
          .slice(0, 10),
        description: `对${demo.client.name}产生的${demo.waste}开展危险特性鉴别：现场采样、腐蚀性与浸出毒性检测、毒性物质含量分析，编制鉴别方案与鉴别报告。`,
        entrustCategory: 'enterprise',
        clientName: demo.client.name,
        clientCreditCode: creditCode(demo.client.creditCode17),
        clientContact: demo.client.contact,
        clientPhone: demo.client.phone,
        clientEmail: demo.client.email,
        clientAddress: demo.address,
        isSubcontracted: false,
        contractNumber,
        contractAmount: demo.amount,
        contractSignedOn: ago(demo.createdDaysAgo + 5)
          .toISOString()
          .slice(0, 10),
        trainingDate: ago(demo.createdDaysAgo + 1)
          .toISOString()
          .slice(0, 10),
        trainingContent: '危险废物采样安全防护、样品保存与运输、质量控制要求培训',
        trainingParticipants: '王强、赵磊、陈静',
        status: demo.status,
        returnReason: demo.returnReason ?? null,
        submittedAt,
        reviewedAt,
        createdBy: input.registrar.userId,
        createdAt,
        updatedAt: reviewedAt ?? submittedAt ?? createdAt,
      })
      .returning();
    if (!project) throw new Error('demo project not created');
    numbers.push(projectNo);

    const items = await tx
      .insert(projectItems)
      .values([
        {
          projectId: project.id,
          position: 0,
          pointName: `${demo.waste}暂存库1号采样点`,
          medium: '固体废物',
          factors: '腐蚀性（pH）、浸出毒性（铜、锌、镍、铅、镉、铬、砷、汞）',
          frequency: '1次',
          sampleCount: 12,
        },
        {
          projectId: project.id,
          position: 1,
          pointName: `${demo.waste}产生工段2号采样点`,
          medium: '固体废物',
          factors: '毒性物质含量、易燃性、反应性',
          frequency: '1次',
          sampleCount: 8,
        },
      ])
      .returning({ id: projectItems.id });
    await tx.insert(projectAssignments).values(
      items.flatMap((item) => [
        { itemId: item.id, projectId: project.id, personnelId: input.staff.sampler, post: 'sampler' },
        { itemId: item.id, projectId: project.id, personnelId: input.staff.courier, post: 'courier' },
        { itemId: item.id, projectId: project.id, personnelId: input.staff.analyst, post: 'analyst' },
      ]),
    );

    const contract = await storePdf(
      platform,
      demoPdf(['Entrustment contract (demo)', contractNumber, projectNo]),
    );
    await tx.insert(attachments).values({
      ownerType: 'project',
      ownerId: project.id,
      agencyId: input.agencyId,
      category: 'contract',
      fileName: `委托合同-${contractNumber}.pdf`,
      ...contract,
      uploadedBy: input.registrar.userId,
      uploadedAt: createdAt,
    });
    if (!submittedAt) continue;

    for (const [category, label] of [
      ['identification_plan', '危废鉴别方案'],
      ['identification_report', '危废鉴别报告'],
    ] as const) {
      reportSeq += 1;
      const reportNumber = `SHJC-2026-${String(reportSeq).padStart(4, '0')}`;
      const file = await storePdf(
        platform,
        demoPdf([
          `Hazardous waste identification ${category.replace('identification_', '')} (demo)`,
          reportNumber,
        ]),
      );
      const [attachment] = await tx
        .insert(attachments)
        .values({
          ownerType: 'report',
          ownerId: project.id,
          agencyId: input.agencyId,
          category,
          fileName: `${label}-${reportNumber}.pdf`,
          ...file,
          uploadedBy: input.registrar.userId,
          uploadedAt: new Date(submittedAt.getTime() - dayMs),
        })
        .returning({ id: attachments.id });
      if (!attachment) throw new Error('demo report file not created');
      await tx.insert(projectReports).values({
        projectId: project.id,
        agencyId: input.agencyId,
        category,
        reportNumber,
        attachmentId: attachment.id,
        createdAt: new Date(submittedAt.getTime() - dayMs),
      });
    }

    const history: Array<typeof reviewRecords.$inferInsert> = [
      {
        targetType: 'project',
        targetId: project.id,
        agencyId: input.agencyId,
        action: 'submitted',
        actorId: input.registrar.userId,
        actorName: input.registrar.name,
        at: submittedAt,
      },
    ];
    if (reviewedAt && demo.status !== 'submitted') {
      const reviewer = demo.regionCode.startsWith('5101') ? input.cityRegulator : input.provinceRegulator;
      history.push({
        targetType: 'project',
        targetId: project.id,
        agencyId: input.agencyId,
        action: demo.status === 'returned' ? 'returned' : 'approved',
        reason: demo.returnReason ?? null,
        actorId: reviewer.userId,
        actorName: reviewer.name,
        at: reviewedAt,
      });
    }
    await tx.insert(reviewRecords).values(history);
  }
  return numbers;
}
