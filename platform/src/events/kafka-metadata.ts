/**
 * Retries a Kafka admin call that a cluster still propagating a new topic's metadata answers with "unknown
 * topic" (kafkajs retries leader elections, not this): right after creation, on a freshly started broker.
 */
export async function settled<T>(call: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const unknownTopic = (error as { type?: string }).type === 'UNKNOWN_TOPIC_OR_PARTITION' || /does not host this topic-partition/.test(String(error));
      if (attempt >= attempts || !unknownTopic) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
