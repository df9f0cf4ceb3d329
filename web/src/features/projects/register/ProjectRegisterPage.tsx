import { SaveOutlined } from '@ant-design/icons';
import { projectInputSchema } from '@eco/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Result, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from '../../../app/auth.tsx';
import { AgencyStatusTag } from '../../agencies/AgencyStatusTag.tsx';
import { AttachmentsSection } from '../../attachments/AttachmentsSection.tsx';
import { useAttachmentCategories, useOwnerAttachments } from '../../attachments/api.ts';
import { createProject, projectKeys } from '../api.ts';
import { useDictOptions } from '../lookups.ts';
import { ContractSection, TrainingSection } from './ContractTrainingSections.tsx';
import { EntrustSection } from './EntrustSection.tsx';
import {
  type Issue,
  issueLabel,
  issuesOf,
  newFormId,
  placeIssues,
  type RegisterValues,
  toProjectBody,
  zodIssues,
} from './form.ts';
import { MonitoringSection } from './MonitoringSection.tsx';
import { ProjectInfoSection } from './ProjectInfoSection.tsx';

/** The 项目监测性质 a 危险废物鉴别 project takes, as the manual says. */
const hazardousWasteLabel = '危险废物鉴别';

type Problem = { summary: string; issues: Issue[] };

/** 项目登记: only an approved agency registers projects. */
export function ProjectRegisterPage() {
  const me = useMe();
  const { refresh } = useAuth();
  const navigate = useNavigate();
  if (me.agency?.status === 'approved') return <ProjectRegisterForm />;
  return (
    <Card>
      <Result
        status="warning"
        title="机构信息审核通过后才能登记项目"
        subTitle={
          <Space>
            当前机构信息状态：
            {me.agency ? <AgencyStatusTag status={me.agency.status} /> : '未关联机构'}
          </Space>
        }
        extra={[
          <Button key="agency" type="primary" onClick={() => navigate('/agency')}>
            查看机构信息
          </Button>,
          <Button key="refresh" onClick={() => void refresh()}>
            刷新审核状态
          </Button>,
        ]}
      />
    </Card>
  );
}

function ProjectRegisterForm() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RegisterValues>();
  // The id is made once per form: draft files hang on it, and a retried 保存 cannot register twice.
  const [formId] = useState(newFormId);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [attachmentErrors, setAttachmentErrors] = useState<string[]>([]);
  const [isSaving, setSaving] = useState(false);
  const monitoringTypes = useDictOptions('monitoring_type');
  const natures = useDictOptions('monitoring_nature');
  const entrustCategories = useDictOptions('entrust_category');
  const draftFiles = useOwnerAttachments('project_draft', formId);
  const fileCategories = useAttachmentCategories('project');

  const handleValuesChange = (changed: Partial<RegisterValues>) => {
    if (!('monitoringType' in changed)) return;
    const type = monitoringTypes.options.find((o) => o.value === changed.monitoringType);
    const nature = natures.options.find((o) => o.label === hazardousWasteLabel);
    if (type?.label === hazardousWasteLabel && nature) form.setFieldValue('monitoringNature', nature.value);
  };

  /** The files the dictionary requires (委托合同; 分包单位资质 when subcontracted) that are missing. */
  const missingFiles = (isSubcontracted: boolean | undefined): string[] => {
    const files = draftFiles.data ?? [];
    return (fileCategories.data ?? [])
      .filter((c) => c.limits.required || (isSubcontracted && c.label === '分包单位资质'))
      .filter((c) => !files.some((f) => f.category === c.code))
      .map((c) => `请上传${c.label}`);
  };

  const showProblem = (summary: string, issues: Issue[]) => {
    const placed = placeIssues(form, issues);
    setAttachmentErrors(placed.attachments);
    setProblem({ summary, issues });
    if (placed.firstField) form.scrollToField(placed.firstField, { block: 'center' });
  };

  const handleSave = async () => {
    setProblem(null);
    setAttachmentErrors([]);
    let values: RegisterValues;
    try {
      values = await form.validateFields();
    } catch (error) {
      const fields = (error as { errorFields?: Array<{ name: (string | number)[] }> }).errorFields ?? [];
      const first = fields[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      setProblem({ summary: `有 ${fields.length} 项信息未填写或格式不正确，请按标红提示修改`, issues: [] });
      return;
    }
    const parsed = projectInputSchema.safeParse(toProjectBody(formId, values));
    if (!parsed.success) {
      showProblem('提交的信息有误，请按标红提示修改', zodIssues(parsed.error));
      return;
    }
    const missing = missingFiles(parsed.data.isSubcontracted);
    if (missing.length > 0) {
      setAttachmentErrors(missing);
      setProblem({ summary: `附件资料不完整：${missing.join('；')}`, issues: [] });
      document.getElementById('project-attachments')?.scrollIntoView({ block: 'center' });
      return;
    }
    setSaving(true);
    try {
      const saved = await createProject(parsed.data);
      message.success('保存成功');
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
      navigate(`/projects/${saved.id}`, { replace: true });
    } catch (error) {
      const { summary, issues } = issuesOf(error);
      showProblem(summary, issues);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<RegisterValues>
      form={form}
      layout="vertical"
      initialValues={{ items: [], isSubcontracted: false }}
      onValuesChange={handleValuesChange}
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title="项目登记"
          description="打 * 号的为必填项，联系电话和电子邮箱有格式校验；委托合同为必传附件。保存后可在「办理」中上传监测报告并提交。"
        />
        <ProjectInfoSection
          monitoringTypes={monitoringTypes.options}
          natures={natures.options}
          isLoading={monitoringTypes.isPending || natures.isPending}
        />
        <MonitoringSection />
        <EntrustSection categories={entrustCategories.options} isLoading={entrustCategories.isPending} />
        <ContractSection />
        <TrainingSection />
        <div id="project-attachments">
          <AttachmentsSection ownerType="project_draft" ownerId={formId} title="附件资料" canEdit />
          {attachmentErrors.length > 0 && (
            <Alert
              type="error"
              showIcon
              title="附件资料"
              description={attachmentErrors.join('；')}
              style={{ marginTop: 8 }}
            />
          )}
        </div>
        <Card>
          {problem && (
            <Alert
              type="error"
              showIcon
              title={`保存失败：${problem.summary}`}
              description={
                problem.issues.length > 0 && (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {problem.issues.map((issue) => (
                      <li key={`${issue.field}:${issue.message}`}>
                        {issueLabel(issue.field)}：{issue.message}
                      </li>
                    ))}
                  </ul>
                )
              }
              style={{ marginBottom: 16 }}
            />
          )}
          <Space>
            <Button type="primary" icon={<SaveOutlined />} loading={isSaving} onClick={handleSave}>
              保存
            </Button>
            <Button disabled={isSaving} onClick={() => navigate('/projects')}>
              取消
            </Button>
          </Space>
        </Card>
      </Space>
    </Form>
  );
}
