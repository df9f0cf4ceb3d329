import './sync.css';
import Badge from 'antd-mobile/es/components/badge';
import { LoopOutline } from 'antd-mobile-icons';
import { useNavigate } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { useOutbox, useSyncStatus } from './use-sync.ts';

/** In every page header: how many records wait on the phone, whether the network is there; opens 同步队列. */
export function SyncBadge() {
  const navigate = useNavigate();
  const items = useOutbox();
  const status = useSyncStatus();
  const { state } = useSession();
  const isOffline = !status.isOnline || (state.status === 'authenticated' && state.isOffline);
  const count = items.length;
  const hasRefused = items.some((item) => item.state === 'refused');
  const label = count > 0 ? `同步队列，待同步 ${count} 项` : '同步队列，全部已同步';

  return (
    <button type="button" className="sync-badge" aria-label={label} onClick={() => navigate('/sync')}>
      {isOffline && <span className="sync-offline">离线</span>}
      <Badge content={count > 0 ? count : null} color={hasRefused ? 'var(--adm-color-danger)' : undefined}>
        <LoopOutline className="sync-icon" />
      </Badge>
    </button>
  );
}
