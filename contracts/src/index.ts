import './zod-locale.ts';

export * from './agency.schemas.ts';
export * from './agency.workflow.ts';
export * from './attachments.schemas.ts';
export * from './auth.schemas.ts';
export * from './dicts.ts';
export * from './errors.ts';
export * from './fields.ts';
export * from './mask.ts';
export * from './paging.ts';
export * from './password.ts';
export * from './personnel.schemas.ts';
export * from './personnel.workflow.ts';
export * from './regions.ts';
export * from './registration.schemas.ts';
export * from './roles.ts';
export * from './validators.ts';
export * from './workflow.ts';
