import { SendNotificationJob } from '@linli/platform';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { InvalidNotificationJobError } from '../invalid-notification-job.error';
import { NotificationRecipientInput } from '../notification-recipient.input';

/** The `send-notification` job payload, validated: it comes from Redis, written by any producer. */
export class SendNotificationCommand implements SendNotificationJob {
  @IsObject()
  @ValidateNested()
  @Type(() => NotificationRecipientInput)
  recipient: NotificationRecipientInput;

  @IsString()
  @Matches(/^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/)
  templateKey: string;

  @IsObject()
  data: Record<string, unknown>;

  @IsString()
  @Length(1, 200)
  dedupeKey: string;

  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  channels?: string[];

  /** Validates a raw job payload; throws `InvalidNotificationJobError` naming what is wrong. */
  static parse(payload: unknown): SendNotificationCommand {
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      throw new InvalidNotificationJobError('notification job payload must be an object');
    }
    const command = plainToInstance(SendNotificationCommand, payload);
    const errors = validateSync(command, { whitelist: true, forbidUnknownValues: true });
    if (errors.length > 0) {
      const flat = errors.flatMap((e) => [
        e,
        ...(e.children ?? []).map((c) => ({ ...c, property: `${e.property}.${c.property}` })),
      ]);
      const problems = flat
        .filter((e) => e.constraints)
        .map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
      throw new InvalidNotificationJobError(`invalid notification job: ${problems.join('; ')}`);
    }
    if (!command.recipient.userId && !command.recipient.personId) {
      throw new InvalidNotificationJobError('invalid notification job: recipient needs a userId or a personId');
    }
    return command;
  }
}
