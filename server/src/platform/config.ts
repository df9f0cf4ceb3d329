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
  /** Text messages: which gateway sends them, and the limits on verification codes. */
  sms: {
    gateway: string;
    codeTtlMinutes: number;
    maxAttempts: number;
    resendSeconds: number;
    perNumberPerDay: number;
    ipLimitPerHour: number;
  };
  /** 监测业务公开端: pacing and limits of anonymous look-ups, and how long a 预览 grant lasts. */
  publicPortal: {
    /** Every report look-up answers no sooner than this, found or not, so timing tells nothing. */
    minResponseMs: number;
    ipLimitPerMinute: number;
    /** Misses from one address within the window after which a captcha is required. */
    captchaAfterMisses: number;
    missWindowMinutes: number;
    previewMinutes: number;
  };
  /** Field work: when a photo is flagged for the regulator (never refused). */
  field: {
    /** Metres from the project site beyond which a photo is flagged 距项目地点过远. */
    farFromSiteMeters: number;
    /** Minutes by which the EXIF time may differ from the trusted capture time. */
    exifToleranceMinutes: number;
    /** Seconds by which the phone clock may drift from the monotonic elapsed time before 手机时间曾被修改. */
    clockToleranceSeconds: number;
    /** Hours after which an unfinished chunked upload is swept. */
    uploadTtlHours: number;
  };
  /** 消息通知: minutes between runs of the 整改期限 reminder job. */
  notifications: { deadlineIntervalMinutes: number };
  /** Map tiles for 监测航迹: none (plain background), an XYZ template, or 天地图 with a key. */
  map: MapSettings;
  /** Provincial SSO (OpenID Connect); null when OIDC_ISSUER is unset. */
  sso: SsoConfig | null;
  staticDirs: { web: string; mobile: string };
};

export type MapSettings = {
  kind: 'none' | 'xyz' | 'tianditu';
  urlTemplate: string | null;
  subdomains: string[];
  crs: 'wgs84' | 'gcj02';
  attribution: string | null;
};

/** MAP_TILES=none|xyz|tianditu; xyz takes MAP_TILE_URL (and MAP_TILE_CRS=gcj02 for Chinese web tiles). */
function mapFrom(env: NodeJS.ProcessEnv): MapSettings {
  const kind = env.MAP_TILES ?? 'none';
  if (kind === 'tianditu' && env.TIANDITU_KEY) {
    return {
      kind: 'tianditu',
      urlTemplate: `https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=${env.TIANDITU_KEY}`,
      subdomains: ['0', '1', '2', '3', '4', '5', '6', '7'],
      crs: 'wgs84',
      attribution: '天地图',
    };
  }
  if (kind === 'xyz' && env.MAP_TILE_URL) {
    return {
      kind: 'xyz',
      urlTemplate: env.MAP_TILE_URL,
      subdomains: (env.MAP_TILE_SUBDOMAINS ?? 'abc').split('').filter(Boolean),
      crs: env.MAP_TILE_CRS === 'gcj02' ? 'gcj02' : 'wgs84',
      attribution: env.MAP_TILE_ATTRIBUTION ?? null,
    };
  }
  return { kind: 'none', urlTemplate: null, subdomains: [], crs: 'wgs84', attribution: null };
}

export type SsoConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scope: string;
  creditCodeClaim: string;
  idNumberClaim: string;
  /** Only for tests and local providers: allow an http:// issuer. */
  allowInsecure: boolean;
};

function ssoFrom(env: NodeJS.ProcessEnv): SsoConfig | null {
  if (!env.OIDC_ISSUER) return null;
  const missing = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'].filter((k) => !env[k]);
  if (missing.length > 0) throw new Error(`已设置 OIDC_ISSUER，但缺少 ${missing.join('、')}`);
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID ?? '',
    clientSecret: env.OIDC_CLIENT_SECRET ?? '',
    redirectUri: env.OIDC_REDIRECT_URI ?? '',
    scope: env.OIDC_SCOPE ?? 'openid profile',
    creditCodeClaim: env.OIDC_CREDIT_CODE_CLAIM ?? 'credit_code',
    idNumberClaim: env.OIDC_ID_NUMBER_CLAIM ?? 'id_number',
    allowInsecure: env.OIDC_ALLOW_INSECURE === 'true',
  };
}

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
    sms: {
      gateway: env.SMS_GATEWAY || 'outbox',
      codeTtlMinutes: intFrom(env, 'SMS_CODE_TTL_MINUTES', 5),
      maxAttempts: intFrom(env, 'SMS_CODE_MAX_ATTEMPTS', 5),
      resendSeconds: intFrom(env, 'SMS_RESEND_SECONDS', 60),
      perNumberPerDay: intFrom(env, 'SMS_NUMBER_LIMIT_PER_DAY', 10),
      ipLimitPerHour: intFrom(env, 'SMS_IP_LIMIT_PER_HOUR', 20),
    },
    publicPortal: {
      minResponseMs: intFrom(env, 'PUBLIC_MIN_RESPONSE_MS', 250),
      ipLimitPerMinute: intFrom(env, 'PUBLIC_IP_LIMIT_PER_MINUTE', 30),
      captchaAfterMisses: intFrom(env, 'PUBLIC_CAPTCHA_AFTER_MISSES', 5),
      missWindowMinutes: intFrom(env, 'PUBLIC_MISS_WINDOW_MINUTES', 15),
      previewMinutes: intFrom(env, 'PUBLIC_PREVIEW_MINUTES', 10),
    },
    field: {
      farFromSiteMeters: intFrom(env, 'FIELD_FAR_FROM_SITE_METERS', 1000),
      exifToleranceMinutes: intFrom(env, 'FIELD_EXIF_TOLERANCE_MINUTES', 10),
      clockToleranceSeconds: intFrom(env, 'FIELD_CLOCK_TOLERANCE_SECONDS', 120),
      uploadTtlHours: intFrom(env, 'FIELD_UPLOAD_TTL_HOURS', 72),
    },
    notifications: { deadlineIntervalMinutes: intFrom(env, 'NOTIFY_DEADLINE_INTERVAL_MINUTES', 10) },
    map: mapFrom(env),
    sso: ssoFrom(env),
    staticDirs: { web: path.join(repoRoot, 'web/dist'), mobile: path.join(repoRoot, 'mobile/dist') },
  };
}
