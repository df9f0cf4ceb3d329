import { theme } from 'antd';
import { diagramFont } from './label-text.ts';
import type { DiagramEdge, DiagramNode, WorkflowLayout } from './layout.ts';
import type { GuideDiagram } from './workflows.ts';

const colors = {
  forward: '#1677ff',
  back: '#d46b08',
  note: '#cf1322',
  node: { fill: '#e6f4ff', stroke: '#69b1ff' },
  final: { fill: '#f6ffed', stroke: '#73d13d' },
} as const;

function Node({ node }: { node: DiagramNode<string> }) {
  const palette = node.isFinal ? colors.final : colors.node;
  return (
    <g data-testid="workflow-node" data-status={node.status}>
      <rect
        x={node.cx - node.width / 2}
        y={node.cy - node.height / 2}
        width={node.width}
        height={node.height}
        rx={8}
        fill={palette.fill}
        stroke={palette.stroke}
        strokeWidth={node.isFinal ? 2 : 1.5}
      />
      <text
        x={node.cx}
        y={node.cy}
        textAnchor="middle"
        dominantBaseline="central"
        fontSize={diagramFont.node}
        fontWeight={600}
        fill="#1f1f1f"
      >
        {node.label}
      </text>
    </g>
  );
}

function lineColor(role: 'action' | 'who' | 'note', secondary: string): string {
  switch (role) {
    case 'action':
      return '#1f1f1f';
    case 'who':
      return secondary;
    case 'note':
      return colors.note;
  }
}

function strokeOf(edge: DiagramEdge<string>): string {
  return edge.kind === 'below' ? colors.back : colors.forward;
}

/** The arrow; its data-* attributes name the table transition it stands for. */
function EdgePath({ edge, markerPrefix }: { edge: DiagramEdge<string>; markerPrefix: string }) {
  const isBack = edge.kind === 'below';
  return (
    <g
      data-testid="workflow-edge"
      data-action={edge.action}
      data-from={edge.from}
      data-to={edge.to}
      data-kind={edge.kind}
      data-label={edge.text.label}
      data-who={edge.text.who}
      data-note={edge.text.note ?? undefined}
    >
      <path
        d={edge.path}
        fill="none"
        stroke={strokeOf(edge)}
        strokeWidth={1.5}
        strokeDasharray={isBack ? '5 4' : undefined}
        markerEnd={`url(#${markerPrefix}-${isBack ? 'back' : 'forward'})`}
      />
    </g>
  );
}

/** Drawn after every arrow, so no line runs across a label. */
function EdgeLabel({ edge, secondary }: { edge: DiagramEdge<string>; secondary: string }) {
  const { label } = edge;
  const top = label.cy - label.height / 2;
  return (
    <g data-testid="workflow-edge-label" data-edge={edge.id}>
      <rect
        x={label.cx - label.width / 2}
        y={top}
        width={label.width}
        height={label.height}
        rx={4}
        fill="#fff"
        fillOpacity={0.96}
        stroke={strokeOf(edge)}
        strokeOpacity={0.3}
      />
      <text textAnchor="middle">
        {label.lines.map((line, i) => (
          <tspan
            key={`${line.role}-${line.text}`}
            x={label.cx}
            y={top + 4 + (i + 0.5) * diagramFont.lineHeight}
            dominantBaseline="central"
            fontSize={line.role === 'action' ? diagramFont.action : diagramFont.who}
            fontWeight={line.role === 'action' ? 600 : 400}
            fill={lineColor(line.role, secondary)}
          >
            {line.text}
          </tspan>
        ))}
      </text>
    </g>
  );
}

function Marker({ id, color }: { id: string; color: string }) {
  return (
    <marker id={id} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={8} markerHeight={8} orient="auto">
      <path d="M 0 0 L 10 5 L 0 10 z" fill={color} />
    </marker>
  );
}

/** A workflow table drawn as a state diagram (see layoutWorkflow); the edges are exactly the table's transitions. */
export function WorkflowDiagram({
  diagram,
  layout,
}: {
  diagram: GuideDiagram;
  layout: WorkflowLayout<string>;
}) {
  const { token } = theme.useToken();
  const markerPrefix = `guide-arrow-${diagram.key}`;
  return (
    <div style={{ overflowX: 'auto' }}>
      <svg
        data-testid="workflow-diagram"
        data-workflow={diagram.key}
        role="img"
        aria-label={`${diagram.title}流程图`}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        style={{
          display: 'block',
          width: '100%',
          maxWidth: layout.width,
          minWidth: Math.round(layout.width * 0.7),
          height: 'auto',
          margin: '0 auto',
          fontFamily: token.fontFamily,
        }}
      >
        <defs>
          <Marker id={`${markerPrefix}-forward`} color={colors.forward} />
          <Marker id={`${markerPrefix}-back`} color={colors.back} />
        </defs>
        {layout.nodes.map((node) => (
          <Node key={node.status} node={node} />
        ))}
        {layout.edges.map((edge) => (
          <EdgePath key={edge.id} edge={edge} markerPrefix={markerPrefix} />
        ))}
        {layout.edges.map((edge) => (
          <EdgeLabel key={edge.id} edge={edge} secondary={token.colorTextSecondary} />
        ))}
      </svg>
    </div>
  );
}
