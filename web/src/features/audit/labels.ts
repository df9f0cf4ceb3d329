import {
  agencyStatusLabels,
  type FieldTaskAction,
  fieldTaskStatusLabels,
  fieldTaskWorkflow,
  personnelStatusLabels,
  projectStatusLabels,
  projectWorkflow,
  violationStatusLabels,
} from '@eco/contracts';

/** 监测任务开始 … 监测任务结束: one per field-task action, named as the workflow table names it. */
const fieldTaskActionLabels = Object.fromEntries(
  (Object.keys(fieldTaskWorkflow) as FieldTaskAction[]).map((action) => [
    `field_task.${action}`,
    `监测任务${fieldTaskWorkflow[action].label}`,
  ]),
);

/** Chinese names of the audit actions the server writes (grep appendAudit); unknown codes show as is. */
export const auditActionLabels: Record<string, string> = {
  'auth.login': '登录',
  'auth.sso_login': '统一身份认证登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.password_changed': '修改密码',
  'sms.code_sent': '发送短信验证码',
  'user.registered': '注册账号',
  'user.role_resolved': '确定账号角色',
  'agency.registered': '机构注册',
  'agency.profile_saved': '保存机构信息',
  'agency.profile_submitted': '机构信息提交审核',
  'agency.profile_approved': '机构信息审核通过',
  'agency.profile_returned': '机构信息退回',
  'personnel.created': '添加监测人员',
  'personnel.updated': '编辑监测人员',
  'personnel.deleted': '删除监测人员',
  'personnel.approved': '监测人员审核通过',
  'personnel.returned': '监测人员退回',
  'personnel.exported': '导出监测人员',
  'personnel.account_allocated': '分配移动端账号',
  'project.created': '项目登记',
  'project.submitted': `项目${projectWorkflow.submit.label}`,
  'project.resubmitted': `项目${projectWorkflow.resubmit.label}`,
  'project.approved': `项目${projectWorkflow.approve.label}`,
  'project.returned': `项目${projectWorkflow.return.label}`,
  'project.deleted': '删除项目',
  'project.exported': '导出项目',
  'project.report_uploaded': '上传监测报告',
  'project.report_deleted': '删除监测报告',
  'field_task.created': '添加监测任务',
  ...fieldTaskActionLabels,
  'field_photo.create': '上传现场照片',
  'violation.issued': '开具违规',
  'violation.rectification_submitted': '提交整改',
  'violation.rectification_accepted': '整改通过',
  'violation.rectification_rejected': '驳回整改',
  'attachment.uploaded': '上传附件',
  'attachment.renamed': '附件改名',
  'attachment.deleted': '删除附件',
  'attachment.drafts_swept': '清理未保存的附件',
  'public.report_previewed': '公开端查看报告',
  'dict.created': '新增字典项',
  'dict.updated': '修改字典项',
  'system.admin_created': '创建管理员',
  'system.demo_seeded': '导入演示数据',
};

/** The 操作类型 picker's groups, by the action code's prefix. */
const actionGroupLabels: Record<string, string> = {
  auth: '登录与账号',
  sms: '登录与账号',
  user: '登录与账号',
  agency: '机构信息',
  personnel: '监测人员',
  project: '项目',
  field_task: '现场监测',
  field_photo: '现场监测',
  violation: '违规与整改',
  attachment: '附件',
  public: '公开端',
  dict: '数据字典',
  system: '系统',
};

export type ActionOptionGroup = { label: string; options: Array<{ value: string; label: string }> };

export function actionOptionGroups(): ActionOptionGroup[] {
  const groups = new Map<string, ActionOptionGroup>();
  for (const [value, label] of Object.entries(auditActionLabels)) {
    const prefix = value.split('.')[0] ?? value;
    const groupLabel = actionGroupLabels[prefix] ?? '其他';
    const group = groups.get(groupLabel) ?? { label: groupLabel, options: [] };
    group.options.push({ value, label });
    groups.set(groupLabel, group);
  }
  return [...groups.values()];
}

export const auditTargetLabels: Record<string, string> = {
  user: '用户',
  sms_code: '短信验证码',
  agency: '监测机构',
  agency_revision: '机构信息变更',
  personnel: '监测人员',
  project: '项目',
  project_report: '监测报告',
  field_task: '监测任务',
  field_photo: '现场照片',
  violation: '违规',
  attachment: '附件',
  dict_item: '字典项',
  system: '系统',
};

/** Names of the fields services put in before/after; others show their code. */
export const auditFieldLabels: Record<string, string> = {
  status: '状态',
  returnReason: '退回原因',
  reason: '原因',
  username: '账号',
  role: '角色',
  failures: '连续失败次数',
  agencyId: '机构编号',
  personnelId: '人员编号',
  at: '时间',
  code: '编码',
  label: '名称',
  name: '名称',
  fileName: '文件名',
  sortOrder: '排序',
  isEnabled: '是否启用',
  deadline: '整改期限',
  problem: '违规问题',
  rule: '违反的规定',
  description: '整改情况说明',
};

/** Status codes mean different things per entity: 待审核 for an agency, 已完成 for a project. */
const statusLabelsByTarget: Record<string, Record<string, string>> = {
  agency: agencyStatusLabels,
  agency_revision: agencyStatusLabels,
  personnel: personnelStatusLabels,
  project: projectStatusLabels,
  field_task: fieldTaskStatusLabels,
  violation: violationStatusLabels,
};

/** A status code with its Chinese name for this target type, e.g. `submitted（已完成）`. */
export function statusText(targetType: string, value: string): string {
  const label = statusLabelsByTarget[targetType]?.[value];
  return label ? `${label}（${value}）` : value;
}

export function labelOf(labels: Record<string, string>, code: string | null): string {
  if (!code) return '—';
  return labels[code] ?? code;
}
