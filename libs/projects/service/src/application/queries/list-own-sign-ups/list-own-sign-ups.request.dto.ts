import { IsOptional, IsUUID } from 'class-validator';
import { ListOwnProjectsRequestDto } from '../list-own-projects/list-own-projects.request.dto';

/** A page of the agency's sign-ups; with `projectId`, its sign-up to that one project (the project page asks so). */
export class ListOwnSignUpsRequestDto extends ListOwnProjectsRequestDto {
  @IsOptional() @IsUUID() projectId?: string;
}
