import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';

export class ChangeServiceItemsRequestDto {
  /** The complete list of catalog items the firm offers from now on. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(40, { each: true }) serviceItems!: string[];
}
