import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AnyAuthenticated, AuthenticatedUser, CurrentUser, Permission, RequirePermission } from '@linli/platform';
import { CategoriesService } from './categories.service';
import { CaseCategoryDto, CaseCategoryListDto, CreateCaseCategoryDto } from './dto/case-category.dto';

@ApiTags('cases/categories')
@Controller('cases/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @AnyAuthenticated()
  @ApiOperation({ summary: 'The category tree with its time limits (residents pick one when they report)' })
  @ApiOkResponse({ type: CaseCategoryListDto })
  list(): Promise<CaseCategoryListDto> {
    return this.categories.list();
  }

  @Post()
  @RequirePermission(Permission.CasesManage)
  @ApiOperation({
    summary: 'Add a category with its response limit (hours) and resolution limit (working days, or hours)',
    description: 'Audited as cases.category-created.',
  })
  @ApiCreatedResponse({ type: CaseCategoryDto })
  @ApiBadRequestResponse({ description: 'validation.failed; cases.category-limits; cases.category-unknown (parent)' })
  @ApiConflictResponse({ description: 'cases.category-exists' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateCaseCategoryDto): Promise<CaseCategoryDto> {
    return this.categories.create(user, body);
  }
}
