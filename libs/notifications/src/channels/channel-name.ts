/** Names of the built-in channels; values are stored in delivery records. */
export const ChannelName = {
  Inbox: 'inbox',
  Webhook: 'webhook',
} as const;
