import type { FieldProjectDetail } from '@eco/contracts';
import { newId } from '../../app/ids.ts';
import { readClock } from '../sync/clock.ts';
import { readMeta, writeTaskSnapshot } from '../sync/db.ts';
import { addToQueue } from '../sync/engine.ts';

type ProjectItem = FieldProjectDetail['items'][number];

/**
 * 添加监测任务 on the phone: the task gets its id here, is kept on the phone (so that it can be
 * opened, started and photographed offline) and goes to the server through the queue.
 */
export async function createTaskOnPhone(input: {
  project: FieldProjectDetail;
  item: ProjectItem;
  remark: string;
  userId: string;
}): Promise<string> {
  const clock = readClock();
  const id = newId();
  const { project, item } = input;
  const remark = input.remark.trim();
  await writeTaskSnapshot({
    id,
    projectId: project.id,
    projectName: project.name,
    projectNo: project.projectNo,
    itemId: item.id,
    pointName: item.pointName,
    monitoringType: project.monitoringType,
    monitoringTypeLabel: project.monitoringTypeLabel,
    status: 'created',
    remark: remark || null,
    createdAt: clock.deviceTime,
    startedAt: null,
    endedAt: null,
    trackPointCount: 0,
    photos: [],
    photoTypes: (await readMeta('photoTypes')) ?? [],
    myPosts: project.myPosts,
    serverActions: null,
    serverAllowedPhotoTypes: null,
  });
  await addToQueue({
    kind: 'task',
    id,
    taskId: id,
    userId: input.userId,
    title: '添加监测任务',
    subject: `${project.name} · ${item.pointName}`,
    payload: { id, projectId: project.id, itemId: item.id, ...(remark ? { remark } : {}), clock },
  });
  return id;
}
