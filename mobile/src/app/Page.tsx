import NavBar from 'antd-mobile/es/components/nav-bar';
import SafeArea from 'antd-mobile/es/components/safe-area';
import type { ReactNode } from 'react';
import { SyncBadge } from '../features/sync/SyncBadge.tsx';

type PageProps = {
  title: ReactNode;
  /** Shows the back arrow and what it does; top-level pages have none. */
  onBack?: () => void;
  right?: ReactNode;
  children: ReactNode;
};

/** A screen: the navigation bar under the status bar (with the sync badge), and its scrolling content. */
export function Page({ title, onBack, right, children }: PageProps) {
  return (
    <div className="page">
      <header className="page-header">
        <SafeArea position="top" />
        <NavBar
          back={onBack ? '返回' : null}
          backIcon={Boolean(onBack)}
          onBack={onBack}
          right={
            <span className="page-header-right">
              {right}
              <SyncBadge />
            </span>
          }
        >
          <h1 className="page-title">{title}</h1>
        </NavBar>
      </header>
      <main className="page-body">{children}</main>
    </div>
  );
}
