import {
  type AssignmentPost,
  allowedPhotoTypes,
  availableFieldTaskActions,
  type FieldPhoto,
  type FieldPhotoFlag,
  type FieldStage,
  type FieldTaskAction,
  type FieldTaskDetail,
  type FieldTaskStatus,
  type FieldTaskSummary,
  fieldPhotoFlags,
  type PhotoTypeRule,
} from '@eco/contracts';
import type { Db } from '../../platform/db/client.ts';
import { findDictItem, listDictItems } from '../dicts/dicts.queries.ts';
import type { fieldPhotos } from '../field-photos/field-photos.tables.ts';
import { type FieldProjectRef, type FieldTaskAccess, loadPhotoTypeRules } from './field-access.ts';
import {
  type FieldTaskListRow,
  listFieldTaskRows,
  listTaskEvents,
  listTaskPhotos,
  type TaskEventRow,
} from './field-tasks.queries.ts';

type FieldPhotoRow = typeof fieldPhotos.$inferSelect;
type MonitoringType = { code: string; label: string };

function isFieldPhotoFlag(flag: string): flag is FieldPhotoFlag {
  return (fieldPhotoFlags as readonly string[]).includes(flag);
}

/** 照片类型 labels by code, disabled types included: a photo keeps its type's name. */
export async function loadPhotoTypeLabels(db: Db): Promise<Map<string, string>> {
  const rows = await listDictItems(db, 'photo_type');
  return new Map(rows.map((r) => [r.code, r.label]));
}

/** The 监测类型 code with its dictionary label (the code itself when the entry is gone). */
export async function loadMonitoringType(db: Db, code: string): Promise<MonitoringType> {
  const row = await findDictItem(db, 'monitoring_type', code);
  return { code, label: row?.label ?? code };
}

/** A field_photos row as the apps show it. */
export function toFieldPhoto(
  row: FieldPhotoRow,
  takenByName: string,
  labels: Map<string, string>,
): FieldPhoto {
  return {
    id: row.id,
    taskId: row.taskId,
    photoType: row.photoType,
    photoTypeLabel: labels.get(row.photoType) ?? row.photoType,
    stage: row.stage as FieldStage,
    remark: row.remark,
    takenByName,
    capturedAt: row.capturedAt.toISOString(),
    deviceTime: row.deviceTime.toISOString(),
    latitude: row.latitude,
    longitude: row.longitude,
    accuracy: row.accuracy,
    distanceM: row.distanceM,
    exifTime: row.exifTime?.toISOString() ?? null,
    exifLatitude: row.exifLatitude,
    exifLongitude: row.exifLongitude,
    flags: row.flags.filter(isFieldPhotoFlag),
    width: row.width,
    height: row.height,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toFieldTaskSummary(row: FieldTaskListRow, monitoringType: MonitoringType): FieldTaskSummary {
  const { task } = row;
  return {
    id: task.id,
    projectId: task.projectId,
    itemId: task.itemId,
    pointName: row.pointName,
    monitoringType: monitoringType.code,
    monitoringTypeLabel: monitoringType.label,
    status: task.status as FieldTaskStatus,
    remark: task.remark,
    createdByName: row.createdByName,
    createdAt: task.createdAt.toISOString(),
    startedAt: task.startedAt?.toISOString() ?? null,
    endedAt: task.endedAt?.toISOString() ?? null,
    photoCount: row.photoCount,
    flaggedPhotoCount: row.flaggedPhotoCount,
    trackPointCount: row.trackPointCount,
  };
}

function toFieldTaskEvent(row: TaskEventRow): FieldTaskDetail['events'][number] {
  const { event } = row;
  return {
    id: event.id,
    action: event.action as FieldTaskAction | 'create',
    fromStatus: event.fromStatus as FieldTaskStatus | null,
    toStatus: event.toStatus as FieldTaskStatus,
    actorName: row.actorName,
    at: event.at.toISOString(),
  };
}

/** What the caller may do next: nothing on a project closed to field work, else the tables' answer. */
function callerControls(
  project: FieldProjectRef,
  status: FieldTaskStatus,
  posts: readonly AssignmentPost[],
  types: readonly PhotoTypeRule[],
  takenCodes: readonly string[],
): Pick<FieldTaskDetail, 'actions' | 'allowedPhotoTypes'> {
  const isOpen = project.status === 'in_progress' || project.status === 'returned';
  if (!isOpen || posts.length === 0) return { actions: [], allowedPhotoTypes: [] };
  return {
    actions: availableFieldTaskActions(status, posts),
    allowedPhotoTypes: allowedPhotoTypes({ types, takenCodes, status, posts }).map((t) => t.code),
  };
}

/**
 * 任务详情 for tasks of one project, as seen by a caller holding `posts` there (none for the
 * agency and the regulator): photos, events and rules are read once for all the tasks.
 */
export async function buildFieldTaskDetails(
  db: Db,
  project: FieldProjectRef,
  rows: FieldTaskListRow[],
  posts: readonly AssignmentPost[],
): Promise<FieldTaskDetail[]> {
  const taskIds = rows.map((r) => r.task.id);
  const [photos, events, types, labels, monitoringType] = await Promise.all([
    listTaskPhotos(db, taskIds),
    listTaskEvents(db, taskIds),
    loadPhotoTypeRules(db),
    loadPhotoTypeLabels(db),
    loadMonitoringType(db, project.monitoringType),
  ]);
  return rows.map((row) => {
    const summary = toFieldTaskSummary(row, monitoringType);
    const taskPhotos = photos.filter((p) => p.photo.taskId === row.task.id);
    const takenCodes = [...new Set(taskPhotos.map((p) => p.photo.photoType))];
    return {
      ...summary,
      projectName: project.name,
      projectNo: project.projectNo,
      photos: taskPhotos.map((p) => toFieldPhoto(p.photo, p.takenByName, labels)),
      events: events.filter((e) => e.event.taskId === row.task.id).map(toFieldTaskEvent),
      photoTypes: types,
      myPosts: [...posts],
      ...callerControls(project, summary.status, posts, types, takenCodes),
    };
  });
}

/** One task's detail for the caller who loaded it (field staff with their posts, viewers without). */
export async function getFieldTaskDetail(db: Db, access: FieldTaskAccess): Promise<FieldTaskDetail> {
  const rows = await listFieldTaskRows(db, { taskIds: [access.task.id] });
  const [detail] = await buildFieldTaskDetails(db, access.project, rows, access.posts);
  if (!detail) throw new Error(`field task ${access.task.id} vanished`);
  return detail;
}

/** The task list of a project (newest first), without photos and history. */
export async function listFieldTaskSummaries(db: Db, project: FieldProjectRef): Promise<FieldTaskSummary[]> {
  const [rows, monitoringType] = await Promise.all([
    listFieldTaskRows(db, { projectId: project.id }),
    loadMonitoringType(db, project.monitoringType),
  ]);
  return rows.map((row) => toFieldTaskSummary(row, monitoringType));
}
