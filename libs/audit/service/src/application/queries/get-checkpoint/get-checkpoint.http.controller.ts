import { Controller, Get } from '@nestjs/common';
import { Public } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { notFound } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { CheckpointRepository } from '../../../infrastructure/checkpoint.repository';
import { CHECKPOINT_VIEW } from '../../http-responses';
import { checkpointView } from '../../log-response.mapper';
import { LogSigner } from '../../log-signer';

@Controller('api/audit/checkpoint')
export class GetCheckpointHttpController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly signer: LogSigner,
  ) {}

  /**
   * The latest signed checkpoint, for anyone: a witness keeps it and accepts the next one only with a valid
   * consistency proof. The verifier key comes along so a client can pin it on first use — and must then compare
   * it with the key published out of band, since whoever serves the log could serve another key too.
   */
  @Get()
  @Public()
  @Responds(CHECKPOINT_VIEW)
  async latest() {
    const checkpoint = await this.unitOfWork.run((tx) => new CheckpointRepository(tx.manager).latest());
    if (!checkpoint) throw notFound('AUDIT.NO_CHECKPOINT', 'the log has not signed a checkpoint yet');
    return checkpointView(checkpoint, await this.signer.key());
  }
}
