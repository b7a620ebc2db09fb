#!/usr/bin/env bash
# `npm test`: lint and module boundaries, unit tests, then integration tests against a real Postgres
# (POSTGRES_ADMIN_URL, default 127.0.0.1:5432) and a real Kafka broker (started here if not running,
# and stopped again afterwards if this script started it).
set -euo pipefail
cd "$(dirname "$0")/../.."

node tools/db/create-databases.js

started_kafka=0
if ! bash tools/kafka/kafka.sh status >/dev/null 2>&1; then
  bash tools/kafka/kafka.sh start
  started_kafka=1
fi
cleanup() { if [ "$started_kafka" = 1 ]; then bash tools/kafka/kafka.sh stop || true; fi; }
trap cleanup EXIT

# Time limits turn a hang (a handle left open, a server that never answers) into a failure with output.
timeout 600 npm run --silent lint
# Deployment files offline: kustomize builds, Kubernetes and compose schemas, Dockerfile lint (tools/deploy-check).
timeout 300 npm run --silent check:deploy
timeout 900 npx jest --selectProjects unit
timeout 2400 npx jest --selectProjects integration --runInBand
