import type { AttachmentTypeExtra, DictType, PhotoTypeExtra } from '@eco/contracts';

type SeedItem = { code: string; label: string; extra?: PhotoTypeExtra | AttachmentTypeExtra };

const plain = (pairs: Array<[string, string]>): SeedItem[] => pairs.map(([code, label]) => ({ code, label }));

const photo = (code: string, label: string, extra: PhotoTypeExtra): SeedItem => ({ code, label, extra });
const attachment = (code: string, label: string, extra: AttachmentTypeExtra): SeedItem => ({
  code,
  label,
  extra,
});
const docs = ['pdf', 'jpg', 'png'] as const;

/** The values the manual and the domain reference name; administrators edit them afterwards. */
export const dictSeed: Record<DictType, SeedItem[]> = {
  monitoring_type: plain([
    ['hazardous_waste', '危险废物鉴别'],
    ['wastewater', '废水'],
    ['organized_gas', '废气（有组织）'],
    ['fugitive_gas', '废气（无组织）'],
    ['ambient_air', '环境空气'],
    ['surface_water', '地表水'],
    ['groundwater', '地下水'],
    ['soil', '土壤'],
    ['noise', '噪声'],
    ['solid_waste', '固体废物'],
  ]),
  monitoring_nature: plain([
    ['hazardous_waste', '危险废物鉴别'],
    ['entrusted', '委托监测'],
    ['self', '自行监测'],
    ['acceptance', '竣工环境保护验收监测'],
    ['enforcement', '执法监测'],
    ['emergency', '应急监测'],
  ]),
  industry_category: plain([
    ['hazardous_waste_identification', '危险废物鉴别机构'],
    ['environmental_monitoring', '生态环境监测机构'],
    ['soil_survey', '土壤污染状况调查机构'],
    ['discharge_permit', '排污许可技术服务机构'],
    ['eia', '环境影响评价机构'],
  ]),
  entrust_category: plain([
    ['enterprise', '企业委托'],
    ['government', '政府部门委托'],
    ['judicial', '司法委托'],
    ['other', '其他'],
  ]),
  professional_title: plain([
    ['senior_professor', '正高级工程师'],
    ['senior', '高级工程师'],
    ['engineer', '工程师'],
    ['assistant', '助理工程师'],
    ['technician', '技术员'],
  ]),
  post: plain([
    ['registrar', '登记人员'],
    ['sampler', '采样人员'],
    ['courier', '送样人员'],
    ['analyst', '实验室分析人员'],
    ['report_writer', '报告编制人员'],
    ['signatory', '授权签字人'],
    ['quality_manager', '质量负责人'],
    ['technical_manager', '技术负责人'],
  ]),
  education: plain([
    ['doctor', '博士研究生'],
    ['master', '硕士研究生'],
    ['bachelor', '本科'],
    ['college', '大专'],
    ['secondary', '中专'],
    ['high_school', '高中及以下'],
  ]),
  photo_type: [
    photo('sampling_work', '采样作业照片', {
      stage: 'sampling',
      required: true,
      hint: '拍摄采样人员正在采样的作业过程，需能看清采样工具与采样位置',
    }),
    photo('sampling_site', '采样点现场照片', {
      stage: 'sampling',
      required: true,
      hint: '拍摄采样点全景，包含周边参照物，便于核实采样位置',
    }),
    photo('sample_sealing', '样品封存照片', {
      stage: 'sampling',
      required: false,
      hint: '拍摄样品封存后的容器与封条、样品标签',
    }),
    photo('delivery', '送样照片', {
      stage: 'delivery',
      required: true,
      hint: '拍摄样品运输或送达实验室时的状态',
    }),
    photo('handover', '样品交接照片', {
      stage: 'delivery',
      required: false,
      hint: '拍摄样品交接单及交接双方',
    }),
    photo('lab_analysis', '实验室分析照片', {
      stage: 'lab',
      required: true,
      hint: '拍摄实验室分析过程，需能看清样品编号',
    }),
    photo('instrument', '仪器设备照片', {
      stage: 'lab',
      required: false,
      hint: '拍摄分析所用仪器设备及其状态标识',
    }),
  ],
  attachment_type: [
    attachment('qualification', '资质证明', {
      scope: 'agency',
      maxSizeMb: 10,
      maxCount: 5,
      kinds: [...docs],
      required: true,
    }),
    attachment('business_license', '营业执照', {
      scope: 'agency',
      maxSizeMb: 10,
      maxCount: 2,
      kinds: [...docs],
      required: true,
    }),
    attachment('signatory_authorization', '授权签字证明', {
      scope: 'agency',
      maxSizeMb: 10,
      maxCount: 5,
      kinds: [...docs],
      required: true,
    }),
    attachment('national_platform_screenshot', '全国危险废物鉴别信息公开服务平台注册成功页面截图', {
      scope: 'agency',
      maxSizeMb: 5,
      maxCount: 3,
      kinds: ['jpg', 'png', 'pdf'],
      required: true,
    }),
    attachment('staff_certificate', '上岗证', {
      scope: 'personnel',
      maxSizeMb: 10,
      maxCount: 5,
      kinds: [...docs],
      required: false,
    }),
    attachment('staff_other', '其他证书', {
      scope: 'personnel',
      maxSizeMb: 10,
      maxCount: 5,
      kinds: [...docs],
      required: false,
    }),
    attachment('contract', '委托合同', {
      scope: 'project',
      maxSizeMb: 20,
      maxCount: 5,
      kinds: ['pdf', 'jpg', 'png', 'docx'],
      required: true,
    }),
    attachment('subcontractor_qualification', '分包单位资质', {
      scope: 'project',
      maxSizeMb: 10,
      maxCount: 5,
      kinds: [...docs],
      required: false,
    }),
    attachment('site_survey', '现场踏勘记录', {
      scope: 'project',
      maxSizeMb: 20,
      maxCount: 10,
      kinds: ['pdf', 'jpg', 'png', 'docx'],
      required: false,
    }),
    attachment('training_record', '培训记录', {
      scope: 'project',
      maxSizeMb: 20,
      maxCount: 10,
      kinds: ['pdf', 'jpg', 'png', 'docx'],
      required: false,
    }),
    attachment('project_other', '其他', {
      scope: 'project',
      maxSizeMb: 20,
      maxCount: 10,
      kinds: ['pdf', 'jpg', 'png', 'docx', 'xlsx', 'zip'],
      required: false,
    }),
    attachment('identification_plan', '危废鉴别方案', {
      scope: 'report',
      maxSizeMb: 50,
      maxCount: 1,
      kinds: ['pdf'],
      required: true,
      monitoringTypes: ['hazardous_waste'],
    }),
    attachment('identification_report', '危废鉴别报告', {
      scope: 'report',
      maxSizeMb: 50,
      maxCount: 1,
      kinds: ['pdf'],
      required: true,
      monitoringTypes: ['hazardous_waste'],
    }),
    attachment('monitoring_report', '监测报告', {
      scope: 'report',
      maxSizeMb: 50,
      maxCount: 1,
      kinds: ['pdf'],
      required: true,
      monitoringTypes: [
        'wastewater',
        'organized_gas',
        'fugitive_gas',
        'ambient_air',
        'surface_water',
        'groundwater',
        'soil',
        'noise',
        'solid_waste',
      ],
    }),
    attachment('violation_evidence', '违规证据', {
      scope: 'violation',
      maxSizeMb: 20,
      maxCount: 10,
      kinds: ['pdf', 'jpg', 'png', 'docx'],
      required: false,
    }),
    attachment('rectification_evidence', '整改佐证材料', {
      scope: 'rectification',
      maxSizeMb: 20,
      maxCount: 10,
      kinds: ['pdf', 'jpg', 'png', 'docx'],
      required: false,
    }),
  ],
};
