import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AnyAuthenticated,
  AuthenticatedUser,
  CurrentUser,
  Permission,
  RequirePermission,
  UuidParam,
} from '@linli/platform';
import { AddShiftsDto } from './dto/add-shifts.dto';
import { CreatePostDto } from './dto/create-post.dto';
import { PostDetailDto, PostPageDto } from './dto/post.dto';
import { PostsQueryDto } from './dto/posts-query.dto';
import { PostsService } from './posts.service';

@ApiTags('volunteers/posts')
@Controller('volunteers/posts')
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  @Post()
  @RequirePermission(Permission.VolunteersManage)
  @ApiOperation({
    summary: 'Publish a service post (志愿服务岗位) with its shifts at a community or a unit below it',
    description: 'Audited as volunteers.post-created.',
  })
  @ApiCreatedResponse({ type: PostDetailDto })
  @ApiBadRequestResponse({
    description: 'validation.failed; volunteers.post-unit-level; volunteers.shift-times; volunteers.unknown-skill',
  })
  @ApiNotFoundResponse({ description: 'resource.not-found: the unit is unknown or outside your scope' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreatePostDto): Promise<PostDetailDto> {
    return this.posts.create(user, body);
  }

  @Get()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'Service posts you may see, newest first',
    description:
      'Staff: those in their volunteers.read scope. Residents and members: those of the community they live in and of the communities where they are dual-registered. Everyone: the posts they published.',
  })
  @ApiOkResponse({ type: PostPageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unitId unknown or not visible to you' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: PostsQueryDto): Promise<PostPageDto> {
    return this.posts.list(user, query);
  }

  @Get(':id')
  @AnyAuthenticated()
  @ApiOperation({ summary: 'One post with its shifts and the slots left in each' })
  @ApiOkResponse({ type: PostDetailDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<PostDetailDto> {
    return this.posts.get(user, id);
  }

  @Post(':id/shifts')
  @RequirePermission(Permission.VolunteersManage)
  @ApiOperation({
    summary: "Add shifts to a post (each with the post's slots per shift)",
    description:
      'Staff with volunteers.manage where the post is, or its publisher. Audited as volunteers.post-shifts-added.',
  })
  @ApiCreatedResponse({ type: PostDetailDto })
  @ApiBadRequestResponse({ description: 'validation.failed; volunteers.shift-times' })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  addShifts(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: AddShiftsDto,
  ): Promise<PostDetailDto> {
    return this.posts.addShifts(user, id, body);
  }
}
