#!/usr/bin/env bash
# A single-node Apache Kafka (KRaft, combined broker + controller) run from Maven Central jars.
# Usage: kafka.sh start|stop|status|reset   (see README.md)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="$HERE/.cache"
LIBS="$CACHE/libs"
MARKER="$LIBS/.version"
PIDFILE="$CACHE/kafka.pid"
LOG="$CACHE/kafka.log"
CONFIG="$CACHE/server.properties"
LOG4J="$HERE/log4j.properties"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$CACHE/data}"
[[ "$KAFKA_DATA_DIR" == /* ]] || KAFKA_DATA_DIR="$PWD/$KAFKA_DATA_DIR"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
READY_TIMEOUT="${KAFKA_READY_TIMEOUT:-60}"
STOP_TIMEOUT=30

# Broker data lives in a subfolder so the cluster id file beside it is never taken for a log dir entry.
LOG_DIRS="$KAFKA_DATA_DIR/kraft"
CLUSTER_ID_FILE="$KAFKA_DATA_DIR/cluster.id"

VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$HERE/pom.xml")"
JAVA=(java -Dlog4j.configuration="file:$LOG4J" -cp "$LIBS/*")

say() { echo "kafka: $*"; }
now_ms() { date +%s%3N; }

# A zombie still answers kill -0; if nothing reaps the detached broker after it exits, it must count as gone.
alive() {
  local state
  state="$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
  [[ -n "$state" && "$state" != Z ]]
}

fetch_jars() {
  if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$VERSION" ]]; then
    return
  fi
  say "fetching Kafka $VERSION jars from Maven Central into $LIBS"
  local tmp="$CACHE/libs.tmp"
  rm -rf "$tmp"
  mkdir -p "$CACHE"
  # Maven's output is kept aside (even -B -q prints stray ANSI codes) and shown only on failure.
  if ! mvn -B -q -f "$HERE/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DoutputDirectory="$tmp" -DincludeScope=runtime >"$CACHE/fetch.log" 2>&1; then
    cat "$CACHE/fetch.log" >&2
    say "fetching the jars failed" >&2
    return 1
  fi
  echo "$VERSION" >"$tmp/.version"
  rm -rf "$LIBS"
  mv "$tmp" "$LIBS"
}

# Prints the broker pid if our broker is alive; guards against a stale pid file whose pid was reused.
broker_pid() {
  [[ -f "$PIDFILE" ]] || return 1
  local pid
  pid="$(cat "$PIDFILE")"
  [[ -n "$pid" ]] && alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
  echo "$pid"
}

wait_ready() {
  KAFKA_PORT="$KAFKA_PORT" node "$HERE/wait-ready.js" --timeout="$READY_TIMEOUT" ${1:+--pid="$1"}
}

write_config() {
  cat >"$CONFIG" <<EOF
# Written by kafka.sh start; edits are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$LOG_DIRS
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
# After a crash (SIGKILL) the restarted broker cannot re-register until its old session expires
# (DUPLICATE_BROKER_REGISTRATION); the 9 s default made such restarts take ~14 s.
broker.session.timeout.ms=3000
broker.heartbeat.interval.ms=1000
EOF
}

format_storage() {
  # An already formatted dir is kept as is: that is what lets a restart keep topics and offsets.
  [[ -f "$LOG_DIRS/meta.properties" ]] && return
  mkdir -p "$KAFKA_DATA_DIR"
  if [[ ! -s "$CLUSTER_ID_FILE" ]]; then
    local id
    id="$("${JAVA[@]}" kafka.tools.StorageTool random-uuid | tail -n 1)"
    [[ "$id" =~ ^[A-Za-z0-9_-]{22}$ ]] || { say "unexpected cluster id '$id'" >&2; return 1; }
    echo "$id" >"$CLUSTER_ID_FILE"
  fi
  "${JAVA[@]}" kafka.tools.StorageTool format -t "$(cat "$CLUSTER_ID_FILE")" -c "$CONFIG" --ignore-formatted >>"$LOG" 2>&1
}

# The settings the running broker was started with (server.properties is only rewritten by a start).
running_setting() {
  sed -n "s|^$1=||p" "$CONFIG" 2>/dev/null
}

cmd_start() {
  local pid
  if pid="$(broker_pid)"; then
    local running wanted
    running="$(running_setting listeners) $(running_setting log.dirs)"
    wanted="PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT $LOG_DIRS"
    if [[ "$running" != "$wanted" ]]; then
      say "a broker with other settings is running (pid $pid: $running); run kafka.sh stop first" >&2
      return 1
    fi
    if wait_ready "$pid"; then
      say "already running (pid $pid, 127.0.0.1:$KAFKA_PORT)"
      return 0
    fi
    say "pid $pid is alive but the broker is not ready; see $LOG" >&2
    tail -n 40 "$LOG" >&2 || true
    return 1
  fi
  rm -f "$PIDFILE"
  local port
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      say "port $port is already in use by a process this script did not start (see: ss -ltnp)" >&2
      return 1
    fi
  done
  fetch_jars
  mkdir -p "$CACHE"
  echo "===== kafka.sh start $(date -u +%FT%TZ) port=$KAFKA_PORT data=$KAFKA_DATA_DIR" >>"$LOG"
  write_config
  format_storage

  local started
  started="$(now_ms)"
  # setsid + nohup: the broker must outlive the shell (or test runner) that started it. Every stream is
  # redirected so a caller waiting for this script's output is not held open by the JVM. The inner shell
  # records its own pid and then becomes java, so the pid file names the JVM even if setsid had to fork.
  # shellcheck disable=SC2086,SC2016
  nohup setsid bash -c 'echo $$ >"$0"; shift; exec "$@"' "$PIDFILE" -- \
    "${JAVA[@]}" $KAFKA_HEAP_OPTS -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    kafka.Kafka "$CONFIG" </dev/null >>"$LOG" 2>&1 9>&- &

  for _ in $(seq 50); do
    [[ -s "$PIDFILE" ]] && break
    sleep 0.1
  done
  if ! pid="$(broker_pid)" || ! wait_ready "$pid"; then
    say "broker did not become ready; last lines of $LOG:" >&2
    tail -n 40 "$LOG" >&2 || true
    if pid="$(broker_pid)"; then
      say "the JVM (pid $pid) is still up; kafka.sh stop ends it" >&2
    fi
    return 1
  fi
  say "ready on 127.0.0.1:$KAFKA_PORT (pid $pid, $(($(now_ms) - started)) ms after launch)"
}

cmd_stop() {
  local pid
  if ! pid="$(broker_pid)"; then
    rm -f "$PIDFILE"
    say "not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while alive "$pid" && ((waited < STOP_TIMEOUT * 10)); do
    sleep 0.1
    waited=$((waited + 1))
  done
  if alive "$pid"; then
    say "pid $pid still alive after ${STOP_TIMEOUT} s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while alive "$pid"; do sleep 0.1; done
  fi
  rm -f "$PIDFILE"
  say "stopped (pid $pid)"
}

cmd_status() {
  local pid
  if pid="$(broker_pid)"; then
    say "running (pid $pid, $(running_setting listeners), data in $(running_setting log.dirs))"
    return 0
  fi
  say "stopped"
  return 1
}

cmd_reset() {
  cmd_stop
  case "$KAFKA_DATA_DIR" in
    "" | / | "$HOME") say "refusing to delete KAFKA_DATA_DIR='$KAFKA_DATA_DIR'" >&2; return 1 ;;
  esac
  rm -rf "$KAFKA_DATA_DIR"
  say "deleted $KAFKA_DATA_DIR"
}

# Serialise start/stop/reset so that two callers (say, parallel test setups) cannot launch two brokers.
if [[ "${1:-}" =~ ^(start|stop|reset)$ ]]; then
  mkdir -p "$CACHE"
  exec 9>"$CACHE/kafka.lock"
  flock 9
fi

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  *) echo "usage: $0 start|stop|status|reset" >&2; exit 2 ;;
esac
