import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Runs the Playwright suite in Debian's Chromium against a freshly started server on its own
 * PGlite folder. Without Chromium it says so loudly; under CI=true that is a failure.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const banner = '='.repeat(72);
  console.error(
    `${banner}\n  未找到 Chromium（${chromium}）：端到端测试未运行！\n  安装：apt-get install -y chromium fonts-noto-cjk，或设置 CHROMIUM_PATH\n${banner}`,
  );
  process.exit(process.env.CI === 'true' ? 1 : 0);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'eco-e2e-'));
const here = import.meta.dirname;
const result = spawnSync(
  process.execPath,
  [
    path.join(here, '../node_modules/@playwright/test/cli.js'),
    'test',
    '-c',
    path.join(here, 'playwright.config.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium, E2E_DATA_DIR: dataDir }, cwd: here },
);
rmSync(dataDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
