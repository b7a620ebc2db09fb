import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Roles } from '@mkt/shared/auth';
import { Responds, schema } from '@mkt/shared/http';
import { SubmitBeaconHandler } from './submit-beacon.handler';
import { SubmitBeaconRequestDto } from './submit-beacon.request.dto';

@Controller('api/draw/draws')
export class SubmitBeaconHttpController {
  constructor(private readonly handler: SubmitBeaconHandler) {}

  /** Repeating it is harmless: a revealed draw answers with its result and changes nothing. */
  @Post(':drawId/beacon')
  @HttpCode(200)
  @Roles('OWNER', 'SUPERVISOR', 'ADMIN')
  @Responds(schema.object({ drawId: schema.uuid(), winners: schema.array(schema.string()) }))
  submit(@Param('drawId', new ParseUUIDPipe()) drawId: string, @Body() body: SubmitBeaconRequestDto) {
    return this.handler.execute({ drawId, round: body.round, signature: body.signature });
  }
}
