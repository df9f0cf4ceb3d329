import path from 'node:path';

/** Everything the server reads from the environment, with its default. */
export type Config = {
  nodeEnv: string;
  isProduction: boolean;
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  logLevel: string;
  trustProxy: boolean;
  /** Seed demo data on an empty database (never in production). */
  seedDemo: boolean;
  piiKeyBase64: string | null;
  session: { idleMinutes: number; absoluteHours: number; cookieName: string };
  login: { maxFailures: number; lockMinutes: number; ipLimitPerWindow: number; ipWindowMinutes: number };
  uploads: { maxFileMb: number };
  staticDirs: { web: string; mobile: string };
};

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`环境变量 ${name} 必须是非负整数，当前为 "${raw}"`);
  return value;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const isProduction = nodeEnv === 'production';
  return {
    nodeEnv,
    isProduction,
    host: env.HOST ?? '0.0.0.0',
    port: intFrom(env, 'PORT', 3000),
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data')),
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    trustProxy: env.TRUST_PROXY === 'true',
    seedDemo: !isProduction && env.SEED_DEMO !== 'false',
    piiKeyBase64: env.PII_KEY ?? null,
    session: {
      idleMinutes: intFrom(env, 'SESSION_IDLE_MINUTES', 30),
      absoluteHours: intFrom(env, 'SESSION_ABSOLUTE_HOURS', 12),
      cookieName: 'eco_sid',
    },
    login: {
      maxFailures: intFrom(env, 'LOGIN_MAX_FAILURES', 5),
      lockMinutes: intFrom(env, 'LOGIN_LOCK_MINUTES', 30),
      ipLimitPerWindow: intFrom(env, 'LOGIN_IP_LIMIT', 30),
      ipWindowMinutes: intFrom(env, 'LOGIN_IP_WINDOW_MINUTES', 15),
    },
    uploads: { maxFileMb: intFrom(env, 'UPLOAD_MAX_MB', 100) },
    staticDirs: { web: path.join(repoRoot, 'web/dist'), mobile: path.join(repoRoot, 'mobile/dist') },
  };
}
