/**
 * Lays a workflow table out as a state diagram: one box per status, left to right in the
 * table's status order; one arrow per (transition, from-status). A forward step to the next
 * status is a straight arrow; longer forward steps arc above, steps back arc below, and an
 * action that keeps the status loops on the box. Pure and deterministic, so the same table
 * always gives the same picture.
 */

import { diagramFont, type EdgeLabelBox, type EdgeLabelLine, labelOf, textWidth } from './label-text.ts';

/** One transition as the diagram needs it: the table's from/to plus the words to print. */
export type DiagramTransition<S extends string> = {
  action: string;
  from: readonly S[];
  to: S;
  label: string;
  /** Who may take it (role or post labels joined with 、). */
  who: string;
  /** A condition printed under the label, e.g. （需填写原因）. */
  note?: string | undefined;
};

export type DiagramNode<S extends string> = {
  status: S;
  label: string;
  /** Centre of the box. */
  cx: number;
  cy: number;
  width: number;
  height: number;
  /** No transition leaves this status. */
  isFinal: boolean;
};

/** straight: to the next status; above: further forward; below: back; self: stays. */
export type EdgeKind = 'straight' | 'above' | 'below' | 'self';

export type { EdgeLabelLine };

export type DiagramEdge<S extends string> = {
  id: string;
  action: string;
  from: S;
  to: S;
  kind: EdgeKind;
  /** Stacking level of an arc (0 nearest the boxes); 0 for straight arrows. */
  lane: number;
  /** SVG path data, drawn towards `to` (the arrowhead sits at its end). */
  path: string;
  /** The table's words, unwrapped. */
  text: { label: string; who: string; note: string | null };
  label: { cx: number; cy: number; width: number; height: number; lines: EdgeLabelLine[] };
};

export type WorkflowLayout<S extends string> = {
  width: number;
  height: number;
  nodes: DiagramNode<S>[];
  edges: DiagramEdge<S>[];
};

const nodeHeight = 44;
const minNodeWidth = 84;
const minGap = 64;
/** Height of the lowest arc's apex above (or below) the boxes, and the rise per further lane. */
const firstArcRise = 40;
const laneGap = 12;

type Pending<S extends string> = {
  action: string;
  from: S;
  to: S;
  fromIndex: number;
  toIndex: number;
  kind: EdgeKind;
  lane: number;
  text: { label: string; who: string; note: string | null };
  label: EdgeLabelBox;
};

/**
 * Greedy interval stacking: shortest arcs nearest the boxes; arcs that share a box never share a
 * lane. A loop goes above every arc at its box, so no arc line runs behind the loop's label.
 */
function assignLanes<S extends string>(arcs: Pending<S>[]): number {
  const ordered = [...arcs]
    .filter((a) => a.kind !== 'self')
    .sort((a, b) => span(a) - span(b) || low(a) - low(b) || high(a) - high(b));
  const lanes: Array<Array<[number, number]>> = [];
  const place = (arc: Pending<S>, minLane: number) => {
    let lane = minLane;
    while (lanes[lane]?.some(([lo, hi]) => high(arc) >= lo && low(arc) <= hi)) lane++;
    while (lanes.length <= lane) lanes.push([]);
    lanes[lane]?.push([low(arc), high(arc)]);
    arc.lane = lane;
  };
  for (const arc of ordered) place(arc, 0);
  for (const loop of arcs.filter((a) => a.kind === 'self')) {
    const atBox = arcs.filter(
      (a) => a !== loop && a.kind !== 'self' && low(a) <= loop.fromIndex && high(a) >= loop.fromIndex,
    );
    place(loop, Math.max(0, ...atBox.map((a) => a.lane + 1)));
  }
  return lanes.length;
}
/**
 * The gap (i + 0.5) each arc's label sits over, never a box, where arcs leave and enter: the
 * arc's middle, or for an even span the less crowded of the two gaps beside its middle box.
 */
function labelSlots<S extends string>(pending: readonly Pending<S>[]): Map<Pending<S>, number> {
  const slots = new Map<Pending<S>, number>();
  const used = { above: new Map<number, number>(), below: new Map<number, number>() };
  const sideOf = (e: Pending<S>) => (e.kind === 'below' ? 'below' : 'above');
  const take = (side: 'above' | 'below', slot: number) =>
    used[side].set(slot, (used[side].get(slot) ?? 0) + 1);
  for (const e of pending) {
    if (e.kind !== 'straight') continue;
    take('above', e.fromIndex + 0.5);
    take('below', e.fromIndex + 0.5);
  }
  const arcs = pending.filter((e) => e.kind === 'above' || e.kind === 'below');
  for (const e of arcs.filter((a) => span(a) % 2 === 1)) {
    const slot = (e.fromIndex + e.toIndex) / 2;
    slots.set(e, slot);
    take(sideOf(e), slot);
  }
  for (const e of arcs.filter((a) => span(a) % 2 === 0).sort((a, b) => a.lane - b.lane)) {
    const middle = (e.fromIndex + e.toIndex) / 2;
    const side = used[sideOf(e)];
    const slot = (side.get(middle + 0.5) ?? 0) < (side.get(middle - 0.5) ?? 0) ? middle + 0.5 : middle - 0.5;
    slots.set(e, slot);
    take(sideOf(e), slot);
  }
  return slots;
}

const low = (e: { fromIndex: number; toIndex: number }) => Math.min(e.fromIndex, e.toIndex);
const high = (e: { fromIndex: number; toIndex: number }) => Math.max(e.fromIndex, e.toIndex);
const span = (e: { fromIndex: number; toIndex: number }) => high(e) - low(e);

/** Positions every status and transition of a workflow table; see the module comment. */
export function layoutWorkflow<S extends string>(
  statuses: readonly S[],
  labels: Readonly<Record<S, string>>,
  transitions: readonly DiagramTransition<S>[],
): WorkflowLayout<S> {
  const indexOf = new Map(statuses.map((s, i) => [s, i] as const));
  const pending: Pending<S>[] = [];
  const straightPairs = new Set<string>();
  for (const t of transitions) {
    const toIndex = indexOf.get(t.to);
    if (toIndex === undefined) throw new Error(`unknown status ${t.to} in ${t.action}`);
    for (const from of t.from) {
      const fromIndex = indexOf.get(from);
      if (fromIndex === undefined) throw new Error(`unknown status ${from} in ${t.action}`);
      let kind: EdgeKind;
      if (fromIndex === toIndex) kind = 'self';
      else if (toIndex < fromIndex) kind = 'below';
      else if (toIndex === fromIndex + 1 && !straightPairs.has(`${from}>${t.to}`)) {
        kind = 'straight';
        straightPairs.add(`${from}>${t.to}`);
      } else kind = 'above';
      pending.push({
        action: t.action,
        from,
        to: t.to,
        fromIndex,
        toIndex,
        kind,
        lane: 0,
        text: { label: t.label, who: t.who, note: t.note ?? null },
        label: labelOf(t),
      });
    }
  }

  const above = pending.filter((e) => e.kind === 'above' || e.kind === 'self');
  const below = pending.filter((e) => e.kind === 'below');
  const lanesAbove = assignLanes(above);
  const lanesBelow = assignLanes(below);

  const nodeWidth = Math.max(
    minNodeWidth,
    ...statuses.map((s) => textWidth(labels[s], diagramFont.node) + 28),
  );
  const widestLabel = Math.max(0, ...pending.map((e) => e.label.width));
  const widestStraight = Math.max(
    0,
    ...pending.filter((e) => e.kind === 'straight').map((e) => e.label.width),
  );
  const maxInset = nodeWidth / 2 - 6;
  // Arc labels sit over the gaps: wide enough that no arc's end at a box runs behind one.
  const pitch = Math.max(
    nodeWidth + minGap,
    nodeWidth + widestStraight + 28,
    widestLabel + 2 * maxInset + 16,
  );
  const tallestLabel = Math.max(0, ...pending.map((e) => e.label.height));
  const laneStep = tallestLabel + laneGap;
  // Lane 0's labels clear the labels on the straight arrows below them.
  const firstRise = Math.max(firstArcRise, tallestLabel - nodeHeight / 2 + laneGap);
  const rise = (lane: number) => firstRise + lane * laneStep;
  const spaceFor = (lanes: number) => (lanes === 0 ? 16 : rise(lanes - 1) + tallestLabel / 2 + 10);
  const marginX = Math.max(16, Math.ceil((widestLabel - nodeWidth) / 2) + 12);

  const top = spaceFor(lanesAbove);
  const cy = top + nodeHeight / 2;
  const cxOf = (i: number) => marginX + nodeWidth / 2 + i * pitch;
  const nodeTop = cy - nodeHeight / 2;
  const nodeBottom = cy + nodeHeight / 2;
  const inset = (lane: number) => Math.min(14 + lane * 12, maxInset);
  const slots = labelSlots(pending);
  const gapX = (e: Pending<S>) => cxOf(slots.get(e) ?? (e.fromIndex + e.toIndex) / 2);

  const nodes: DiagramNode<S>[] = statuses.map((status, i) => ({
    status,
    label: labels[status],
    cx: cxOf(i),
    cy,
    width: nodeWidth,
    height: nodeHeight,
    isFinal: !pending.some((e) => e.from === status && e.to !== status),
  }));

  const edges = pending.map((e): DiagramEdge<S> => {
    const x1 = cxOf(e.fromIndex);
    const x2 = cxOf(e.toIndex);
    let path: string;
    let labelX = (x1 + x2) / 2;
    let labelY = cy;
    switch (e.kind) {
      case 'straight':
        path = `M ${x1 + nodeWidth / 2} ${cy} L ${x2 - nodeWidth / 2 - 2} ${cy}`;
        break;
      case 'self': {
        // A narrow loop from the top centre up to its label, above the arcs that leave or enter here.
        labelX = x1;
        labelY = nodeTop - rise(e.lane);
        const k = ((rise(e.lane) - e.label.height / 2) * 4) / 3;
        path = `M ${x1 - 4} ${nodeTop} C ${x1 - 20} ${nodeTop - k}, ${x1 + 20} ${nodeTop - k}, ${x1 + 4} ${nodeTop - 2}`;
        break;
      }
      case 'above': {
        const h = rise(e.lane);
        const k = (h * 4) / 3;
        const sx = x1 + inset(e.lane);
        const ex = x2 - inset(e.lane);
        path = `M ${sx} ${nodeTop} C ${sx} ${nodeTop - k}, ${ex} ${nodeTop - k}, ${ex} ${nodeTop - 2}`;
        labelX = gapX(e);
        labelY = nodeTop - h;
        break;
      }
      case 'below': {
        const h = rise(e.lane);
        const k = (h * 4) / 3;
        const sx = x1 - inset(e.lane);
        const ex = x2 + inset(e.lane);
        path = `M ${sx} ${nodeBottom} C ${sx} ${nodeBottom + k}, ${ex} ${nodeBottom + k}, ${ex} ${nodeBottom + 2}`;
        labelX = gapX(e);
        labelY = nodeBottom + h;
        break;
      }
    }
    return {
      id: `${e.action}:${e.from}`,
      action: e.action,
      from: e.from,
      to: e.to,
      kind: e.kind,
      lane: e.kind === 'straight' ? 0 : e.lane,
      path,
      text: e.text,
      label: { cx: labelX, cy: labelY, ...e.label },
    };
  });

  return {
    width: Math.ceil(2 * marginX + nodeWidth + (statuses.length - 1) * pitch),
    height: Math.ceil(top + nodeHeight + spaceFor(lanesBelow)),
    nodes,
    edges,
  };
}
