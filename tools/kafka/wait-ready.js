#!/usr/bin/env node
// Exits 0 once the broker answers a kafkajs admin listTopics(), 1 after the timeout.
// An open port is not enough: the broker accepts connections before its metadata is loaded.
//
// Usage: node wait-ready.js [--timeout=<seconds>] [--pid=<broker pid>]
// Env:   KAFKA_PORT (default 9092); the broker is reached on 127.0.0.1.
// --pid makes the wait give up at once when that process dies instead of running out the clock.
'use strict';

const fs = require('fs');
const { Kafka, logLevel } = require('kafkajs');

function option(name, fallback) {
  const prefix = `--${name}=`;
  const arg = process.argv.slice(2).find((a) => a.startsWith(prefix));
  return arg ? arg.slice(prefix.length) : fallback;
}

// A zombie (exited, not yet reaped) counts as dead.
function alive(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const port = Number(process.env.KAFKA_PORT || 9092);
  const deadline = Date.now() + Number(option('timeout', 60)) * 1000;
  const pid = option('pid') ? Number(option('pid')) : undefined;
  const kafka = new Kafka({
    clientId: 'kafka-wait-ready',
    brokers: [`127.0.0.1:${port}`],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 3000,
    // This loop does the retrying; kafkajs's own retries would overshoot the deadline.
    retry: { retries: 0 },
  });

  let lastError;
  while (Date.now() < deadline) {
    if (pid !== undefined && !alive(pid)) {
      console.error(`kafka: broker process ${pid} exited`);
      return 1;
    }
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.listTopics();
      return 0;
    } catch (err) {
      lastError = err;
    } finally {
      await admin.disconnect().catch(() => {});
    }
    await sleep(250);
  }
  console.error(`kafka: not ready on 127.0.0.1:${port}: ${lastError ? lastError.message : 'timed out'}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
