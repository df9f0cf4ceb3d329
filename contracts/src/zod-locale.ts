import { z } from 'zod';

// Messages a schema does not set itself come out in Chinese, on the server and in the forms.
z.config(z.locales.zhCN());
