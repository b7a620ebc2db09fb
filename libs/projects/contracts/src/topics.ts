import { topicName } from '@mkt/shared/contracts';

export const PROJECTS_PRODUCER = 'projects';
export const PROJECT_TOPIC = topicName('projects', 'project', 1);
export const PROJECTS_TOPICS = [PROJECT_TOPIC] as const;
