import NoticeBar from 'antd-mobile/es/components/notice-bar';
import { ExclamationCircleOutline } from 'antd-mobile-icons';

const softRed = {
  '--background-color': '#fff1f0',
  '--border-color': '#ffccc7',
  '--text-color': '#cf1322',
  '--font-size': '14px',
};

/** A failure message that stays until the next attempt, announced to screen readers. */
export function ErrorNotice({ message, className }: { message: string; className?: string }) {
  return (
    <div role="alert" className={className}>
      <NoticeBar
        className="error-notice"
        color="error"
        shape="neutral"
        style={softRed}
        bordered
        wrap
        icon={<ExclamationCircleOutline />}
        content={message}
      />
    </div>
  );
}
