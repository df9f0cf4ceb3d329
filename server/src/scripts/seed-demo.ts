import { createPlatform } from '../platform/bootstrap.ts';
import { loadConfig } from '../platform/config.ts';
import { isDatabaseEmpty, seedDemoData } from '../seed/demo.ts';
import { seedReferenceData } from '../seed/reference.ts';

const config = loadConfig();
if (config.isProduction) {
  console.error('NODE_ENV=production 时不写入演示数据');
  process.exit(1);
}
const platform = await createPlatform(config);
await seedReferenceData(platform.db);
if (await isDatabaseEmpty(platform.db)) {
  await seedDemoData(platform);
  console.log('已写入演示数据');
} else {
  console.log('数据库已有数据，未写入演示数据（演示数据只写入空数据库）');
}
await platform.database.close();
