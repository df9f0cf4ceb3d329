import { buildApp } from './app.ts';
import { scheduleUploadSweep } from './modules/field-photos/field-uploads-sweep.ts';
import { scheduleDeadlineJob } from './modules/notifications/deadline-job.ts';
import { scheduleDraftSweep } from './modules/projects/project-drafts.ts';
import { createPlatform } from './platform/bootstrap.ts';
import { loadConfig } from './platform/config.ts';
import { ensureInitialAdmin } from './seed/admin.ts';
import { demoAccounts, demoPassword, isDatabaseEmpty, seedDemoData } from './seed/demo.ts';
import { seedReferenceData } from './seed/reference.ts';

const config = loadConfig();
const platform = await createPlatform(config);
await seedReferenceData(platform.db);

let seededDemo = false;
if (config.seedDemo && (await isDatabaseEmpty(platform.db))) {
  await seedDemoData(platform);
  seededDemo = true;
}
const adminPassword = config.seedDemo
  ? null
  : await ensureInitialAdmin(platform, process.env.ADMIN_INITIAL_PASSWORD);

const app = await buildApp(platform);
scheduleDraftSweep(platform.db, platform.now, app.log);
scheduleUploadSweep(platform.db, platform.config, platform.now, app.log);
scheduleDeadlineJob(platform.db, platform.config, platform.now, app.log);
const close = async () => {
  await app.close();
  await platform.database.close();
  process.exit(0);
};
process.once('SIGINT', close);
process.once('SIGTERM', close);

await app.listen({ host: config.host, port: config.port });
const base = `http://localhost:${config.port}`;
const lines = [
  '',
  '生态环境监测业务管理平台已启动',
  `  数据库: ${config.databaseUrl ? 'PostgreSQL' : `PGlite（${config.dataDir}/pglite）`}${seededDemo ? '，已写入演示数据' : ''}`,
  `  Web 端:   ${base}/`,
  `  移动端:   ${base}/m`,
  `  公开端:   ${base}/public`,
  `  接口文档: ${base}/api/docs`,
];
if (config.seedDemo) {
  lines.push(`  演示账号（密码均为 ${demoPassword}）:`);
  for (const a of demoAccounts) lines.push(`    ${a.username.padEnd(14)} ${a.note}`);
}
if (adminPassword) lines.push(`  初始管理员 admin 的密码: ${adminPassword}（首次登录须修改，仅显示这一次）`);
console.log(lines.join('\n'));
