import { defineEvent } from '@tsunagu/core';

// A person deleted their account. Published in the deletion's transaction: each context that
// holds personal data erases or anonymises it there (@OnEvent), so the deletion commits whole.
export const ACCOUNT_DELETED = defineEvent<{ userId: string }>()('ACCOUNT_DELETED');
