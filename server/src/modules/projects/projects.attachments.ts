import type { ProjectStatus } from '@eco/contracts';
import { isProjectRegistrar } from '@eco/contracts';
import { isAgencyApproved } from '../agencies/agencies.policy.ts';
import { findAgency } from '../agencies/agencies.queries.ts';
import { registerAttachmentOwner } from '../attachments/attachment-owners.ts';
import { listDraftAgencyIds } from './project-drafts.ts';
import { canHandleProject, canReadProject, canRegisterProject } from './projects.policy.ts';
import { findProject, findProjectIdOwner } from './projects.queries.ts';

/**
 * 附件资料 hang on a project (owner type `project`) and, before 保存, on the form's id
 * (`project_draft`); reports' files hang on the project as `report`, written only by the
 * reports service.
 */
export function registerProjectAttachments(): void {
  registerAttachmentOwner('project', async (db, ownerId) => {
    const found = await findProject(db, ownerId);
    if (!found) return null;
    const project = { ...found, status: found.status as ProjectStatus };
    return {
      agencyId: project.agencyId,
      canRead: (actor) => canReadProject(actor, project),
      canWrite: (actor) => canHandleProject(actor, project),
    };
  });

  registerAttachmentOwner('report', async (db, ownerId) => {
    const project = await findProject(db, ownerId);
    if (!project) return null;
    return {
      agencyId: project.agencyId,
      canRead: (actor) => canReadProject(actor, project),
      canWrite: () => false,
    };
  });

  // A draft belongs to the caller's agency, unless another agency already uploaded to the same
  // id or the form was saved (its files are then the project's).
  registerAttachmentOwner('project_draft', async (db, ownerId, actor) => {
    const agencyId = actor.agencyId;
    if (!agencyId || !isProjectRegistrar(actor.role)) return null;
    if (await findProjectIdOwner(db, ownerId)) return null;
    const others = (await listDraftAgencyIds(db, ownerId)).filter((id) => id !== agencyId);
    if (others.length > 0) return null;
    const agency = await findAgency(db, agencyId);
    if (!agency) return null;
    const registering = { id: agency.id, isApproved: isAgencyApproved(agency) };
    return {
      agencyId,
      canRead: (reader) => isProjectRegistrar(reader.role) && reader.agencyId === agencyId,
      canWrite: (writer) => canRegisterProject(writer, registering),
    };
  });
}
