import { maskIdNumber, maskMobile } from '@eco/contracts';
import { count } from 'drizzle-orm';
import { agencies } from '../modules/agencies/agencies.tables.ts';
import { personnel } from '../modules/personnel/personnel.tables.ts';
import { users } from '../modules/users/users.tables.ts';
import { appendAudit } from '../platform/audit/audit.ts';
import { hashPassword } from '../platform/auth/password.ts';
import type { Db } from '../platform/db/client.ts';
import type { Platform } from '../platform/platform.ts';
import { creditCode, idNumber } from './demo-identities.ts';
import { seedDemoProjects } from './demo-projects.ts';
import { seedDemoViolations } from './demo-violations.ts';

export const demoPassword = 'Demo#2026';

/** The demo logins printed at start-up and listed in the README. */
export const demoAccounts = [
  { username: 'sysadmin', displayName: '系统管理员', role: 'sysadmin', note: '系统管理员' },
  { username: 'regulator', displayName: '省厅监管员', role: 'regulator', note: '监管部门（四川省）' },
  { username: 'regulator_cd', displayName: '成都市局监管员', role: 'regulator', note: '监管部门（成都市）' },
  { username: 'agency_admin', displayName: '张建国', role: 'agency_admin', note: '机构法人账号' },
  { username: 'registrar', displayName: '李晓梅', role: 'agency_registrar', note: '登记人员' },
  { username: 'sampler', displayName: '王强', role: 'field_staff', note: '采样人员（移动端 /m）' },
  { username: 'courier', displayName: '赵磊', role: 'field_staff', note: '送样人员（移动端 /m）' },
  { username: 'analyst', displayName: '陈静', role: 'field_staff', note: '实验室分析人员（移动端 /m）' },
] as const;

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

type StaffSeed = {
  name: string;
  gender: string;
  id: string;
  mobile: string;
  title: string;
  posts: string[];
  education: string;
};

/**
 * One approved hazardous-waste identification agency in 成都市 with its staff and six projects
 * across the workflow and two violations (待整改, 已整改), a second in 绵阳市 (so region scoping
 * shows), a province and a city regulator, and an administrator.
 */
export async function seedDemoData(platform: Platform): Promise<void> {
  const { db, pii } = platform;
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction(async (tx) => {
    const [agency] = await tx
      .insert(agencies)
      .values({
        name: '四川蜀环检测技术有限公司',
        creditCode: creditCode('91510104MA6C8K2D3'),
        regionCode: '510104',
        status: 'approved',
        legalRepresentative: '张建国',
        contactPerson: '李晓梅',
        contactPhone: '028-86651234',
        email: 'service@shuhuan-test.cn',
        registeredAddress: '四川省成都市锦江区东大街下东大街段199号',
        officeAddress: '四川省成都市锦江区三色路38号博瑞创意成都B座12楼',
        industryCategories: ['hazardous_waste_identification', 'environmental_monitoring'],
        cmaNumber: '202351000123',
        cmaValidFrom: '2023-03-15',
        cmaValidTo: '2029-03-14',
        qualificationScope:
          '危险废物鉴别（腐蚀性、急性毒性初筛、浸出毒性、易燃性、反应性、毒性物质含量）；水和废水；环境空气和废气；土壤',
        introduction: '专业从事危险废物鉴别与生态环境监测的第三方检测机构。',
      })
      .returning();
    const [other] = await tx
      .insert(agencies)
      .values({
        name: '绵阳市科环环境检测有限公司',
        creditCode: creditCode('91510703MA62Q4R7X'),
        regionCode: '510703',
        status: 'approved',
        legalRepresentative: '周文斌',
        contactPerson: '周文斌',
        contactPhone: '0816-2345678',
        industryCategories: ['hazardous_waste_identification'],
        cmaNumber: '202251000456',
        cmaValidTo: '2028-06-30',
      })
      .returning();
    if (!agency || !other) throw new Error('demo agencies not created');

    const staff: Record<string, StaffSeed> = {
      registrar: {
        name: '李晓梅',
        gender: '女',
        id: idNumber('510104', '19900312', '024'),
        mobile: '13880001001',
        title: '工程师',
        posts: ['registrar', 'report_writer'],
        education: 'bachelor',
      },
      sampler: {
        name: '王强',
        gender: '男',
        id: idNumber('510105', '19920718', '013'),
        mobile: '13880001002',
        title: '助理工程师',
        posts: ['sampler'],
        education: 'college',
      },
      courier: {
        name: '赵磊',
        gender: '男',
        id: idNumber('510106', '19950205', '031'),
        mobile: '13880001003',
        title: '技术员',
        posts: ['courier'],
        education: 'college',
      },
      analyst: {
        name: '陈静',
        gender: '女',
        id: idNumber('510107', '19881123', '046'),
        mobile: '13880001004',
        title: '高级工程师',
        posts: ['analyst', 'signatory'],
        education: 'master',
      },
    };
    const personnelIds: Record<string, string> = {};
    for (const [key, s] of Object.entries(staff)) {
      const [row] = await tx
        .insert(personnel)
        .values({
          agencyId: agency.id,
          name: s.name,
          gender: s.gender,
          idNumberEnc: pii.encrypt(s.id),
          idNumberHash: pii.lookupHash(s.id),
          idNumberMasked: maskIdNumber(s.id),
          mobileEnc: pii.encrypt(s.mobile),
          mobileHash: pii.lookupHash(s.mobile),
          mobileMasked: maskMobile(s.mobile),
          title: s.title,
          posts: s.posts,
          education: s.education,
          status: 'approved',
        })
        .returning({ id: personnel.id });
      if (row) personnelIds[key] = row.id;
    }

    const userIds: Record<string, string> = {};
    for (const account of demoAccounts) {
      const isAgency =
        account.role === 'agency_admin' ||
        account.role === 'agency_registrar' ||
        account.role === 'field_staff';
      const [user] = await tx
        .insert(users)
        .values({
          username: account.username,
          displayName: account.displayName,
          passwordHash,
          role: account.role,
          agencyId: isAgency ? agency.id : null,
          personnelId: personnelIds[account.username] ?? null,
          regionCode:
            account.username === 'regulator'
              ? '510000'
              : account.username === 'regulator_cd'
                ? '510100'
                : null,
          mustChangePassword: false,
          isDemo: true,
        })
        .returning({ id: users.id });
      if (user) userIds[account.username] = user.id;
    }
    const person = (username: (typeof demoAccounts)[number]['username']) => ({
      userId: userIds[username] ?? '',
      name: demoAccounts.find((a) => a.username === username)?.displayName ?? '',
    });
    const projectNumbers = await seedDemoProjects(tx, platform, {
      agencyId: agency.id,
      registrar: person('registrar'),
      cityRegulator: person('regulator_cd'),
      provinceRegulator: person('regulator'),
      staff: {
        sampler: personnelIds.sampler ?? '',
        courier: personnelIds.courier ?? '',
        analyst: personnelIds.analyst ?? '',
      },
    });
    const violationIds = await seedDemoViolations(tx, platform, {
      agencyId: agency.id,
      regulator: person('regulator'),
      registrar: person('registrar'),
    });
    await appendAudit(
      tx,
      { actor: null, meta: { ip: null, userAgent: 'seed', requestId: null }, now: platform.now },
      {
        action: 'system.demo_seeded',
        targetType: 'system',
        targetId: null,
        after: {
          agencies: [agency.name, other.name],
          accounts: demoAccounts.map((a) => a.username),
          projects: projectNumbers,
          violations: violationIds,
        },
      },
    );
  });
}
