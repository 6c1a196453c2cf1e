import { InvalidNotificationJobError } from '../invalid-notification-job.error';
import { SendNotificationCommand } from './send-notification.command';

describe('SendNotificationCommand.parse', () => {
  const valid = {
    recipient: { personId: '0b9d3c1e-5f7a-4c2b-9e8d-1a2b3c4d5e6f' },
    templateKey: 'points.earned',
    data: { points: 5, reason: '参加志愿服务' },
    dedupeKey: 'points.earned:evt-1',
  };

  it('accepts a well-formed payload and keeps its data as given', () => {
    const command = SendNotificationCommand.parse(valid);
    expect(command).toBeInstanceOf(SendNotificationCommand);
    expect(command.data).toEqual({ points: 5, reason: '参加志愿服务' });
    expect(command.recipient.personId).toBe(valid.recipient.personId);
  });

  it('refuses a payload without any recipient id', () => {
    expect(() => SendNotificationCommand.parse({ ...valid, recipient: {} })).toThrow(
      'recipient needs a userId or a personId',
    );
  });

  it('names each malformed field', () => {
    const parse = () =>
      SendNotificationCommand.parse({
        ...valid,
        recipient: { userId: 'nope' },
        templateKey: 'Points',
        dedupeKey: '',
        channels: [],
      });
    expect(parse).toThrow(InvalidNotificationJobError);
    expect(parse).toThrow(/recipient\.userId: .*templateKey: .*dedupeKey: .*channels: /);
  });

  it('refuses something that is not an object', () => {
    expect(() => SendNotificationCommand.parse('send it')).toThrow('notification job payload must be an object');
  });
});
