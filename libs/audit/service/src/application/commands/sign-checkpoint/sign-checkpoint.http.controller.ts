import { Controller, HttpCode, Post } from '@nestjs/common';
import { Roles } from '@mkt/shared/auth';
import { Responds, schema } from '@mkt/shared/http';
import { CHECKPOINT_VIEW } from '../../http-responses';
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
  @Responds(schema.object({ created: schema.boolean(), checkpoint: CHECKPOINT_VIEW }, { description: 'created: false when the log had not grown since the last checkpoint' }))
  async sign() {
    const { created, checkpoint } = await this.handler.execute();
    return { created, checkpoint: checkpointView(checkpoint, await this.signer.key()) };
  }
}
