import Input from 'antd-mobile/es/components/input';
import { EyeInvisibleOutline, EyeOutline } from 'antd-mobile-icons';
import { useState } from 'react';

type PasswordInputProps = {
  placeholder: string;
  autoComplete: 'current-password' | 'new-password';
  /** Set by Form.Item. */
  value?: string;
  onChange?: (value: string) => void;
};

/** A password field with a show/hide eye, since typing blind on a phone keyboard is error-prone. */
export function PasswordInput({ placeholder, autoComplete, value, onChange }: PasswordInputProps) {
  const [isVisible, setVisible] = useState(false);
  return (
    <div className="password-input">
      <Input
        type={isVisible ? 'text' : 'password'}
        placeholder={placeholder}
        autoComplete={autoComplete}
        maxLength={256}
        value={value}
        onChange={onChange}
      />
      <button
        type="button"
        className="password-eye"
        aria-label={isVisible ? '隐藏密码' : '显示密码'}
        onClick={() => setVisible((visible) => !visible)}
      >
        {isVisible ? <EyeOutline /> : <EyeInvisibleOutline />}
      </button>
    </div>
  );
}
