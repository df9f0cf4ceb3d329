export { agencies } from '../../modules/agencies/agencies.tables.ts';
export { dictItems } from '../../modules/dicts/dicts.tables.ts';
export { personnel } from '../../modules/personnel/personnel.tables.ts';
export { regions } from '../../modules/regions/regions.tables.ts';
export { users } from '../../modules/users/users.tables.ts';
export { auditLog } from '../audit/audit.tables.ts';
export { sessions } from '../auth/sessions.tables.ts';
export { attachments } from '../files/files.tables.ts';
