import { IsOptional, IsUUID } from 'class-validator';

export class NotificationRecipientInput {
  @IsOptional()
  @IsUUID()
  userId?: string;

  @IsOptional()
  @IsUUID()
  personId?: string;
}
