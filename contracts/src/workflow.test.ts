import { describe, expect, it } from 'vitest';
import { agencyWorkflow } from './agency.workflow.ts';
import { isWithinRegion, regionPrefix } from './regions.ts';
import { availableActions, canTransition } from './workflow.ts';

describe('workflow helper', () => {
  it('allows an action only from its states and for its roles', () => {
    expect(canTransition(agencyWorkflow, 'submit', 'draft', 'agency_admin')).toBe(true);
    expect(canTransition(agencyWorkflow, 'submit', 'approved', 'agency_admin')).toBe(false);
    expect(canTransition(agencyWorkflow, 'submit', 'draft', 'regulator')).toBe(false);
    expect(canTransition(agencyWorkflow, 'approve', 'submitted', 'regulator')).toBe(true);
  });
  it('lists the buttons a role sees in a state, in table order', () => {
    expect(availableActions(agencyWorkflow, 'submitted', 'regulator')).toEqual(['approve', 'return']);
    expect(availableActions(agencyWorkflow, 'submitted', 'agency_admin')).toEqual([]);
    expect(availableActions(agencyWorkflow, 'returned', 'agency_admin')).toEqual(['submit']);
  });
});

describe('regions', () => {
  it('scopes by the significant prefix of a GB/T 2260 code', () => {
    expect(regionPrefix('510000')).toBe('51');
    expect(regionPrefix('510100')).toBe('5101');
    expect(regionPrefix('510104')).toBe('510104');
    expect(isWithinRegion('510104', '510100')).toBe(true);
    expect(isWithinRegion('510703', '510100')).toBe(false);
    expect(isWithinRegion('510703', '510000')).toBe(true);
  });
});
