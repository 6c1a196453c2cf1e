import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission } from '@linli/platform';
import { DepartmentsService } from './departments.service';
import {
  CaseDepartmentDto,
  CaseDepartmentPageDto,
  CaseDepartmentsQueryDto,
  CreateCaseDepartmentDto,
} from './dto/case-department.dto';

@ApiTags('cases/departments')
@Controller('cases/departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Post()
  @RequirePermission(Permission.CasesManage)
  @ApiOperation({
    summary:
      'Register a department (住建、司法所、城管、派出所…) at a street or district with the categories it handles',
    description: 'Audited as cases.department-created.',
  })
  @ApiCreatedResponse({ type: CaseDepartmentDto })
  @ApiBadRequestResponse({ description: 'validation.failed; cases.department-unit; cases.category-unknown' })
  @ApiNotFoundResponse({ description: 'resource.not-found: the unit is unknown or outside your scope' })
  @ApiConflictResponse({ description: 'cases.department-exists' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateCaseDepartmentDto): Promise<CaseDepartmentDto> {
    return this.departments.create(user, body);
  }

  @Get()
  @RequirePermission(Permission.CasesRead)
  @ApiOperation({ summary: 'Departments in your scope, by unit and category' })
  @ApiOkResponse({ type: CaseDepartmentPageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unitId unknown or outside your scope' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: CaseDepartmentsQueryDto,
  ): Promise<CaseDepartmentPageDto> {
    return this.departments.list(user, query);
  }
}
