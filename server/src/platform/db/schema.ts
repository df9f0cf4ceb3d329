export { agencies } from '../../modules/agencies/agencies.tables.ts';
export { agencyRevisions } from '../../modules/agencies/agency-revisions.tables.ts';
export { dictItems } from '../../modules/dicts/dicts.tables.ts';
export { fieldPhotos, fieldUploads } from '../../modules/field-photos/field-photos.tables.ts';
export {
  fieldTaskEvents,
  fieldTasks,
  fieldTrackPoints,
} from '../../modules/field-tasks/field-tasks.tables.ts';
export { notifications } from '../../modules/notifications/notifications.tables.ts';
export { personnel } from '../../modules/personnel/personnel.tables.ts';
export {
  projectAssignments,
  projectItems,
  projectReports,
  projectSequences,
  projects,
} from '../../modules/projects/projects.tables.ts';
export { captchaChallenges, publicLookups, reportViews } from '../../modules/public/public.tables.ts';
export { regions } from '../../modules/regions/regions.tables.ts';
export { reviewRecords } from '../../modules/reviews/reviews.tables.ts';
export { ssoRequests } from '../../modules/sso/sso.tables.ts';
export { users } from '../../modules/users/users.tables.ts';
export {
  violationRoundFiles,
  violationRounds,
  violations,
} from '../../modules/violations/violations.tables.ts';
export { auditLog } from '../audit/audit.tables.ts';
export { sessions } from '../auth/sessions.tables.ts';
export { attachments } from '../files/files.tables.ts';
export { smsCodes, smsOutbox } from '../sms/sms.tables.ts';
