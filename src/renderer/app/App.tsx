import { useCallback, useEffect, useRef, useState } from 'react';
import { subscribe } from '../api/client';
import { useT } from '../i18n/locale-context';
import { AuditScreen } from '../screens/audit-log/AuditScreen';
import { IntakeScreen } from '../screens/intake/IntakeScreen';
import { MeetingsScreen } from '../screens/meetings/MeetingsScreen';
import { ReviewScreen } from '../screens/review/ReviewScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { SummaryScreen } from '../screens/summary/SummaryScreen';
import { NavSidebar } from './NavSidebar';
import type { ScreenId } from './screens';
import { TopBar } from './TopBar';

export function App() {
  const t = useT();
  const [screen, setScreen] = useState<ScreenId>('intake');
  // The File menu's "Back up…" not yet taken by Settings' backup panel: a new number each time.
  const [backupRequest, setBackupRequest] = useState<number | null>(null);
  const backupRequests = useRef(0);
  const backupTaken = useCallback(() => setBackupRequest(null), []);

  useEffect(
    () =>
      subscribe('backup:requested', () => {
        setScreen('settings');
        backupRequests.current += 1;
        setBackupRequest(backupRequests.current);
      }),
    [],
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <TopBar onOpenSettings={() => setScreen('settings')} />
      <div className="shell__body">
        <NavSidebar current={screen} onNavigate={setScreen} />
        <main
          id="main-content"
          className="shell__main"
          tabIndex={-1}
          data-testid={`screen-${screen}`}
        >
          {screen === 'intake' && <IntakeScreen onNavigate={setScreen} />}
          {screen === 'review' && <ReviewScreen />}
          {screen === 'meetings' && <MeetingsScreen />}
          {screen === 'summary' && <SummaryScreen />}
          {screen === 'audit' && <AuditScreen />}
          {screen === 'settings' && (
            <SettingsScreen backupRequest={backupRequest} onBackupTaken={backupTaken} />
          )}
        </main>
      </div>
    </div>
  );
}
