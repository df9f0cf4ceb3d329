import NavBar from 'antd-mobile/es/components/nav-bar';
import SafeArea from 'antd-mobile/es/components/safe-area';
import type { ReactNode } from 'react';

type PageProps = {
  title: ReactNode;
  /** Shows the back arrow and what it does; top-level pages have none. */
  onBack?: () => void;
  right?: ReactNode;
  children: ReactNode;
};

/** A screen: the navigation bar under the status bar, and its scrolling content. */
export function Page({ title, onBack, right, children }: PageProps) {
  return (
    <div className="page">
      <header className="page-header">
        <SafeArea position="top" />
        <NavBar back={onBack ? '返回' : null} backIcon={Boolean(onBack)} onBack={onBack} right={right}>
          {title}
        </NavBar>
      </header>
      <main className="page-body">{children}</main>
    </div>
  );
}
