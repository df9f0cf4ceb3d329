import {
  genders,
  type Personnel,
  type PersonnelInput,
  personnelInputSchema,
  personnelUpdateSchema,
} from '@eco/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { applyProblemToForm } from '../../app/forms.ts';
import { AttachmentsSection } from '../attachments/AttachmentsSection.tsx';
import { fetchEnabledDictItems } from '../dicts/api.ts';
import { createPersonnel, fetchAgencyTitles, personnelKeys, updatePersonnel } from './api.ts';

type Props = {
  /** The record to edit; null to add one. */
  editing: Personnel | null;
  onClose: () => void;
};

type FormValues = PersonnelInput;

function zodRule(field: keyof PersonnelInput, isEdit: boolean) {
  const schema = isEdit ? personnelUpdateSchema : personnelInputSchema;
  return {
    validator: async (_rule: unknown, value: unknown) => {
      const parsed = schema.shape[field].safeParse(value ?? (field === 'posts' ? [] : undefined));
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '格式不正确');
    },
  };
}

function useDictOptions(type: 'post' | 'education' | 'professional_title') {
  return useQuery({
    queryKey: ['dicts', 'enabled', type],
    queryFn: () => fetchEnabledDictItems(type),
    staleTime: 5 * 60_000,
  });
}

/**
 * 添加 / 编辑 a staff record. Certificates hang on a saved record, so after 保存 of a new one the
 * dialog stays open on it with the 证书附件 section.
 */
export function PersonnelFormModal({ editing, onClose }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [record, setRecord] = useState<Personnel | null>(editing);
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const posts = useDictOptions('post');
  const education = useDictOptions('education');
  const titles = useDictOptions('professional_title');
  const usedTitles = useQuery({ queryKey: personnelKeys.titles, queryFn: fetchAgencyTitles });
  const isEdit = record !== null;

  const titleOptions = useMemo(() => {
    const labels = new Set([...(titles.data ?? []).map((t) => t.label), ...(usedTitles.data ?? [])]);
    return [...labels].map((value) => ({ value }));
  }, [titles.data, usedTitles.data]);

  const initialValues = editing
    ? {
        name: editing.name,
        gender: editing.gender as FormValues['gender'],
        idNumber: '',
        mobile: '',
        title: editing.title,
        posts: editing.posts,
        education: editing.education,
      }
    : { posts: [] };

  const handleFinish = async (values: FormValues) => {
    setProblem(null);
    setSaving(true);
    try {
      const saved = record ? await updatePersonnel(record.id, values) : await createPersonnel(values);
      await queryClient.invalidateQueries({ queryKey: personnelKeys.all });
      if (record) {
        message.success(saved.pendingChanges.length > 0 ? '已保存，变更待监管部门审核后生效' : '已保存');
        onClose();
        return;
      }
      message.success('人员已添加，已提交监管部门审核；可继续上传证书附件');
      form.setFieldsValue({ idNumber: '', mobile: '' });
      setRecord(saved);
    } catch (error) {
      setProblem(applyProblemToForm(form, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={isEdit ? '编辑人员信息' : '添加人员信息'}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {isEdit && !editing ? '完成' : '取消'}
        </Button>,
        <Button key="save" type="primary" loading={isSaving} onClick={() => form.submit()}>
          保存
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        打 * 号的字段为必填，附件可以选择性上传。保存后提交监管部门审核
        {record?.isApproved ? '；已审核通过的人员，修改在审核通过前不生效' : ''}。
      </Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={handleFinish}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}
      >
        <Form.Item label="姓名" name="name" required rules={[zodRule('name', isEdit)]}>
          <Input maxLength={50} placeholder="请输入姓名" />
        </Form.Item>
        <Form.Item label="性别" name="gender" required rules={[zodRule('gender', isEdit)]}>
          <Radio.Group options={genders.map((g) => ({ value: g, label: g }))} />
        </Form.Item>
        <Form.Item
          label="身份证号"
          name="idNumber"
          required={!isEdit}
          rules={[zodRule('idNumber', isEdit)]}
          extra={
            record
              ? `已登记：${record.idNumberMasked}，留空则不修改`
              : '必须填写正确，移动端实名认证登录时核对'
          }
        >
          <Input maxLength={18} placeholder="请输入18位身份证号" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="手机号"
          name="mobile"
          required={!isEdit}
          rules={[zodRule('mobile', isEdit)]}
          extra={record ? `已登记：${record.mobileMasked}，留空则不修改` : undefined}
        >
          <Input maxLength={11} placeholder="请输入手机号" autoComplete="off" />
        </Form.Item>
        <Form.Item label="职称" name="title" required rules={[zodRule('title', isEdit)]}>
          <AutoComplete
            options={titleOptions}
            placeholder="请选择或输入职称"
            filterOption={(input, option) => String(option?.value ?? '').includes(input)}
          />
        </Form.Item>
        <Form.Item label="学历" name="education" required rules={[zodRule('education', isEdit)]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="请选择学历"
            loading={education.isPending}
            options={(education.data ?? []).map((e) => ({ value: e.code, label: e.label }))}
          />
        </Form.Item>
        <Form.Item
          label="岗位职能"
          name="posts"
          required
          rules={[zodRule('posts', isEdit)]}
          style={{ gridColumn: '1 / span 2' }}
          extra="岗位职能选择“登记人员”的，可使用个人账号进行项目登记、查询统计"
        >
          <Select
            mode="multiple"
            optionFilterProp="label"
            placeholder="请选择岗位职能（可多选）"
            loading={posts.isPending}
            options={(posts.data ?? []).map((p) => ({ value: p.code, label: p.label }))}
          />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {record ? (
        <AttachmentsSection ownerType="personnel" ownerId={record.id} title="证书附件" canEdit />
      ) : (
        <Alert type="info" showIcon title="保存人员信息后，可在此上传上岗证等证书附件（选填）。" />
      )}
    </Modal>
  );
}
