import { maskIdNumber, maskMobile } from '@eco/contracts';
import { personnel } from '../src/modules/personnel/personnel.tables.ts';
import type { Platform } from '../src/platform/platform.ts';
import { randomIdNumber } from './factories.ts';
import { randomMobile } from './sms.ts';

/** A staff record written directly, its ID number and mobile sealed as the personnel service does. */
export async function buildStaffRecord(
  platform: Platform,
  input: { agencyId: string; idNumber?: string; posts?: string[]; status?: string; name?: string },
): Promise<typeof personnel.$inferSelect> {
  const idNumber = input.idNumber ?? randomIdNumber();
  const mobile = randomMobile();
  const [row] = await platform.db
    .insert(personnel)
    .values({
      agencyId: input.agencyId,
      name: input.name ?? '王小军',
      gender: 'male',
      idNumberEnc: platform.pii.encrypt(idNumber),
      idNumberHash: platform.pii.lookupHash(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      mobileEnc: platform.pii.encrypt(mobile),
      mobileHash: platform.pii.lookupHash(mobile),
      mobileMasked: maskMobile(mobile),
      title: 'engineer',
      posts: input.posts ?? ['sampler'],
      education: 'bachelor',
      status: input.status ?? 'approved',
    })
    .returning();
  if (!row) throw new Error('personnel not created');
  return row;
}
