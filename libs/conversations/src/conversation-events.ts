import { defineEvent } from '@tsunagu/core';

// Someone wrote in a thread; the thread's other parties hear of it.
export const MESSAGE_POSTED = defineEvent<{ messageId: string }>()('MESSAGE_POSTED');
