/** `person`: a personal account (个人注册) with no 登记人员 staff record behind it, so no pages yet. */
export const roles = [
  'agency_admin',
  'agency_registrar',
  'field_staff',
  'regulator',
  'sysadmin',
  'person',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  agency_admin: '机构法人',
  agency_registrar: '登记人员',
  field_staff: '监测人员',
  regulator: '监管部门',
  sysadmin: '系统管理员',
  person: '个人用户',
};

export const agencyRoles = [
  'agency_admin',
  'agency_registrar',
  'field_staff',
] as const satisfies readonly Role[];

export function isAgencyRole(role: Role): role is (typeof agencyRoles)[number] {
  return (agencyRoles as readonly Role[]).includes(role);
}
