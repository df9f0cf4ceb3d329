import {
  type AttachmentScope,
  attachmentScopes,
  type DictItem,
  type DictType,
  dictItemInputSchema,
  dictTypeLabels,
  type FieldStage,
  type FileKind,
  fieldStageLabels,
  fieldStages,
  fileKinds,
} from '@eco/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Divider, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { applyProblemToForm } from '../../app/forms.ts';
import { fileKindLabels } from '../attachments/kinds.ts';
import { createDictItem, dictKeys, updateDictItem } from './api.ts';
import { attachmentScopeLabels, readAttachmentExtra, readPhotoExtra } from './extra.ts';

type PhotoExtraValues = { stage?: FieldStage; required?: boolean; hint?: string };
type AttachmentExtraValues = {
  scope?: AttachmentScope;
  maxSizeMb?: number;
  maxCount?: number;
  kinds?: FileKind[];
  required?: boolean;
};
type Values = {
  code: string;
  label: string;
  sortOrder: number;
  isEnabled: boolean;
  extra?: PhotoExtraValues & AttachmentExtraValues;
};

function initialValues(type: DictType, item: DictItem | null): Values {
  const base = {
    code: item?.code ?? '',
    label: item?.label ?? '',
    sortOrder: item?.sortOrder ?? 0,
    isEnabled: item?.isEnabled ?? true,
  };
  if (type === 'photo_type') {
    const extra = readPhotoExtra(item?.extra ?? null);
    return { ...base, extra: extra ?? { stage: 'sampling', required: false, hint: '' } };
  }
  if (type === 'attachment_type') {
    const extra = readAttachmentExtra(item?.extra ?? null);
    return {
      ...base,
      extra: extra ?? {
        scope: 'agency',
        maxSizeMb: 10,
        maxCount: 5,
        kinds: ['pdf', 'jpg', 'png'],
        required: false,
      },
    };
  }
  return base;
}

/** The `extra` the API expects for this dictionary, from the form's fields. */
function extraFrom(type: DictType, values: Values): Record<string, unknown> | null {
  const extra = values.extra ?? {};
  if (type === 'photo_type') {
    return { stage: extra.stage, required: extra.required ?? false, hint: (extra.hint ?? '').trim() };
  }
  if (type === 'attachment_type') {
    return {
      scope: extra.scope,
      maxSizeMb: extra.maxSizeMb,
      maxCount: extra.maxCount,
      kinds: extra.kinds ?? [],
      required: extra.required ?? false,
    };
  }
  return null;
}

const codeRule = {
  validator: async (_rule: unknown, value: string | undefined) => {
    const parsed = dictItemInputSchema.shape.code.safeParse(value ?? '');
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '编码不正确');
  },
};

type Props = { type: DictType; item: DictItem | null; onClose: () => void };

/** 新增 / 编辑 one dictionary item; photo and attachment types get their own fields for `extra`. */
export function DictItemModal({ type, item, onClose }: Props) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const isEdit = item !== null;

  const handleFinish = async (values: Values) => {
    setProblem(null);
    setSaving(true);
    const body = {
      label: values.label.trim(),
      sortOrder: values.sortOrder,
      isEnabled: values.isEnabled,
      extra: extraFrom(type, values),
    };
    try {
      if (item) await updateDictItem(type, item.id, body);
      else await createDictItem(type, { ...body, code: values.code.trim() });
      await queryClient.invalidateQueries({ queryKey: dictKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['attachment-categories'] });
      message.success(isEdit ? '字典项已保存' : '字典项已新增');
      onClose();
    } catch (error) {
      setProblem(applyProblemToForm(form, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${isEdit ? '编辑' : '新增'}${dictTypeLabels[type]}`}
      okText="保存"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      width={560}
    >
      <Form form={form} layout="vertical" initialValues={initialValues(type, item)} onFinish={handleFinish}>
        <Form.Item
          label="编码"
          name="code"
          rules={isEdit ? [] : [codeRule]}
          extra={isEdit ? '编码创建后不可修改' : '小写字母、数字和下划线'}
        >
          <Input disabled={isEdit} maxLength={40} />
        </Form.Item>
        <Form.Item
          label="名称"
          name="label"
          rules={[
            { required: true, whitespace: true, message: '请输入名称' },
            { max: 60, message: '名称不能超过60个字符' },
          ]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label="排序" name="sortOrder" rules={[{ required: true, message: '请输入排序号' }]}>
          <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="启用" name="isEnabled" valuePropName="checked">
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
        {type === 'photo_type' && (
          <>
            <Divider titlePlacement="start">照片要求</Divider>
            <Form.Item
              label="所属阶段"
              name={['extra', 'stage']}
              rules={[{ required: true, message: '请选择阶段' }]}
            >
              <Select options={fieldStages.map((s) => ({ value: s, label: fieldStageLabels[s] }))} />
            </Form.Item>
            <Form.Item label="必拍" name={['extra', 'required']} valuePropName="checked">
              <Switch checkedChildren="必拍" unCheckedChildren="选拍" />
            </Form.Item>
            <Form.Item
              label="拍摄提示"
              name={['extra', 'hint']}
              rules={[{ max: 200, message: '提示不能超过200个字符' }]}
            >
              <Input.TextArea rows={2} maxLength={200} showCount />
            </Form.Item>
          </>
        )}
        {type === 'attachment_type' && (
          <>
            <Divider titlePlacement="start">上传限制</Divider>
            <Form.Item
              label="适用对象"
              name={['extra', 'scope']}
              rules={[{ required: true, message: '请选择适用对象' }]}
            >
              <Select
                options={attachmentScopes.map((s) => ({ value: s, label: attachmentScopeLabels[s] }))}
              />
            </Form.Item>
            <Form.Item
              label="单个文件大小上限（MB）"
              name={['extra', 'maxSizeMb']}
              rules={[{ required: true, message: '请输入大小上限' }]}
            >
              <InputNumber min={0.1} max={500} step={1} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              label="数量上限（个）"
              name={['extra', 'maxCount']}
              rules={[{ required: true, message: '请输入数量上限' }]}
            >
              <InputNumber min={1} max={100} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              label="允许的文件类型"
              name={['extra', 'kinds']}
              rules={[{ required: true, type: 'array', min: 1, message: '至少选择一种文件类型' }]}
            >
              <Checkbox.Group options={fileKinds.map((k) => ({ value: k, label: fileKindLabels[k] }))} />
            </Form.Item>
            <Form.Item label="必传" name={['extra', 'required']} valuePropName="checked">
              <Switch checkedChildren="必传" unCheckedChildren="选传" />
            </Form.Item>
          </>
        )}
        {problem && <Alert type="error" showIcon title={problem} />}
      </Form>
    </Modal>
  );
}
