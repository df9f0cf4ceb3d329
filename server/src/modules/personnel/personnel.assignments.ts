import type { Db } from '../../platform/db/client.ts';

/** Work a staff member still has to finish, which forbids deleting the record. */
export type BlockingAssignment = { kind: 'project' | 'field_task'; id: string; label: string };

/**
 * The unfinished projects and field tasks a staff member is assigned to. Projects do not exist
 * yet, so nothing blocks today: this is the one place the project issue extends.
 */
export async function findBlockingAssignments(_db: Db, _personnelId: string): Promise<BlockingAssignment[]> {
  return [];
}
