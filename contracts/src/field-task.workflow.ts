import { type FieldStage, fieldStages } from './dicts.ts';
import { type AssignmentPost, assignmentPosts } from './project.workflow.ts';

/** created 未开始 · running 进行中 · paused 已暂停 · stored 已暂存 · ended 已结束. */
export const fieldTaskStatuses = ['created', 'running', 'paused', 'stored', 'ended'] as const;
export type FieldTaskStatus = (typeof fieldTaskStatuses)[number];

export const fieldTaskStatusLabels: Record<FieldTaskStatus, string> = {
  created: '未开始',
  running: '进行中',
  paused: '已暂停',
  stored: '已暂存',
  ended: '已结束',
};

/** One field-task transition. Every field account has the role field_staff: the posts decide. */
export type FieldTaskTransition = {
  readonly from: readonly FieldTaskStatus[];
  readonly to: FieldTaskStatus;
  /** The project posts (采样 / 送样 / 实验室分析) of which the person must hold at least one. */
  readonly posts: readonly AssignmentPost[];
  readonly label: string;
  /** 结束 needs every required photo type of every stage (the lab photos last). */
  readonly needsAllRequiredPhotos?: boolean;
};

/**
 * A 监测任务's life, as the manual tells it: the sampler creates and 开始; anyone on the task
 * 暂停 / 继续; 结束 offers 暂存 (anyone) or 结束 (only a 实验室分析人员, after the lab photos).
 * A stored task is picked up again with 继续 by the next person (送样, then 实验室分析).
 */
export const fieldTaskWorkflow = {
  start: { from: ['created'], to: 'running', posts: ['sampler'], label: '开始' },
  pause: { from: ['running'], to: 'paused', posts: assignmentPosts, label: '暂停' },
  resume: { from: ['paused', 'stored'], to: 'running', posts: assignmentPosts, label: '继续' },
  store: { from: ['running', 'paused'], to: 'stored', posts: assignmentPosts, label: '暂存' },
  end: {
    from: ['running', 'paused'],
    to: 'ended',
    posts: ['analyst'],
    label: '结束',
    needsAllRequiredPhotos: true,
  },
} as const satisfies Readonly<Record<string, FieldTaskTransition>>;
export type FieldTaskAction = keyof typeof fieldTaskWorkflow;
export const fieldTaskActions = Object.keys(fieldTaskWorkflow) as FieldTaskAction[];

/** Whether a person holding `posts` on the project may take `action` on a task in `status`. */
export function canTakeFieldTaskAction(
  action: FieldTaskAction,
  status: FieldTaskStatus,
  posts: readonly string[],
): boolean {
  const transition: FieldTaskTransition = fieldTaskWorkflow[action];
  return transition.from.includes(status) && transition.posts.some((p) => posts.includes(p));
}

/** The actions (buttons) for that person in that status, in table order. */
export function availableFieldTaskActions(
  status: FieldTaskStatus,
  posts: readonly string[],
): FieldTaskAction[] {
  return fieldTaskActions.filter((action) => canTakeFieldTaskAction(action, status, posts));
}

/** Who records each stage: 采样 photos by samplers, 送样 by couriers, 实验室分析 by analysts. */
export const stagePosts: Record<FieldStage, AssignmentPost> = {
  sampling: 'sampler',
  delivery: 'courier',
  lab: 'analyst',
};

/** A 照片类型 as the rules need it (from the dictionary: code, label, extra.stage/required/hint). */
export type PhotoTypeRule = {
  code: string;
  label: string;
  stage: FieldStage;
  required: boolean;
  hint: string;
};

/** The required photo types of `stage` not yet taken. */
export function missingRequiredPhotos(
  types: readonly PhotoTypeRule[],
  takenCodes: readonly string[],
  stage: FieldStage,
): PhotoTypeRule[] {
  return types.filter((t) => t.stage === stage && t.required && !takenCodes.includes(t.code));
}

/**
 * Why a photo of `typeCode` may not be added now, or null when it may: the task must be
 * running, the person must hold the stage's post, and every earlier stage must have its
 * required photos (采样作业照片 and 采样点现场照片 before 送样照片, 送样照片 before lab photos).
 */
export function photoRefusal(input: {
  types: readonly PhotoTypeRule[];
  takenCodes: readonly string[];
  typeCode: string;
  status: FieldTaskStatus;
  posts: readonly string[];
}): string | null {
  const type = input.types.find((t) => t.code === input.typeCode);
  if (!type) return '照片类型不存在或已停用';
  if (input.status !== 'running') return '任务未在进行中，请先点击开始或继续';
  const post = stagePosts[type.stage];
  if (!input.posts.includes(post)) return `只有${postLabel(post)}可以上传${type.label}`;
  for (const earlier of fieldStages.slice(0, fieldStages.indexOf(type.stage))) {
    const missing = missingRequiredPhotos(input.types, input.takenCodes, earlier);
    if (missing.length > 0) return `请先上传${missing.map((m) => m.label).join('、')}`;
  }
  return null;
}

/** Why the task may not 结束 yet, or null: every required photo type of every stage is needed. */
export function endRefusal(types: readonly PhotoTypeRule[], takenCodes: readonly string[]): string | null {
  for (const stage of fieldStages) {
    const missing = missingRequiredPhotos(types, takenCodes, stage);
    if (missing.length > 0)
      return `实验室分析完成后才能结束任务，尚缺：${missing.map((m) => m.label).join('、')}`;
  }
  return null;
}

/** The photo types this person may add now, for the 照片类型 picker. */
export function allowedPhotoTypes(input: {
  types: readonly PhotoTypeRule[];
  takenCodes: readonly string[];
  status: FieldTaskStatus;
  posts: readonly string[];
}): PhotoTypeRule[] {
  return input.types.filter((t) => photoRefusal({ ...input, typeCode: t.code }) === null);
}

function postLabel(post: AssignmentPost): string {
  switch (post) {
    case 'sampler':
      return '采样人员';
    case 'courier':
      return '送样人员';
    case 'analyst':
      return '实验室分析人员';
  }
}
