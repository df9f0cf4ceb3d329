import { Flex, Tag } from 'antd';
import dayjs from 'dayjs';
import { displayTimeZone, formatDate } from '../../app/time.ts';

type Validity = 'valid' | 'expired' | 'unknown';

/** Whether a CMA certificate is in force today (Beijing date); dates are `YYYY-MM-DD` or ISO. */
export function cmaValidity(validTo: string | null, today = dayjs().tz(displayTimeZone)): Validity {
  if (!validTo) return 'unknown';
  return formatDate(validTo) >= today.format('YYYY-MM-DD') ? 'valid' : 'expired';
}

function ValidityTag({ validity }: { validity: Validity }) {
  switch (validity) {
    case 'valid':
      return <Tag color="success">有效</Tag>;
    case 'expired':
      return <Tag color="error">已过期</Tag>;
    case 'unknown':
      return <Tag>未登记</Tag>;
    default: {
      const unknown: never = validity;
      return <Tag>{String(unknown)}</Tag>;
    }
  }
}

/** 资质有效期: the period and whether it is in force. */
export function CmaValidity({ validFrom, validTo }: { validFrom: string | null; validTo: string | null }) {
  const validity = cmaValidity(validTo);
  return (
    <Flex gap={6} align="center" wrap>
      {validity !== 'unknown' && (
        <span>
          {validFrom ? `${formatDate(validFrom)} 至 ${formatDate(validTo)}` : `至 ${formatDate(validTo)}`}
        </span>
      )}
      <ValidityTag validity={validity} />
    </Flex>
  );
}
