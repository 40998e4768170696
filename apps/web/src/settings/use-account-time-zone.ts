import { useQuery } from 'urql';
import { useSession } from '../auth/session-context';
import { MySettingsQuery } from './settings-documents';

// The time zone the signed-in person chose in their settings, for showing when things happened;
// undefined (the browser's own) for guests and until the settings have loaded.
export function useAccountTimeZone(): string | undefined {
  const { current } = useSession();
  const [{ data }] = useQuery({ query: MySettingsQuery, pause: !current });
  return current ? (data?.me?.timeZone ?? undefined) : undefined;
}
