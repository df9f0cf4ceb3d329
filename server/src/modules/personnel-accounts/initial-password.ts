import { randomInt } from 'node:crypto';

const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#@%+=!'] as const;

/** 12 random characters with every class present (no look-alikes: 0/O, 1/l/I). */
export function generateInitialPassword(length = 12): string {
  const chars: string[] = classes.map((set) => set.charAt(randomInt(set.length)));
  const all = classes.join('');
  while (chars.length < length) chars.push(all.charAt(randomInt(all.length)));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
