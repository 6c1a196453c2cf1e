import { Module } from '@nestjs/common';
import { PostsModule } from './posts.module';

/** Jobs face of the posts area; mounted by the scheduler. */
@Module({ imports: [PostsModule] })
export class PostsJobsModule {}
