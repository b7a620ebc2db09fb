import type { EventTransport, MessageHandler, TransportMessage, TransportSubscription } from './event-transport';

/**
 * Embedded-mode broker. `publish` resolves only after every subscribed group has handled each message
 * (which commits its inbox row), so the relay marks an outbox row published only once it has landed
 * everywhere: a crash in between means redelivery, never loss. Messages reach each group in publish order.
 */
export class InProcessTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  private readonly groups = new Map<string, { topics: Set<string>; handler: MessageHandler }>();
  private closed = false;

  async ensureTopics(): Promise<void> {
    // Topics need no creation in memory.
  }

  async publish(messages: readonly TransportMessage[]): Promise<void> {
    if (this.closed) throw new Error('in-process transport is closed');
    for (const message of messages) {
      for (const group of this.groups.values()) {
        if (group.topics.has(message.topic)) await group.handler([message]);
      }
    }
  }

  async subscribe(group: string, topics: readonly string[], handler: MessageHandler): Promise<TransportSubscription> {
    if (this.groups.has(group)) throw new Error(`consumer group ${group} is already subscribed`);
    this.groups.set(group, { topics: new Set(topics), handler });
    return { stop: async () => void this.groups.delete(group) };
  }

  async isReachable(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.groups.clear();
  }
}
