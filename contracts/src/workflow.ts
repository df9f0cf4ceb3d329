import type { Role } from './roles.ts';

/** One workflow transition: the states it may start from, where it ends, who may take it. */
export type Transition<S extends string> = {
  readonly from: readonly S[];
  readonly to: S;
  readonly by: readonly Role[];
  readonly needsReason?: boolean;
  readonly label: string;
};

export type Workflow<S extends string> = Readonly<Record<string, Transition<S>>>;

/** Whether `role` may take `action` on an entity in `status`. */
export function canTransition<S extends string>(
  workflow: Workflow<S>,
  action: string,
  status: NoInfer<S>,
  role: Role,
): boolean {
  const transition = workflow[action];
  if (!transition) return false;
  return transition.from.includes(status) && transition.by.includes(role);
}

/** The actions `role` may take in `status`, in table order: what a UI shows as buttons. */
export function availableActions<S extends string, W extends Workflow<S>>(
  workflow: W & Workflow<S>,
  status: NoInfer<S>,
  role: Role,
): Array<keyof W & string> {
  return Object.keys(workflow).filter((action) => canTransition<S>(workflow, action, status, role)) as Array<
    keyof W & string
  >;
}
