import { Module, type DynamicModule } from '@nestjs/common';
import { PROJECTS_TOPICS } from '@mkt/projects/contracts';
import { ServicePlatformModule, type ServiceModuleOptions } from '@mkt/shared/messaging';
import { UploadAttachmentHandler } from './application/commands/attachments/upload-attachment.handler';
import { UploadAttachmentHttpController } from './application/commands/attachments/upload-attachment.http.controller';
import { AwardResponseHttpController } from './application/commands/award-response/award-response.http.controller';
import { DeliveryHttpController } from './application/commands/delivery/delivery.http.controller';
import { DraftProjectHandler } from './application/commands/draft-project/draft-project.handler';
import { ObjectionsHttpController } from './application/commands/objections/objections.http.controller';
import { ReviseProjectHttpController } from './application/commands/revise-project/revise-project.http.controller';
import { DraftProjectHttpController } from './application/commands/draft-project/draft-project.http.controller';
import { PublishProjectHttpController } from './application/commands/publish-project/publish-project.http.controller';
import { SignUpHttpController } from './application/commands/sign-up/sign-up.http.controller';
import { ProjectDeadlinesHandler } from './application/deadlines/project-deadlines.handler';
import { OnBiddingResultsHandler } from './application/events/on-bidding-results.handler';
import { OnCatalogEventsHandler } from './application/events/on-catalog-events.handler';
import { OnDrawResultsHandler } from './application/events/on-draw-results.handler';
import { DownloadAttachmentHttpController } from './application/queries/download-attachment/download-attachment.http.controller';
import { GetProjectHttpController } from './application/queries/get-project/get-project.http.controller';
import { ListAnnouncementsHttpController } from './application/queries/list-announcements/list-announcements.http.controller';
import { ListCatalogItemsHttpController } from './application/queries/list-catalog-items/list-catalog-items.http.controller';
import { ListOwnProjectsHttpController } from './application/queries/list-own-projects/list-own-projects.http.controller';
import { ListOwnSignUpsHttpController } from './application/queries/list-own-sign-ups/list-own-sign-ups.http.controller';
import { CreateProjects1764374900000 } from './infrastructure/migrations/1764374900000-create-projects';
import { CreateCatalogItems1764375300000 } from './infrastructure/migrations/1764375300000-create-catalog-items';
import { CreateProjectAttachments1764375310000 } from './infrastructure/migrations/1764375310000-create-project-attachments';
import { IndexSignUpsByAgency1764375330000 } from './infrastructure/migrations/1764375330000-index-sign-ups-by-agency';

/**
 * The projects service: postings and their whole lifecycle (libs/projects/core) — draft, publish, sign-up,
 * selection hand-off to the draw service and its result, publicity with objections and rulings, award,
 * winner response, contract, completion on the service clock, evaluation — and public announcements.
 */
@Module({})
export class ProjectsModule {
  static forRoot(options: ServiceModuleOptions = {}): DynamicModule {
    return {
      module: ProjectsModule,
      imports: [
        ServicePlatformModule.forService({
          service: 'projects',
          produces: PROJECTS_TOPICS,
          entities: [],
          migrations: [CreateProjects1764374900000, CreateCatalogItems1764375300000, CreateProjectAttachments1764375310000, IndexSignUpsByAgency1764375330000],
          database: options.database,
        }),
      ],
      controllers: [
        DraftProjectHttpController,
        PublishProjectHttpController,
        ReviseProjectHttpController,
        SignUpHttpController,
        ObjectionsHttpController,
        AwardResponseHttpController,
        DeliveryHttpController,
        GetProjectHttpController,
        ListAnnouncementsHttpController,
        ListCatalogItemsHttpController,
        ListOwnProjectsHttpController,
        ListOwnSignUpsHttpController,
        UploadAttachmentHttpController,
        DownloadAttachmentHttpController,
      ],
      providers: [DraftProjectHandler, UploadAttachmentHandler, OnCatalogEventsHandler, OnDrawResultsHandler, OnBiddingResultsHandler, ProjectDeadlinesHandler],
    };
  }
}
