import { topicName } from '@mkt/shared/contracts';

export const DRAW_PRODUCER = 'draw';
export const DRAW_TOPIC = topicName('draw', 'draw', 1);
export const DRAW_TOPICS = [DRAW_TOPIC] as const;
