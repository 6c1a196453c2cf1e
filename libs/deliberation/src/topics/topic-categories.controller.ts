import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyAuthenticated, Permission, RequirePermission } from '@linli/platform';
import { CategoryDto, CategoryListDto, CreateCategoryDto } from './dto/category.dto';
import { TopicCategoriesService } from './topic-categories.service';

@ApiTags('deliberation/topics')
@Controller('deliberation/categories')
export class TopicCategoriesController {
  constructor(private readonly categories: TopicCategoriesService) {}

  @Get()
  @AnyAuthenticated()
  @ApiOperation({ summary: 'Topic categories: the built-in ones, then those the deployment added' })
  @ApiOkResponse({ type: CategoryListDto })
  list(): Promise<CategoryListDto> {
    return this.categories.list();
  }

  @Post()
  @RequirePermission(Permission.DeliberationSettingsManage)
  @ApiOperation({
    summary: 'Add a category of the deployment',
    description: 'Audited as deliberation.category-created.',
  })
  @ApiCreatedResponse({ type: CategoryDto })
  @ApiConflictResponse({ description: 'deliberation.category-exists' })
  create(@Body() body: CreateCategoryDto): Promise<CategoryDto> {
    return this.categories.create(body);
  }
}
