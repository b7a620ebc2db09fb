import { Controller, HttpCode, Post } from '@nestjs/common';
import { Roles } from '@mkt/shared/auth';
import { checkpointView } from '../../log-response.mapper';
import { LogSigner } from '../../log-signer';
import { SignCheckpointHandler } from './sign-checkpoint.handler';

@Controller('api/audit/checkpoints')
export class SignCheckpointHttpController {
  constructor(
    private readonly handler: SignCheckpointHandler,
    private readonly signer: LogSigner,
  ) {}

  /** A supervisor asks for a checkpoint now, e.g. before taking an export; a log that has not grown is not re-signed. */
  @Post()
  @HttpCode(200)
  @Roles('SUPERVISOR')
  async sign() {
    const { created, checkpoint } = await this.handler.execute();
    return { created, checkpoint: checkpointView(checkpoint, await this.signer.key()) };
  }
}
