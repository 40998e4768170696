import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { Session, SessionState } from './session';

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

// The session and its current state; components re-render when someone signs in or out.
export function useSession(): { session: Session; current: SessionState | undefined } {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  const current = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return { session, current };
}
