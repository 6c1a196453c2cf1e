import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '@linli/platform';
import { FastifyReply } from 'fastify';
import { HotlineCaseDto, HotlineReceiptDto } from './dto/hotline-case.dto';
import { HotlineIntakeUseCase } from './hotline-intake.usecase';
import { HotlineSignatureGuard } from './hotline-signature.guard';

@ApiTags('cases/intake')
@Controller('cases/intake')
export class HotlineIntakeController {
  constructor(private readonly intake: HotlineIntakeUseCase) {}

  @Post('hotline')
  @Public()
  @UseGuards(HotlineSignatureGuard)
  @HttpCode(201)
  @ApiOperation({
    summary: 'A 12345 hotline ticket (signed): registered as a case once per ticket number',
    description:
      'Signed like Linli webhooks: x-linli-signature = sha256=<hex HMAC-SHA256 over "timestamp.rawBody"> with CASES_HOTLINE_SECRET; x-linli-timestamp in unix seconds, within 5 minutes. 201 for a new ticket, 200 with the same case for a redelivery. Status changes go back through the webhook channel (template cases.hotline-status).',
  })
  @ApiHeader({ name: 'x-linli-signature', required: true })
  @ApiHeader({ name: 'x-linli-timestamp', required: true })
  @ApiCreatedResponse({ type: HotlineReceiptDto })
  @ApiOkResponse({ type: HotlineReceiptDto, description: 'A redelivery: the case the ticket became' })
  @ApiBadRequestResponse({ description: 'validation.failed; cases.unknown-category; cases.no-level' })
  @ApiUnauthorizedResponse({ description: 'cases.hotline-signature' })
  @ApiNotFoundResponse({ description: 'cases.hotline-disabled: the deployment set no CASES_HOTLINE_SECRET' })
  async receive(
    @Body() body: HotlineCaseDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HotlineReceiptDto> {
    const receipt = await this.intake.execute(body);
    if (!receipt.created) reply.status(200);
    return receipt;
  }
}
