import {
  agencyWorkflow,
  fieldStageLabels,
  fieldStages,
  personnelWorkflow,
  projectRegistrarRoles,
  projectWorkflow,
  stagePosts,
  violationWorkflow,
} from '@eco/contracts';
import { Steps, Typography, theme } from 'antd';
import { type GuideSectionKey, postsText, rolesOf, rolesText, sectionId } from './workflows.ts';

type ProcessStep = {
  key: string;
  title: string;
  /** 采样 → 送样 → 实验室分析 under 现场监测. */
  stages?: string;
  who: string;
  target: GuideSectionKey;
};

const registrars = rolesText(projectRegistrarRoles);

/** The business from registration to rectification; who acts comes from the workflow tables. */
export const processSteps: readonly ProcessStep[] = [
  { key: 'agency', title: '机构注册与信息审核', who: rolesText(rolesOf(agencyWorkflow)), target: 'agency' },
  {
    key: 'personnel',
    title: '监测人员登记与审核',
    who: rolesText(rolesOf(personnelWorkflow)),
    target: 'personnel',
  },
  { key: 'project', title: '项目登记', who: registrars, target: 'project' },
  {
    key: 'field',
    title: '现场监测',
    stages: fieldStages.map((s) => fieldStageLabels[s]).join(' → '),
    who: postsText(fieldStages.map((s) => stagePosts[s])),
    target: 'field-task',
  },
  { key: 'report', title: '监测报告', who: registrars, target: 'project' },
  {
    key: 'submit',
    title: projectWorkflow.submit.label,
    who: rolesText(projectWorkflow.submit.by),
    target: 'project',
  },
  {
    key: 'review',
    title: '监管审核',
    who: rolesText([...projectWorkflow.approve.by, ...projectWorkflow.return.by]),
    target: 'project',
  },
  { key: 'violation', title: '违规与整改', who: rolesText(rolesOf(violationWorkflow)), target: 'violation' },
];

function scrollToSection(key: GuideSectionKey) {
  document.getElementById(sectionId(key))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

/** Text that wraps only after a separator (、 or →), never inside a name. */
function WrapAfter({ text, separator }: { text: string; separator: string }) {
  const parts = text.split(separator);
  return (
    <>
      {parts.map((part, i) => (
        <span key={part} style={{ whiteSpace: 'nowrap' }}>
          {part}
          {i < parts.length - 1 ? separator : ''}
        </span>
      ))}
    </>
  );
}

function StepIcon({ index }: { index: number }) {
  const { token } = theme.useToken();
  return (
    <span
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: 24,
        height: 24,
        borderRadius: '50%',
        background: token.colorPrimary,
        color: token.colorTextLightSolid,
        fontSize: 12,
        fontWeight: 600,
      }}
    >
      {index + 1}
    </span>
  );
}

/** The overall chain; each step scrolls to the diagram that governs it. */
export function ProcessChain() {
  return (
    <Steps
      data-testid="guide-process"
      size="small"
      titlePlacement="vertical"
      current={-1}
      onChange={(index) => {
        const step = processSteps[index];
        if (step) scrollToSection(step.target);
      }}
      items={processSteps.map((step, index) => ({
        key: step.key,
        className: `guide-step guide-step-${step.key}`,
        status: 'process' as const,
        icon: <StepIcon index={index} />,
        title: step.title,
        content: (
          <>
            {step.stages && (
              <Typography.Text style={{ display: 'block', fontSize: 12 }}>
                <WrapAfter text={step.stages} separator=" → " />
              </Typography.Text>
            )}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              <WrapAfter text={step.who} separator="、" />
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}
