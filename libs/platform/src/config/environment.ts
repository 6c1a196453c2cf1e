import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const blankToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

const BOOLEAN = ['true', 'false', '1', '0'];

/** Every environment variable Linli reads, with its rule. Defaults live in `loadConfig`. */
export class Environment {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(1)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'SCHEDULER_PORT must be a whole number' })
  @Min(1)
  @Max(65535)
  SCHEDULER_PORT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'NOTIFIER_PORT must be a whole number' })
  @Min(1)
  @Max(65535)
  NOTIFIER_PORT?: number;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[a-z\s,-]*$/, { message: 'LINLI_MODULES must be a comma-separated list of module names' })
  LINLI_MODULES?: string;

  @Transform(blankToUndefined)
  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.JWT_SECRET !== undefined)
  @IsString({ message: 'JWT_SECRET is required in production' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'JWT_TTL_SECONDS must be a whole number' })
  @Min(60)
  JWT_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'QUEUE_LOCK_SECONDS must be a whole number' })
  @Min(1)
  QUEUE_LOCK_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'AUTH_CACHE_SECONDS must be a whole number' })
  @Min(0)
  AUTH_CACHE_SECONDS?: number;

  @Transform(blankToUndefined)
  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.PII_ENCRYPTION_KEY !== undefined)
  @IsString({ message: 'PII_ENCRYPTION_KEY is required in production' })
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'PII_ENCRYPTION_KEY must be 32 bytes in base64 (44 characters)' })
  PII_ENCRYPTION_KEY?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX may hold letters, digits, "-" and "_" only' })
  QUEUE_PREFIX?: string;

  @IsOptional()
  @IsString()
  BUSINESS_TIME_ZONE?: string;

  @IsOptional()
  @Matches(/^[a-z0-9_.-]{3,64}$/, { message: 'LINLI_ADMIN_USERNAME must be 3-64 of a-z 0-9 _ . -' })
  LINLI_ADMIN_USERNAME?: string;

  @Transform(blankToUndefined)
  @ValidateIf((env: Environment) => env.LINLI_ADMIN_PASSWORD !== undefined)
  @MinLength(10, { message: 'LINLI_ADMIN_PASSWORD must be at least 10 characters' })
  LINLI_ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(['pretty', 'json'], { message: 'LOG_FORMAT must be pretty or json' })
  LOG_FORMAT?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'BODY_LIMIT_BYTES must be a whole number' })
  @Min(1024)
  BODY_LIMIT_BYTES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'OUTBOX_POLL_MS must be a whole number' })
  @Min(10)
  OUTBOX_POLL_MS?: number;

  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'NOTIFY_WEBHOOK_URL must be an http(s) URL' })
  NOTIFY_WEBHOOK_URL?: string;

  @Transform(blankToUndefined)
  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' && env.NOTIFY_WEBHOOK_URL !== undefined)
  @IsString({ message: 'NOTIFY_WEBHOOK_SECRET is required in production when NOTIFY_WEBHOOK_URL is set' })
  @MinLength(16, { message: 'NOTIFY_WEBHOOK_SECRET must be at least 16 characters' })
  NOTIFY_WEBHOOK_SECRET?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'CASES_HOTLINE_SECRET must be at least 16 characters' })
  CASES_HOTLINE_SECRET?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsUUID('all', { message: 'CASES_HOTLINE_ACCOUNT_ID must be the id of an account' })
  CASES_HOTLINE_ACCOUNT_ID?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'NOTIFY_WEBHOOK_TIMEOUT_MS must be a whole number' })
  @Min(100)
  NOTIFY_WEBHOOK_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'NOTIFY_MAX_ATTEMPTS must be a whole number' })
  @Min(1)
  @Max(20)
  NOTIFY_MAX_ATTEMPTS?: number;

  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(
    /^(true|false|\d{1,2}|(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?))*)$/,
    {
      message: 'TRUST_PROXY must be true, false, a hop count, or a comma list of proxy addresses/CIDRs',
    },
  )
  TRUST_PROXY?: string;

  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(BOOLEAN, { message: 'DOCS_ENABLED must be true or false' })
  DOCS_ENABLED?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(BOOLEAN, { message: 'METRICS_ENABLED must be true or false' })
  METRICS_ENABLED?: string;

  @Transform(blankToUndefined)
  @ValidateIf((env: Environment) => env.METRICS_TOKEN !== undefined)
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'THROTTLE_LOGIN_LIMIT must be a whole number' })
  @Min(1)
  THROTTLE_LOGIN_LIMIT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'THROTTLE_LOGIN_IP_LIMIT must be a whole number' })
  @Min(1)
  THROTTLE_LOGIN_IP_LIMIT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'THROTTLE_LOGIN_TTL_SECONDS must be a whole number' })
  @Min(1)
  THROTTLE_LOGIN_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'THROTTLE_LOGIN_BLOCK_SECONDS must be a whole number' })
  @Min(1)
  THROTTLE_LOGIN_BLOCK_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'THROTTLE_PII_LOOKUP_LIMIT must be a whole number' })
  @Min(1)
  THROTTLE_PII_LOOKUP_LIMIT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'THROTTLE_PII_LOOKUP_TTL_SECONDS must be a whole number' })
  @Min(1)
  THROTTLE_PII_LOOKUP_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'THROTTLE_CODE_LIMIT must be a whole number' })
  @Min(1)
  THROTTLE_CODE_LIMIT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'THROTTLE_CODE_TTL_SECONDS must be a whole number' })
  @Min(1)
  THROTTLE_CODE_TTL_SECONDS?: number;

  @IsOptional()
  @IsString()
  LINLI_LOCAL_DIR?: string;
}
