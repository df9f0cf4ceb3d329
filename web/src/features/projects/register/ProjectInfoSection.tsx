import { projectFieldLabels as labels, projectInputSchema, siteBounds } from '@eco/contracts';
import { Card, Cascader, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { fieldRule } from '../field-rule.ts';
import type { Option } from '../lookups.ts';
import { useRegionTree } from '../lookups.ts';
import { dateProps, regionProps } from './form.ts';

const shape = projectInputSchema.shape;

type Props = { monitoringTypes: Option[]; natures: Option[]; isLoading: boolean };

/** 项目信息: what is monitored, where and when. */
export function ProjectInfoSection({ monitoringTypes, natures, isLoading }: Props) {
  const regions = useRegionTree();
  return (
    <Card title="项目信息">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={labels.name} required rules={[fieldRule(shape.name)]}>
            <Input maxLength={100} placeholder="请输入项目名称" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name="monitoringType"
            label={labels.monitoringType}
            required
            rules={[fieldRule(shape.monitoringType)]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="请选择监测类型"
              loading={isLoading}
              options={monitoringTypes}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name="monitoringNature"
            label={labels.monitoringNature}
            required
            rules={[fieldRule(shape.monitoringNature)]}
            extra="危险废物鉴别项目，监测类型与项目监测性质均选择危险废物鉴别"
          >
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="请选择项目监测性质"
              loading={isLoading}
              options={natures}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="regionCode"
            label={labels.regionCode}
            required
            rules={[fieldRule(shape.regionCode)]}
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
        <Col xs={24} md={16}>
          <Form.Item name="address" label={labels.address} required rules={[fieldRule(shape.address)]}>
            <Input maxLength={200} placeholder="请输入项目地址" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="longitude"
            label={labels.longitude}
            required
            rules={[fieldRule(shape.longitude)]}
            extra="WGS-84，如 104.0657"
          >
            <InputNumber
              style={{ width: '100%' }}
              min={siteBounds.minLng}
              max={siteBounds.maxLng}
              precision={6}
              step={0.0001}
              placeholder="经度"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="latitude"
            label={labels.latitude}
            required
            rules={[fieldRule(shape.latitude)]}
            extra="WGS-84，如 30.6595"
          >
            <InputNumber
              style={{ width: '100%' }}
              min={siteBounds.minLat}
              max={siteBounds.maxLat}
              precision={6}
              step={0.0001}
              placeholder="纬度"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="plannedStart"
            label={labels.plannedStart}
            required
            rules={[fieldRule(shape.plannedStart)]}
            {...dateProps}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="plannedEnd"
            label={labels.plannedEnd}
            required
            dependencies={['plannedStart']}
            rules={[
              fieldRule(shape.plannedEnd),
              ({ getFieldValue }) => ({
                validator: async (_rule: unknown, value: string | undefined) => {
                  const start = getFieldValue('plannedStart') as string | undefined;
                  if (value && start && value < start) throw new Error('计划结束日期不能早于开始日期');
                },
              }),
            ]}
            {...dateProps}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="description" label={labels.description} rules={[fieldRule(shape.description)]}>
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder="请输入项目描述（选填）" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
