import type { z } from 'zod';

/** An antd rule from one field of a contracts schema; an empty input counts as missing. */
export function fieldRule(schema: z.ZodType) {
  return {
    validator: async (_rule: unknown, value: unknown) => {
      const parsed = schema.safeParse(value === null || value === '' ? undefined : value);
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '格式不正确');
    },
  };
}
