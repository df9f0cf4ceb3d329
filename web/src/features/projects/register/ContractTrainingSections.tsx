import { projectFieldLabels as labels, projectInputSchema } from '@eco/contracts';
import { Card, Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import { fieldRule } from '../field-rule.ts';
import { dateProps } from './form.ts';

const shape = projectInputSchema.shape;

/** 合同信息: the contract's number, amount and signing date. */
export function ContractSection() {
  return (
    <Card title="合同信息">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="contractNumber"
            label={labels.contractNumber}
            required
            rules={[fieldRule(shape.contractNumber)]}
          >
            <Input maxLength={60} placeholder="请输入合同编号" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="contractAmount"
            label={labels.contractAmount}
            required
            rules={[fieldRule(shape.contractAmount)]}
          >
            <InputNumber
              style={{ width: '100%' }}
              min={0}
              max={1_000_000_000}
              precision={2}
              placeholder="请输入合同金额"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="contractSignedOn"
            label={labels.contractSignedOn}
            required
            rules={[fieldRule(shape.contractSignedOn)]}
            {...dateProps}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** 培训信息: the pre-job training for the project's staff. */
export function TrainingSection() {
  return (
    <Card title="培训信息">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="trainingDate"
            label={labels.trainingDate}
            required
            rules={[fieldRule(shape.trainingDate)]}
            {...dateProps}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="trainingParticipants"
            label={labels.trainingParticipants}
            required
            rules={[fieldRule(shape.trainingParticipants)]}
          >
            <Input maxLength={500} placeholder="参加培训的人员，多人用顿号分隔" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="trainingContent"
            label={labels.trainingContent}
            required
            rules={[fieldRule(shape.trainingContent)]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder="请输入培训内容" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
