/** Chinese names of the audit actions and target types the server writes today; unknown codes show as is. */
export const auditActionLabels: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.password_changed': '修改密码',
  'dict.created': '新增字典项',
  'dict.updated': '修改字典项',
  'attachment.uploaded': '上传附件',
  'attachment.renamed': '附件改名',
  'attachment.deleted': '删除附件',
  'system.admin_created': '创建管理员',
  'system.demo_seeded': '导入演示数据',
};

export const auditTargetLabels: Record<string, string> = {
  user: '用户',
  dict_item: '字典项',
  attachment: '附件',
  agency: '监测机构',
  system: '系统',
};

export function labelOf(labels: Record<string, string>, code: string | null): string {
  if (!code) return '—';
  return labels[code] ?? code;
}
