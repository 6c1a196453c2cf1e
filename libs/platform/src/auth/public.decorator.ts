import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'linli:public';

/** Marks a route (or controller) that needs no login: health, login itself. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
