import { defineEvent } from '@tsunagu/core';

// A cohort allocation the intermediary asked for is ready to review (proposed or failed).
export const ALLOCATION_READY = defineEvent<{ allocationId: string }>()('ALLOCATION_READY');
