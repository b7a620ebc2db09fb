export { DrawModule } from './draw.module';
