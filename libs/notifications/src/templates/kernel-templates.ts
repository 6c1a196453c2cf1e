import { defineNotificationTemplates } from '@linli/platform';

/** Template keys the kernel itself sends. Domains define theirs next to their own code. */
export const KernelTemplate = {
  SystemTest: 'system.test',
  AccountCreated: 'account.created',
} as const;

defineNotificationTemplates({
  [KernelTemplate.SystemTest]: { title: '测试通知', body: '这是一条测试通知：{{message}}' },
  [KernelTemplate.AccountCreated]: {
    title: '账号已开通',
    body: '{{displayName}}，您好！您的邻里账号 {{username}} 已开通，请登录后及时修改初始密码。',
  },
});
