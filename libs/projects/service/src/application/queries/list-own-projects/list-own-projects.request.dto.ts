import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PROJECT_TRANSITIONS, type ProjectStatus } from '@mkt/projects/core';

export const PROJECT_STATUSES = Object.keys(PROJECT_TRANSITIONS) as ProjectStatus[];

/** One page of a "mine" list, optionally of one project status. */
export class ListOwnProjectsRequestDto {
  @IsOptional() @IsIn(PROJECT_STATUSES) status?: ProjectStatus;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset: number = 0;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit: number = 50;
}
