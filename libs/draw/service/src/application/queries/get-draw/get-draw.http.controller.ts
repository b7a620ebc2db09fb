import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { Public } from '@mkt/shared/auth';
import { Responds, schema } from '@mkt/shared/http';
import { UnitOfWork } from '@mkt/shared/messaging';
import { DrawRepository, type StoredDraw } from '../../../infrastructure/draw.repository';
import { DRAW_VIEW } from '../../http-responses';

/** Draws are public records: before the reveal, the commitment and the values entered; after it, the full record. */
@Controller('api/draw')
export class GetDrawHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Get('draws/:drawId')
  @Public()
  @Responds(DRAW_VIEW)
  async get(@Param('drawId', new ParseUUIDPipe()) drawId: string) {
    return publicView(await this.unitOfWork.run((tx) => new DrawRepository(tx.manager).find(drawId)));
  }

  @Get('projects/:projectId/draws')
  @Public()
  @Responds(schema.array(DRAW_VIEW))
  async forProject(@Param('projectId') projectId: string) {
    return (await this.unitOfWork.run((tx) => new DrawRepository(tx.manager).listForProject(projectId))).map(publicView);
  }
}

function publicView(draw: StoredDraw) {
  return {
    drawId: draw.drawId,
    projectId: draw.projectId,
    round: draw.round,
    purpose: draw.purpose,
    tieBreak: draw.tieBreak,
    status: draw.status,
    revealDeadline: draw.revealDeadline,
    overdueAt: draw.overdueAt,
    commitment: draw.commitment,
    witnessValues: draw.witnessValues,
    record: draw.record,
  };
}
