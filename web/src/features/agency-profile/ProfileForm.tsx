import {
  type AgencyProfileInput,
  type AgencyProfileValues,
  agencyProfileSchema,
  agencyProfileFieldLabels as labels,
} from '@eco/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Cascader, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyProblemToForm } from '../../app/forms.ts';
import { dictKeys, fetchEnabledDictItems } from '../dicts/api.ts';
import { useRegionTree } from './api.ts';

type Props = {
  initial: AgencyProfileValues;
  canSubmit: boolean;
  onSave: (input: AgencyProfileInput) => Promise<void>;
  onSaveAndSubmit: (input: AgencyProfileInput) => Promise<void>;
  onCancel: () => void;
};

const dateProps = {
  getValueProps: (value: string | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
};

const regionProps = {
  getValueProps: (code: string | undefined) => ({ value: code ? [`${code.slice(0, 4)}00`, code] : [] }),
  normalize: (path: string[] | undefined) => path?.[path.length - 1],
};

function initialValues(values: AgencyProfileValues) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (value !== null && value !== '') out[key] = value;
  return out;
}

/** The 机构信息 edit form: every field the manual stars is required, checked by the shared schema. */
export function ProfileForm({ initial, canSubmit, onSave, onSaveAndSubmit, onCancel }: Props) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const regions = useRegionTree();
  const industries = useQuery({
    queryKey: dictKeys.enabled('industry_category'),
    queryFn: () => fetchEnabledDictItems('industry_category'),
  });

  const run = async (kind: 'save' | 'submit') => {
    setError(null);
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const parsed = agencyProfileSchema.safeParse(values);
    if (!parsed.success) {
      form.setFields(parsed.error.issues.map((i) => ({ name: i.path.map(String), errors: [i.message] })));
      return;
    }
    setBusy(kind);
    try {
      await (kind === 'save' ? onSave(parsed.data) : onSaveAndSubmit(parsed.data));
    } catch (e) {
      setError(applyProblemToForm(form, e));
    } finally {
      setBusy(null);
    }
  };

  const required = (label: string) => [{ required: true, message: `请输入${label}` }];
  return (
    <Form form={form} layout="vertical" initialValues={initialValues(initial)} requiredMark>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={labels.name} rules={required(labels.name)}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="creditCode" label={labels.creditCode} rules={required(labels.creditCode)}>
            <Input maxLength={18} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="legalRepresentative"
            label={labels.legalRepresentative}
            rules={required(labels.legalRepresentative)}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="regionCode"
            label={labels.regionCode}
            rules={[{ required: true, message: '请选择所在地区' }]}
            {...regionProps}
          >
            <Cascader
              options={regions.data ?? []}
              fieldNames={{ label: 'name', value: 'code', children: 'children' }}
              placeholder="请选择市州 / 区县"
              showSearch
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="registeredAddress"
            label={labels.registeredAddress}
            rules={required(labels.registeredAddress)}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="officeAddress" label={labels.officeAddress} rules={required(labels.officeAddress)}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="contactPerson" label={labels.contactPerson} rules={required(labels.contactPerson)}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="contactPhone" label={labels.contactPhone} rules={required(labels.contactPhone)}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="email" label={labels.email} rules={required(labels.email)}>
            <Input maxLength={254} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="industryCategories"
            label={labels.industryCategories}
            rules={[{ required: true, message: '请至少选择一个行业类别' }]}
            extra="行业类别选择危险废物鉴别机构，如涉及其他业务，可勾选其他行业"
          >
            <Select
              mode="multiple"
              optionFilterProp="label"
              loading={industries.isPending}
              options={(industries.data ?? []).map((i) => ({ value: i.code, label: i.label }))}
              placeholder="请选择行业类别"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="cmaNumber" label={labels.cmaNumber} rules={required(labels.cmaNumber)}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="cmaValidFrom"
            label={labels.cmaValidFrom}
            rules={[{ required: true, message: `请选择${labels.cmaValidFrom}` }]}
            {...dateProps}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="cmaValidTo"
            label={labels.cmaValidTo}
            rules={[{ required: true, message: `请选择${labels.cmaValidTo}` }]}
            {...dateProps}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="qualificationScope"
            label={labels.qualificationScope}
            rules={required(labels.qualificationScope)}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="introduction" label={labels.introduction}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" loading={busy === 'save'} disabled={busy !== null} onClick={() => run('save')}>
          保存
        </Button>
        {canSubmit && (
          <Button loading={busy === 'submit'} disabled={busy !== null} onClick={() => run('submit')}>
            保存并提交审核
          </Button>
        )}
        <Button disabled={busy !== null} onClick={onCancel}>
          取消
        </Button>
      </Space>
    </Form>
  );
}
