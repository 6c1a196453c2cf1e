import { Module } from '@nestjs/common';
import { PostShiftsController } from './post-shifts.controller';
import { PostsController } from './posts.controller';
import { PostsModule } from './posts.module';

/** HTTP face of the posts area; mounted by the api. */
@Module({ imports: [PostsModule], controllers: [PostsController, PostShiftsController] })
export class PostsHttpModule {}
