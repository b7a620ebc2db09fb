#!/usr/bin/env node
// End-to-end check of a running broker: create a topic, produce one message, consume it back.
// Usage: node smoke.js [topic]   (default topic: kafka-smoke; env KAFKA_PORT, default 9092)
// Prints the offset it read so repeated runs show the topic's history surviving restarts.
'use strict';

const crypto = require('crypto');
const { Kafka, Partitioners, logLevel } = require('kafkajs');

async function main() {
  const port = Number(process.env.KAFKA_PORT || 9092);
  const topic = process.argv[2] || 'kafka-smoke';
  const kafka = new Kafka({ clientId: 'kafka-smoke', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
  const value = `smoke ${crypto.randomUUID()}`;

  const admin = kafka.admin();
  await admin.connect();
  // Subscribing to a topic that does not exist yet fails, so create it first (no-op when it exists).
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  await admin.disconnect();

  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const [meta] = await producer.send({ topic, acks: -1, messages: [{ key: 'smoke', value }] });
  await producer.disconnect();

  // A fresh group reading from the produced offset finds exactly this message.
  const consumer = kafka.consumer({ groupId: `kafka-smoke-${process.pid}-${Date.now()}`, sessionTimeout: 6000, heartbeatInterval: 2000 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const received = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no message within 30 s')), 30000);
    consumer
      .run({
        eachMessage: async ({ message }) => {
          if (message.value.toString() === value) {
            clearTimeout(timer);
            resolve(message.offset);
          }
        },
      })
      .catch(reject);
  });
  const started = Date.now();
  try {
    const offset = await received;
    console.log(`kafka smoke: ok (topic ${topic}, offset ${offset}, produced at ${meta.baseOffset}, consumed in ${Date.now() - started} ms)`);
  } finally {
    await consumer.disconnect();
  }
}

main().catch((err) => {
  console.error(`kafka smoke: FAILED: ${err.message}`);
  process.exit(1);
});
