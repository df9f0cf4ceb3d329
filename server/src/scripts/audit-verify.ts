import { verifyAuditChain } from '../platform/audit/audit.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/client.ts';

/** `npm run audit:verify`: checks the whole hash chain; exit code 1 names the first broken record. */
const config = loadConfig();
const database = await openDatabase(config);
const result = await verifyAuditChain(database.db);
await database.close();
if (result.ok) {
  console.log(`审计链校验通过：共 ${result.count} 条记录`);
} else {
  console.error(
    `审计链校验失败：第一条异常记录 id=${result.brokenId}（${result.reason}）；此前 ${result.count} 条记录完好`,
  );
  process.exitCode = 1;
}
