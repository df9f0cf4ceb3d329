import {
  type AssignmentPost,
  agencyStatuses,
  agencyStatusLabels,
  agencyWorkflow,
  assignmentPostLabels,
  type FieldTaskTransition,
  fieldStages,
  fieldTaskStatuses,
  fieldTaskStatusLabels,
  fieldTaskWorkflow,
  personnelStatuses,
  personnelStatusLabels,
  personnelWorkflow,
  projectRegistrarRoles,
  projectStatuses,
  projectStatusLabels,
  projectWorkflow,
  type Role,
  roleLabels,
  stagePosts,
  type Transition,
  violationStatuses,
  violationStatusLabels,
  violationWorkflow,
} from '@eco/contracts';
import type { DiagramTransition } from './layout.ts';

export const reasonNote = '（需填写原因）';
export const allPhotosNote = '（必拍照片齐全）';

/** 机构法人、登记人员: role labels in the order given, each once. */
export function rolesText(roles: readonly Role[]): string {
  return [...new Set(roles)].map((r) => roleLabels[r]).join('、');
}

/** 采样、送样、实验室分析人员: post labels sharing their 人员 suffix once. */
export function postsText(posts: readonly AssignmentPost[]): string {
  const labels = [...new Set(posts)].map((p) => assignmentPostLabels[p]);
  if (labels.length > 1 && labels.every((l) => l.endsWith('人员'))) {
    return `${labels.map((l) => l.slice(0, -2)).join('、')}人员`;
  }
  return labels.join('、');
}

/** Every role a role-based table names, in table order. */
export function rolesOf(workflow: Readonly<Record<string, Transition<string>>>): Role[] {
  return [...new Set(Object.values(workflow).flatMap((t) => t.by))];
}

/** A role-based workflow table as diagram transitions (who = role labels). */
export function roleTransitions<S extends string>(
  workflow: Readonly<Record<string, Transition<S>>>,
): DiagramTransition<S>[] {
  return Object.entries(workflow).map(([action, t]) => ({
    action,
    from: t.from,
    to: t.to,
    label: t.label,
    who: rolesText(t.by),
    note: t.needsReason ? reasonNote : undefined,
  }));
}

/** The field-task table as diagram transitions (who = post labels). */
export function fieldTaskTransitions(): DiagramTransition<(typeof fieldTaskStatuses)[number]>[] {
  return Object.entries(fieldTaskWorkflow).map(([action, t]: [string, FieldTaskTransition]) => ({
    action,
    from: t.from,
    to: t.to,
    label: t.label,
    who: postsText(t.posts),
    note: t.needsAllRequiredPhotos ? allPhotosNote : undefined,
  }));
}

export type GuideSectionKey = 'agency' | 'personnel' | 'project' | 'field-task' | 'violation';

/** The DOM id a process step scrolls to. */
export const sectionId = (key: GuideSectionKey) => `guide-${key}`;

export type GuideDiagram<S extends string = string> = {
  key: GuideSectionKey;
  title: string;
  statuses: readonly S[];
  labels: Readonly<Record<S, string>>;
  transitions: DiagramTransition<S>[];
  notes: string[];
};

const registrars = rolesText(projectRegistrarRoles);
const regulator = rolesText(['regulator']);
const lastStagePost = assignmentPostLabels[stagePosts[fieldStages[fieldStages.length - 1] ?? 'lab']];

/** The five workflow diagrams, each drawn from its table in contracts, with its explanation. */
export const guideDiagrams: readonly GuideDiagram[] = [
  {
    key: 'agency',
    title: '机构注册与信息审核',
    statuses: agencyStatuses,
    labels: agencyStatusLabels,
    transitions: roleTransitions(agencyWorkflow),
    notes: [
      `机构首次注册后，由${rolesText(agencyWorkflow.submit.by)}完善机构信息及资质证明材料并${agencyWorkflow.submit.label}。`,
      `${rolesText(agencyWorkflow.approve.by)}审核通过后，机构才可进行项目登记。`,
      `退回须填写原因，机构按原因修改后可再次${agencyWorkflow.submit.label}。`,
      '审核通过后修改机构信息需重新提交审核，审核期间原信息继续有效。',
    ],
  } satisfies GuideDiagram<(typeof agencyStatuses)[number]>,
  {
    key: 'personnel',
    title: '监测人员登记与审核',
    statuses: personnelStatuses,
    labels: personnelStatusLabels,
    transitions: roleTransitions(personnelWorkflow),
    notes: [
      `${rolesText(personnelWorkflow.submit.by)}添加或编辑监测人员，保存即提交审核，状态为「${personnelStatusLabels.submitted}」。`,
      `${rolesText(personnelWorkflow.approve.by)}审核通过或退回（须填写原因），退回的人员修改后再次提交。`,
      '项目监测信息只能指派审核通过的监测人员，并按岗位（采样、送样、实验室分析）分工。',
    ],
  } satisfies GuideDiagram<(typeof personnelStatuses)[number]>,
  {
    key: 'project',
    title: '项目登记、监测报告与监管审核',
    statuses: projectStatuses,
    labels: projectStatusLabels,
    transitions: roleTransitions(projectWorkflow),
    notes: [
      `机构信息审核通过后，${registrars}才可登记项目：项目、监测、委托企业、合同、培训信息与附件资料。`,
      `上传监测类型要求的监测报告后方可${projectWorkflow.submit.label}；提交后监测状态为「${projectStatusLabels.submitted}」，只能查看。`,
      `${rolesText(projectWorkflow.approve.by)}审核通过或退回（须填写原因）；退回的项目可重新办理（监测报告可删除后重新上传）并${projectWorkflow.resubmit.label}。`,
      `只能删除「${projectStatusLabels.in_progress}」或「${projectStatusLabels.returned}」的项目。`,
    ],
  } satisfies GuideDiagram<(typeof projectStatuses)[number]>,
  {
    key: 'field-task',
    title: '现场监测（监测任务）',
    statuses: fieldTaskStatuses,
    labels: fieldTaskStatusLabels,
    transitions: fieldTaskTransitions(),
    notes: [
      `项目登记后，${postsText(fieldTaskWorkflow.start.posts)}在监测业务APP添加监测任务并${fieldTaskWorkflow.start.label}，按采样 → 送样 → 实验室分析的顺序拍照填报。`,
      '前一阶段的必拍照片齐全后，下一阶段的人员才能上传照片。',
      `只有${lastStagePost}上传实验室分析照片后才能${fieldTaskWorkflow.end.label}任务；采样和送样人员只能${fieldTaskWorkflow.store.label}，由下一岗位人员${fieldTaskWorkflow.resume.label}。`,
    ],
  } satisfies GuideDiagram<(typeof fieldTaskStatuses)[number]>,
  {
    key: 'violation',
    title: '违规与整改',
    statuses: violationStatuses,
    labels: violationStatusLabels,
    transitions: roleTransitions(violationWorkflow),
    notes: [
      `${regulator}对机构（及其项目）开具违规并设定整改期限，状态为「${violationStatusLabels.pending}」。`,
      `${rolesText(violationWorkflow.rectify.by)}在「违规待整改」中填写整改情况并上传佐证材料，提交后为「${violationStatusLabels.submitted}」。`,
      `${rolesText(violationWorkflow.accept.by)}${violationWorkflow.accept.label}或${violationWorkflow.reject.label}（须填写原因），驳回后回到「${violationStatusLabels.pending}」，每一轮都记入「历史整改记录」。`,
      '逾期：整改期限已过仍未提交整改。',
    ],
  } satisfies GuideDiagram<(typeof violationStatuses)[number]>,
];
