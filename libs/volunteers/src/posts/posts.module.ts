import { Module } from '@nestjs/common';

/** Domain face of the posts area. */
@Module({})
export class PostsModule {}
