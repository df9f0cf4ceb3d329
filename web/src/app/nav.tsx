import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CameraOutlined,
  CheckSquareOutlined,
  CompassOutlined,
  FileAddOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  HistoryOutlined,
  HomeOutlined,
  ProfileOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { Role } from '@eco/contracts';
import type { ReactNode } from 'react';

/** A page of the web app: its menu entry, who may open it, and a line for the workbench. */
export type NavItem = {
  path: string;
  label: string;
  icon: ReactNode;
  roles: readonly Role[];
  description: string;
};

/** Roles that use the web app; field staff work in the mobile app at /m. */
export const webRoles = [
  'agency_admin',
  'agency_registrar',
  'regulator',
  'sysadmin',
] as const satisfies readonly Role[];

/** The one list of pages: the menu, the route guards and the workbench shortcuts all read it. */
export const navItems: readonly NavItem[] = [
  { path: '/', label: '首页', icon: <HomeOutlined />, roles: webRoles, description: '工作台' },
  {
    path: '/agency',
    label: '机构信息',
    icon: <ShopOutlined />,
    roles: ['agency_admin', 'agency_registrar'],
    description: '本机构的基本信息与资质证明材料',
  },
  {
    path: '/personnel',
    label: '监测人员',
    icon: <TeamOutlined />,
    roles: ['agency_admin'],
    description: '添加、查询、导出本机构监测人员，分配移动端账号',
  },
  {
    path: '/projects/new',
    label: '项目登记',
    icon: <FileAddOutlined />,
    roles: ['agency_admin', 'agency_registrar'],
    description: '登记监测项目：项目、监测、委托、合同、培训信息与附件资料',
  },
  {
    path: '/projects',
    label: '查询统计',
    icon: <ProfileOutlined />,
    roles: ['agency_admin', 'agency_registrar', 'regulator'],
    description: '查询、导出已登记的项目，办理、提交或查看项目',
  },
  {
    path: '/guide',
    label: '办事指南',
    icon: <CompassOutlined />,
    roles: ['agency_admin', 'agency_registrar', 'regulator', 'sysadmin'],
    description: '监测业务办理流程',
  },
  {
    path: '/rectifications',
    label: '违规待整改',
    icon: <AlertOutlined />,
    roles: ['agency_admin', 'agency_registrar'],
    description: '查看本机构违规问题并提交整改',
  },
  {
    path: '/rectifications/history',
    label: '历史整改记录',
    icon: <HistoryOutlined />,
    roles: ['agency_admin', 'agency_registrar'],
    description: '查看本机构违规问题的整改记录',
  },
  {
    path: '/dicts',
    label: '数据字典',
    icon: <BookOutlined />,
    roles: ['sysadmin'],
    description: '维护监测类型、行业类别、照片类型、附件类型等字典',
  },
  {
    path: '/agencies',
    label: '监测机构',
    icon: <BankOutlined />,
    roles: ['regulator', 'sysadmin'],
    description: '按名称、状态查询辖区内的监测机构',
  },
  {
    path: '/reviews',
    label: '审核中心',
    icon: <CheckSquareOutlined />,
    roles: ['regulator'],
    description: '机构、人员、项目审核队列，按提交时间先后',
  },
  {
    path: '/agency-reviews',
    label: '机构审核',
    icon: <FileSearchOutlined />,
    roles: ['regulator'],
    description: '审核辖区内监测机构提交的机构信息及其修改',
  },
  {
    path: '/personnel-reviews',
    label: '人员审核',
    icon: <SolutionOutlined />,
    roles: ['regulator'],
    description: '审核辖区内监测机构提交的监测人员信息及其修改',
  },
  {
    path: '/project-reviews',
    label: '项目审核',
    icon: <FileDoneOutlined />,
    roles: ['regulator'],
    description: '审核辖区内监测机构提交的项目，审核通过或退回',
  },
  {
    path: '/field-evidence',
    label: '现场核查',
    icon: <CameraOutlined />,
    roles: ['regulator'],
    description: '距项目地点过远、时间不符等需核查的现场照片',
  },
  {
    path: '/violations',
    label: '违规管理',
    icon: <WarningOutlined />,
    roles: ['regulator'],
    description: '开具违规、跟踪整改、审核整改情况',
  },
  {
    path: '/audit',
    label: '审计日志',
    icon: <AuditOutlined />,
    roles: ['regulator', 'sysadmin'],
    description: '查询操作记录，校验审计链是否完整',
  },
];

export function navItemsFor(role: Role): NavItem[] {
  return navItems.filter((item) => item.roles.includes(role));
}

export function canOpen(role: Role, path: string): boolean {
  return navItems.some((item) => item.path === path && item.roles.includes(role));
}
