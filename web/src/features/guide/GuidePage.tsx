import { Card, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { FieldStageRules } from './FieldStageRules.tsx';
import { layoutWorkflow } from './layout.ts';
import { ProcessChain } from './ProcessChain.tsx';
import { WorkflowDiagram } from './WorkflowDiagram.tsx';
import { type GuideDiagram, guideDiagrams, sectionId } from './workflows.ts';

function Legend() {
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
      方框为状态（绿色为最终状态）；箭头为操作，注明操作名称及可操作的人员；
      <span style={{ color: '#d46b08' }}>橙色虚线</span>为回到前面状态的操作；
      <span style={{ color: '#cf1322' }}>红字</span>为操作条件。
    </Typography.Paragraph>
  );
}

function WorkflowSection({ diagram, index }: { diagram: GuideDiagram; index: number }) {
  const layout = useMemo(
    () => layoutWorkflow(diagram.statuses, diagram.labels, diagram.transitions),
    [diagram],
  );
  return (
    <Card
      id={sectionId(diagram.key)}
      data-testid="guide-section"
      data-workflow={diagram.key}
      title={`${index + 1}. ${diagram.title}`}
      style={{ scrollMarginTop: 24 }}
    >
      {/* The notes sit beside the diagram when it fits at 85% of its size or more, else below it. */}
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 24 }}>
        <div style={{ flex: `1 1 ${Math.round(layout.width * 0.85)}px`, minWidth: 0 }}>
          <WorkflowDiagram diagram={diagram} layout={layout} />
        </div>
        <ul style={{ flex: '1 1 260px', margin: 0, paddingInlineStart: 20 }} data-testid="guide-notes">
          {diagram.notes.map((note) => (
            <li key={note} style={{ marginBottom: 6 }}>
              {note}
            </li>
          ))}
        </ul>
      </div>
      {diagram.key === 'field-task' && (
        <div style={{ marginTop: 16 }}>
          <FieldStageRules />
        </div>
      )}
    </Card>
  );
}

/** 办事指南: the business process, each diagram drawn from its workflow table in contracts. */
export function GuidePage() {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="办事指南">
        <Typography.Paragraph>
          生态环境监测业务办理流程：从机构注册、人员登记到项目登记、现场监测、监测报告提交与监管审核，以及违规整改。点击流程环节可查看对应的状态流转图。
        </Typography.Paragraph>
        <ProcessChain />
        <div style={{ marginTop: 16 }}>
          <Legend />
        </div>
      </Card>
      {guideDiagrams.map((diagram, index) => (
        <WorkflowSection key={diagram.key} diagram={diagram} index={index} />
      ))}
    </Space>
  );
}
