import { useEffect, useRef } from 'react';
import type { UseQueryExecute } from 'urql';

// A list of notifications on screen is asked again whenever the unread count grows: the count
// moves with each notification pushed and with the catch-up after the socket reconnects, so the
// list never stays behind the bell (not even when a push lands while the list is on its way).
export function useListFollowsUnreadCount(unread: number, refetch: UseQueryExecute): void {
  const seen = useRef(unread);
  useEffect(() => {
    if (unread > seen.current) refetch({ requestPolicy: 'network-only' });
    seen.current = unread;
  }, [unread, refetch]);
}
