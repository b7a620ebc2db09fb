export { ProjectsModule, type ProjectsModuleOptions } from './projects.module';
