import { z } from 'zod';
import { fieldStages } from './dicts.ts';
import { fieldTaskActions, fieldTaskStatuses } from './field-task.workflow.ts';
import { pageQuerySchema, pageSchema } from './paging.ts';
import { projectStatuses } from './project.workflow.ts';

/** The largest photo the field app may upload (a 12–50 MP JPEG stays well below). */
export const fieldPhotoMaxBytes = 30 * 1024 * 1024;
/** The size of one upload chunk the app sends; the server accepts any size up to the max. */
export const fieldUploadChunkBytes = 512 * 1024;
export const fieldUploadMaxChunkBytes = 4 * 1024 * 1024;
/** Track points per batch upload. */
export const fieldTrackBatchMax = 1000;

const isoTime = z.iso.datetime({ offset: true, error: '时间格式不正确' });

/**
 * The phone's clock at an event, and what the app knew of the server's clock: at every sync
 * it asks the server's time (`anchorServerTime`, with its own clock then, `anchorDeviceTime`)
 * and keeps the monotonic time elapsed since (`elapsedMs`, performance.now(); null after a
 * reload, when it is lost). The server trusts anchor + elapsed before the phone's clock and
 * flags a phone clock that moved differently from the elapsed time.
 */
export const deviceClockSchema = z.object({
  deviceTime: isoTime,
  anchorServerTime: isoTime.nullable(),
  anchorDeviceTime: isoTime.nullable(),
  elapsedMs: z
    .number()
    .min(0)
    .max(366 * 24 * 3600 * 1000)
    .nullable(),
});
export type DeviceClock = z.infer<typeof deviceClockSchema>;

/** The position at capture (WGS-84), or null with the reason it was unavailable. */
export const devicePositionSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** Metres, as the Geolocation API reports it. */
  accuracy: z.number().min(0).max(100_000),
});
export type DevicePosition = z.infer<typeof devicePositionSchema>;

export const fieldTaskCreateSchema = z.object({
  /** Made on the phone: the same id sent again is the same task. */
  id: z.uuid({ error: '任务编号格式不正确' }),
  projectId: z.uuid({ error: '请选择项目' }),
  itemId: z.uuid({ error: '请选择监测点位' }),
  remark: z.string().trim().max(200, '备注不能超过200个字符').optional(),
  clock: deviceClockSchema,
});
export type FieldTaskCreate = z.infer<typeof fieldTaskCreateSchema>;

export const fieldTaskActionBodySchema = z.object({
  /** Made on the phone: a retried action is applied once. */
  actionId: z.uuid(),
  action: z.enum(fieldTaskActions, { error: '操作不存在' }),
  clock: deviceClockSchema,
});
export type FieldTaskActionBody = z.infer<typeof fieldTaskActionBodySchema>;

/** Start (or resume) a chunked photo upload: the id is the photo's, made on the phone. */
export const fieldUploadCreateSchema = z.object({
  id: z.uuid(),
  size: z.number().int().min(1).max(fieldPhotoMaxBytes, '照片不能超过30MB'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '文件摘要格式不正确'),
});
export type FieldUploadCreate = z.infer<typeof fieldUploadCreateSchema>;

/** How much of an upload the server holds: the app continues from `offset`. */
export const fieldUploadStateSchema = z.object({
  id: z.string(),
  size: z.number().int(),
  offset: z.number().int(),
  isComplete: z.boolean(),
});
export type FieldUploadState = z.infer<typeof fieldUploadStateSchema>;

export const fieldPhotoCreateSchema = z.object({
  /** The photo's id made on the phone; its bytes were uploaded under the same id. */
  id: z.uuid(),
  taskId: z.uuid(),
  photoType: z.string({ error: '请选择照片类型' }).min(1, '请选择照片类型').max(60),
  remark: z.string().trim().max(200, '备注不能超过200个字符').optional(),
  clock: deviceClockSchema,
  position: devicePositionSchema.nullable(),
  /** Why there is no position (denied, timeout, unsupported), as the phone said. */
  positionError: z.string().max(200).nullable().optional(),
});
export type FieldPhotoCreate = z.infer<typeof fieldPhotoCreateSchema>;

/** Why a photo is shown to the regulator with a warning; never a reason to refuse it. */
export const fieldPhotoFlags = ['far_from_site', 'time_mismatch', 'clock_changed', 'no_position'] as const;
export type FieldPhotoFlag = (typeof fieldPhotoFlags)[number];
export const fieldPhotoFlagLabels: Record<FieldPhotoFlag, string> = {
  far_from_site: '距项目地点过远',
  time_mismatch: '照片时间与拍摄时间不符',
  clock_changed: '手机时间曾被修改',
  no_position: '拍摄时未获取定位',
};

export const fieldPhotoSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  photoType: z.string(),
  photoTypeLabel: z.string(),
  stage: z.enum(fieldStages),
  remark: z.string().nullable(),
  takenByName: z.string(),
  /** The trusted capture time (server clock), and what the phone's own clock said. */
  capturedAt: z.string(),
  deviceTime: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  accuracy: z.number().nullable(),
  /** Metres from the project site, when the position is known. */
  distanceM: z.number().nullable(),
  exifTime: z.string().nullable(),
  exifLatitude: z.number().nullable(),
  exifLongitude: z.number().nullable(),
  flags: z.array(z.enum(fieldPhotoFlags)),
  width: z.number().int(),
  height: z.number().int(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type FieldPhoto = z.infer<typeof fieldPhotoSchema>;

export const photoTypeRuleSchema = z.object({
  code: z.string(),
  label: z.string(),
  stage: z.enum(fieldStages),
  required: z.boolean(),
  hint: z.string(),
});

export const fieldTaskSummarySchema = z.object({
  id: z.string(),
  projectId: z.string(),
  itemId: z.string(),
  pointName: z.string(),
  monitoringType: z.string(),
  monitoringTypeLabel: z.string(),
  status: z.enum(fieldTaskStatuses),
  remark: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  photoCount: z.number().int(),
  flaggedPhotoCount: z.number().int(),
  trackPointCount: z.number().int(),
});
export type FieldTaskSummary = z.infer<typeof fieldTaskSummarySchema>;

/** One recorded transition, for the task's history. */
export const fieldTaskEventSchema = z.object({
  id: z.string(),
  action: z.enum(fieldTaskActions).or(z.literal('create')),
  fromStatus: z.enum(fieldTaskStatuses).nullable(),
  toStatus: z.enum(fieldTaskStatuses),
  actorName: z.string(),
  at: z.string(),
});

/** 任务详情: everything the field app and the 办理 page show about one task. */
export const fieldTaskDetailSchema = fieldTaskSummarySchema.extend({
  projectName: z.string(),
  projectNo: z.string(),
  photos: z.array(fieldPhotoSchema),
  events: z.array(fieldTaskEventSchema),
  photoTypes: z.array(photoTypeRuleSchema),
  /** For the caller: the posts they hold on the project, the buttons, the 照片类型 they may add now. */
  myPosts: z.array(z.string()),
  actions: z.array(z.enum(fieldTaskActions)),
  allowedPhotoTypes: z.array(z.string()),
});
export type FieldTaskDetail = z.infer<typeof fieldTaskDetailSchema>;

export const fieldProjectScopes = ['active', 'done'] as const;
export type FieldProjectScope = (typeof fieldProjectScopes)[number];

export const fieldProjectListQuerySchema = pageQuerySchema.extend({
  scope: z.enum(fieldProjectScopes).default('active'),
  name: z.string().trim().max(100).optional(),
});
export type FieldProjectListQuery = z.infer<typeof fieldProjectListQuerySchema>;

/** A project in 在行项目 / 完成项目数: one the person is assigned to. */
export const fieldProjectSummarySchema = z.object({
  id: z.string(),
  projectNo: z.string(),
  name: z.string(),
  status: z.enum(projectStatuses),
  monitoringType: z.string(),
  monitoringTypeLabel: z.string(),
  address: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  taskCount: z.number().int(),
  endedTaskCount: z.number().int(),
  myPosts: z.array(z.string()),
});
export type FieldProjectSummary = z.infer<typeof fieldProjectSummarySchema>;
export const fieldProjectPageSchema = pageSchema(fieldProjectSummarySchema);

export const fieldProjectDetailSchema = fieldProjectSummarySchema.extend({
  longitude: z.number(),
  latitude: z.number(),
  items: z.array(
    z.object({ id: z.string(), pointName: z.string(), medium: z.string(), factors: z.string() }),
  ),
  tasks: z.array(fieldTaskSummarySchema),
  /** 添加监测任务 is for samplers on a project still open. */
  canCreateTask: z.boolean(),
});
export type FieldProjectDetail = z.infer<typeof fieldProjectDetailSchema>;

/** 首页 counts. */
export const fieldSummarySchema = z.object({
  activeProjectCount: z.number().int(),
  doneProjectCount: z.number().int(),
});
export type FieldSummary = z.infer<typeof fieldSummarySchema>;

export const trackPointInputSchema = z.object({
  /** Made on the phone: a point sent twice is stored once. */
  id: z.uuid(),
  deviceTime: isoTime,
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(100_000),
});
export type TrackPointInput = z.infer<typeof trackPointInputSchema>;

export const trackBatchSchema = z.object({
  /** What the app knew of the server clock when sending: the batch's times are corrected by it. */
  clock: deviceClockSchema,
  points: z
    .array(trackPointInputSchema)
    .min(1, '没有航迹点')
    .max(fieldTrackBatchMax, `每批航迹点不能超过${fieldTrackBatchMax}个`),
});
export type TrackBatch = z.infer<typeof trackBatchSchema>;

export const trackBatchResultSchema = z.object({ accepted: z.number().int(), duplicates: z.number().int() });

/** 监测航迹: the points in time order, the photos on it, and the project site. */
export const fieldTrackSchema = z.object({
  taskId: z.string(),
  site: z.object({ latitude: z.number(), longitude: z.number(), address: z.string() }),
  points: z.array(
    z.object({ latitude: z.number(), longitude: z.number(), accuracy: z.number(), recordedAt: z.string() }),
  ),
  photos: z.array(
    z.object({
      id: z.string(),
      stage: z.enum(fieldStages),
      photoTypeLabel: z.string(),
      latitude: z.number(),
      longitude: z.number(),
      capturedAt: z.string(),
    }),
  ),
});
export type FieldTrack = z.infer<typeof fieldTrackSchema>;

export const serverClockSchema = z.object({ serverTime: z.string() });

/**
 * Where map tiles come from (configuration): none (the track on a plain background with a
 * scale), an XYZ URL template, or 天地图 with a key. `crs` says whether the tiles are GCJ-02,
 * in which case WGS-84 coordinates are converted before drawing.
 */
export const mapConfigSchema = z.object({
  kind: z.enum(['none', 'xyz', 'tianditu']),
  urlTemplate: z.string().nullable(),
  subdomains: z.array(z.string()),
  crs: z.enum(['wgs84', 'gcj02']),
  attribution: z.string().nullable(),
});
export type MapConfig = z.infer<typeof mapConfigSchema>;
