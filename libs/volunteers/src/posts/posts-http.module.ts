import { Module } from '@nestjs/common';
import { PostsModule } from './posts.module';

/** HTTP face of the posts area; mounted by the api. */
@Module({ imports: [PostsModule] })
export class PostsHttpModule {}
