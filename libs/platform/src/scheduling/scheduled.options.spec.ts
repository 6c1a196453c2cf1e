import { ScheduledOptions, validateScheduledOptions } from './scheduled.options';

const valid: ScheduledOptions = {
  name: 'organization.structure-check',
  cron: '0 3 1 * *',
  period: 'month',
  periodOffset: 'previous',
};

describe('@Scheduled declarations', () => {
  it('accepts five-field and six-field cron patterns with an optional zone', () => {
    expect(() => validateScheduledOptions(valid)).not.toThrow();
    expect(() =>
      validateScheduledOptions({ ...valid, cron: '*/10 * * * * *', timeZone: 'Asia/Shanghai' }),
    ).not.toThrow();
    expect(() => validateScheduledOptions({ ...valid, cron: '0 2 1 1,4,7,10 *', period: 'quarter' })).not.toThrow();
  });

  it.each<[string, Partial<ScheduledOptions>]>([
    ['a name with a colon (BullMQ ids forbid it)', { name: 'organization:check' }],
    ['a name with upper case', { name: 'Organization.Check' }],
    ['a cron with four fields', { cron: '0 3 1 *' }],
    ['a cron with seven fields', { cron: '0 0 3 1 * * 2026' }],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }],
    ['an unknown period', { period: 'fortnight' as ScheduledOptions['period'] }],
    ['an unknown offset', { periodOffset: 'next' as ScheduledOptions['periodOffset'] }],
  ])('refuses %s', (_, change) => {
    expect(() => validateScheduledOptions({ ...valid, ...change })).toThrow();
  });
});
