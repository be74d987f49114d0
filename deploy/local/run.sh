#!/usr/bin/env bash
# Runs the whole system on this machine without Docker: PostgreSQL (the local server), Kafka and MongoDB
# stand-ins (deploy/local-runner), Zipkin for traces, then the five services with `java -jar`. Stays in
# the foreground; Ctrl-C or SIGTERM stops everything it started.
#
#   deploy/local/run.sh [--no-build]
#
# State and logs: deploy/local/.state/ (jwt-secret, infra.env, logs/<service>.log).
# Settings: CLIENTELE_READY_TIMEOUT (seconds to wait for the services, default 300),
#           CLIENTELE_JAVA_OPTS (JVM options for each service but the gateway),
#           CLIENTELE_GATEWAY_JAVA_OPTS (the gateway's: full JIT, since every request passes it),
#           CLIENTELE_ZIPKIN_PORT (Zipkin's port, default 9411; one already listening there is used as is).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
STATE=$ROOT/deploy/local/.state
LOGS=$STATE/logs
DEMO_WORKSPACE=5e1f0000-0000-4000-8000-000000000001
READY_TIMEOUT=${CLIENTELE_READY_TIMEOUT:-300}
INFRA_TIMEOUT=120
ZIPKIN_PORT=${CLIENTELE_ZIPKIN_PORT:-9411}

SERVICES=(customer-service communication-service scenario-service order-link-service gateway)
declare -A PORT=(
  [gateway]=8080 [customer-service]=8081 [communication-service]=8082
  [scenario-service]=8083 [order-link-service]=8084
)
declare -A DATABASE=([customer-service]=customer [scenario-service]=scenario [order-link-service]=orderlink)

# shellcheck source=deploy/lib/jdk.sh
source "$ROOT/deploy/lib/jdk.sh"
# shellcheck source=deploy/lib/postgres.sh
source "$ROOT/deploy/lib/postgres.sh"
# shellcheck source=deploy/lib/redis.sh
source "$ROOT/deploy/lib/redis.sh"

say() { printf '%s\n' "$*"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '2,12s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

BUILD=1
for arg in "$@"; do
  case $arg in
    --no-build) BUILD=0 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $arg" ;;
  esac
done

# The jar Maven built for module $1 (target/<module>-<version>.jar, not sources/javadoc/original).
jar_of() {
  local module=$1 jar
  for jar in "$ROOT/$module/target/${module##*/}"-*.jar; do
    [[ -f $jar && $jar != *-sources.jar && $jar != *-javadoc.jar && $jar != *-tests.jar ]] || continue
    printf '%s\n' "$jar"
    return 0
  done
  return 1
}

# Who listens on port $1, if anyone: prints a description and returns 0.
port_taken_by() {
  local port=$1 line
  if command -v ss >/dev/null 2>&1; then
    line=$(ss -H -ltnp "sport = :$port" 2>/dev/null | head -n 1)
    [[ -n $line ]] || return 1
    if [[ $line =~ users:\(\(\"([^\"]*)\",pid=([0-9]+) ]]; then
      printf '%s (pid %s)\n' "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
    else
      printf 'another process\n'
    fi
    return 0
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && printf 'another process\n'
}

# --- children and their end -------------------------------------------------------------------------
declare -A PID=()  # name -> pid of what this script started
STARTED=()         # names in start order

# SIGTERM to each named process, then waits for all of them; SIGKILL to any still there after 30 s.
stop_group() {
  local name pid waited
  for name in "$@"; do
    kill -TERM "${PID[$name]}" 2>/dev/null || true
  done
  for name in "$@"; do
    pid=${PID[$name]}
    waited=0
    while kill -0 "$pid" 2>/dev/null && ((waited < 300)); do
      sleep 0.1
      waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
      say "$name (pid $pid) did not stop within 30 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
}

# The services first, together, so none of them loses Kafka while it shuts down; the infrastructure last.
stop_all() {
  local name services=()
  for name in "${STARTED[@]}"; do
    [[ $name == infrastructure ]] || services+=("$name")
  done
  ((${#services[@]} == 0)) || stop_group "${services[@]}"
  [[ -z ${PID[infrastructure]:-} ]] || stop_group infrastructure
  rm -f "$STATE/pids"
}

on_exit() {
  local status=$?
  trap - EXIT INT TERM
  if ((${#STARTED[@]} > 0)); then
    say "Stopping the services, then Kafka and MongoDB ..."
    stop_all
    say "Stopped."
  fi
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Starts `java -jar <jar> [args]` for $1 with the environment assignments that follow "--".
start_java() {
  local name=$1 jar=$2 log=$LOGS/$1.log
  shift 2
  local args=() env=() opts=$JAVA_OPTS
  [[ $name == gateway ]] && opts=$GATEWAY_JAVA_OPTS
  while (($#)) && [[ $1 != -- ]]; do args+=("$1"); shift; done
  (($#)) && shift
  env=("$@")
  [[ -f $log ]] && mv -f "$log" "$log.1"
  # shellcheck disable=SC2086  # CLIENTELE_JAVA_OPTS is a list of options
  env "${env[@]}" "$JAVA" ${opts} -jar "$jar" "${args[@]}" >"$log" 2>&1 &
  PID[$name]=$!
  STARTED+=("$name")
  printf '%s %s\n' "$name" "${PID[$name]}" >>"$STATE/pids"
}

# Fails with the log's tail when the process started for $1 is gone.
check_alive() {
  local name=$1
  if ! kill -0 "${PID[$name]}" 2>/dev/null; then
    say "$name stopped during start-up. Last lines of $(relative "$LOGS/$name.log"):" >&2
    tail -n 25 "$LOGS/$name.log" >&2 || true
    die "$name did not start; read $(relative "$LOGS/$name.log")"
  fi
}

relative() { printf '%s\n' "${1#"$ROOT"/}"; }

# --- preconditions ------------------------------------------------------------------------------------
clientele_find_jdk 21 || exit 1
JAVA_OPTS=${CLIENTELE_JAVA_OPTS:--Xms64m -Xmx512m -XX:TieredStopAtLevel=1}
# Not the quick-start C1-only setting: the gateway's per-request cost adds to every call (issue 15's benchmark).
GATEWAY_JAVA_OPTS=${CLIENTELE_GATEWAY_JAVA_OPTS:--Xms128m -Xmx512m}
command -v curl >/dev/null 2>&1 || die "curl is needed to ask the services whether they are ready (apt-get install -y curl)"

mkdir -p "$LOGS"
exec 9>"$STATE/run.lock"  # held by this script and inherited by what it starts
if command -v flock >/dev/null 2>&1 && ! flock -n 9; then
  die "another deploy/local/run.sh is running, or processes it started are still alive:" \
    "$(tr '\n' ' ' <"$STATE/pids" 2>/dev/null)"
fi

taken=()
for name in "${SERVICES[@]}"; do
  if who=$(port_taken_by "${PORT[$name]}"); then
    taken+=("port ${PORT[$name]} ($name) is taken by $who")
  fi
done
if ((${#taken[@]} > 0)); then
  printf 'run.sh: %s\n' "${taken[@]}" >&2
  die "free these ports first (an earlier run still going? stop it with Ctrl-C, or kill the pids above)"
fi

say "JDK: $JAVA_HOME"
clientele_postgres_ensure || die "PostgreSQL is not usable (see above)"
clientele_postgres_databases customer scenario orderlink || die "could not create the databases"
say "PostgreSQL: $CLIENTELE_PG_HOST:$CLIENTELE_PG_PORT, databases customer, scenario, orderlink"
clientele_redis_ensure || die "Redis is not usable (see above); the gateway's rate limits live in it"
say "Redis: $CLIENTELE_REDIS_HOST:$CLIENTELE_REDIS_PORT"

if ((BUILD)); then
  say "Building: ./mvnw -q -DskipTests package (skip with --no-build once the jars exist) ..."
  clientele_maven_on_new_jdk
  (cd "$ROOT" && ./mvnw -q -DskipTests package) || die "the build failed; run ./mvnw -DskipTests package to see why"
fi
declare -A JAR=()
missing=()
for module in deploy/local-runner "${SERVICES[@]}"; do
  if jar=$(jar_of "$module"); then JAR[$module]=$jar; else missing+=("$module"); fi
done
((${#missing[@]} == 0)) || die "no jar for ${missing[*]}; build first: ./mvnw -DskipTests package (or run without --no-build)"
# Run from copies: a running JVM reads its jar lazily, and a rebuild rewrites target/*.jar in place,
# which would pull classes from under a running service. Copied again only when the jar changed.
mkdir -p "$STATE/jars"
for module in "${!JAR[@]}"; do
  copy=$STATE/jars/${module##*/}.jar
  if [[ ! -f $copy || $(stat -c '%s %Y' "${JAR[$module]}") != $(stat -c '%s %Y' "$copy") ]]; then
    { cp -p "${JAR[$module]}" "$copy.partial" && mv -f "$copy.partial" "$copy"; } ||
      die "cannot copy ${JAR[$module]} to $(relative "$copy")"
  fi
  JAR[$module]=$copy
done

SECRET_FILE=$STATE/jwt-secret
if [[ ! -s $SECRET_FILE ]]; then
  (umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$SECRET_FILE")
  say "Made a new token secret in $(relative "$SECRET_FILE") (kept, so tokens survive restarts)"
fi
JWT_SECRET=$(<"$SECRET_FILE")
((${#JWT_SECRET} >= 32)) || die "$(relative "$SECRET_FILE") holds fewer than 32 characters; delete it to get a new one"

# --- infrastructure -------------------------------------------------------------------------------------
: >"$STATE/pids"
INFRA_FILE=$STATE/infra.env
rm -f "$INFRA_FILE"
say "Starting Kafka and MongoDB stand-ins (log: $(relative "$LOGS/infrastructure.log")) ..."
start_java infrastructure "${JAR[deploy/local-runner]}" infra --state-file "$INFRA_FILE" --
for ((waited = 0; ; waited++)); do
  [[ -f $INFRA_FILE ]] && break
  check_alive infrastructure
  ((waited < INFRA_TIMEOUT * 2)) || die "Kafka and MongoDB were not ready within $INFRA_TIMEOUT s; read $(relative "$LOGS/infrastructure.log")"
  sleep 0.5
done
KAFKA_BOOTSTRAP=$(sed -n 's/^KAFKA_BOOTSTRAP=//p' "$INFRA_FILE")
MONGO_URI=$(sed -n 's/^MONGO_URI=//p' "$INFRA_FILE")
[[ -n $KAFKA_BOOTSTRAP && -n $MONGO_URI ]] || die "$(relative "$INFRA_FILE") lacks KAFKA_BOOTSTRAP or MONGO_URI"
say "Kafka: $KAFKA_BOOTSTRAP   MongoDB: $MONGO_URI"
# communication-service's SMTP server and SMS provider: local sinks of the runner (mail kept as .eml files)
SMTP_PORT=$(sed -n 's/^SMTP_PORT=//p' "$INFRA_FILE")
MAIL_DIR=$(sed -n 's/^MAIL_DIR=//p' "$INFRA_FILE")
SMS_URL=$(sed -n 's/^SMS_URL=//p' "$INFRA_FILE")
SMS_LOG=$(sed -n 's/^SMS_LOG=//p' "$INFRA_FILE")
[[ -n $SMTP_PORT && -n $SMS_URL ]] || die "$(relative "$INFRA_FILE") lacks SMTP_PORT or SMS_URL"
UNSUBSCRIBE_SECRET_FILE=$STATE/unsubscribe-secret
if [[ ! -s $UNSUBSCRIBE_SECRET_FILE ]]; then
  (umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$UNSUBSCRIBE_SECRET_FILE")
fi

# --- traces: Zipkin's server (copied beside the runner by the build), in memory -------------------------
# Every service reports its spans there; without it they drop them and carry on.
ZIPKIN_JAR=$ROOT/deploy/local-runner/target/zipkin/zipkin-server.jar
if who=$(port_taken_by "$ZIPKIN_PORT"); then
  ZIPKIN_NOTE="port $ZIPKIN_PORT was taken by $who: spans go there"
elif [[ -f $ZIPKIN_JAR ]]; then
  say "Starting Zipkin on port $ZIPKIN_PORT (log: $(relative "$LOGS/zipkin.log")) ..."
  start_java zipkin "$ZIPKIN_JAR" -- STORAGE_TYPE=mem QUERY_PORT="$ZIPKIN_PORT"
  ZIPKIN_NOTE="in memory, started here"
else
  ZIPKIN_NOTE="not started: no $(relative "$ZIPKIN_JAR") (run without --no-build once); spans are dropped"
  say "Zipkin $ZIPKIN_NOTE"
fi
ZIPKIN_SPANS=http://127.0.0.1:$ZIPKIN_PORT/api/v2/spans

# --- services -------------------------------------------------------------------------------------------
for name in "${SERVICES[@]}"; do
  env=(CLIENTELE_SECURITY_JWT_HMAC_SECRET="$JWT_SECRET" MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT="$ZIPKIN_SPANS")
  case $name in
    customer-service | scenario-service | order-link-service)
      env+=(SPRING_DATASOURCE_URL="jdbc:postgresql://$CLIENTELE_PG_HOST:$CLIENTELE_PG_PORT/${DATABASE[$name]}"
        SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=
        SPRING_KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP") ;;
    communication-service)
      env+=(SPRING_MONGODB_URI="${MONGO_URI%/}/communication" SPRING_KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP"
        SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SMTP_PORT" CLIENTELE_COMMUNICATION_SMS_URL="$SMS_URL"
        CLIENTELE_COMMUNICATION_UNSUBSCRIBE_SECRET="$(<"$UNSUBSCRIBE_SECRET_FILE")"
        CLIENTELE_COMMUNICATION_UNSUBSCRIBE_PUBLIC_BASE_URL="http://localhost:${PORT[communication-service]}") ;;
    gateway)
      env+=(CLIENTELE_SERVICES_CUSTOMER_URL="http://localhost:${PORT[customer-service]}"
        SPRING_DATA_REDIS_HOST="$CLIENTELE_REDIS_HOST" SPRING_DATA_REDIS_PORT="$CLIENTELE_REDIS_PORT") ;;
  esac
  start_java "$name" "${JAR[$name]}" -- "${env[@]}"
done
say "Started ${SERVICES[*]}; waiting until each is ready (at most $READY_TIMEOUT s) ..."

deadline=$((SECONDS + READY_TIMEOUT))
for name in "${SERVICES[@]}"; do
  url=http://127.0.0.1:${PORT[$name]}/actuator/health/readiness
  until curl -fsS --max-time 2 "$url" 2>/dev/null | grep -q '"status":"UP"'; do
    check_alive "$name"
    ((SECONDS < deadline)) || die "$name did not answer UP on $url within $READY_TIMEOUT s; read $(relative "$LOGS/$name.log")"
    sleep 1
  done
  say "  $name ready on port ${PORT[$name]}"
done

TOKEN=$(CLIENTELE_SECURITY_JWT_HMAC_SECRET=$JWT_SECRET "$JAVA" -jar "${JAR[deploy/local-runner]}" token \
  --workspace "$DEMO_WORKSPACE" --subject developer --roles OWNER,STAFF --validity 12h) ||
  die "could not mint a development token"

cat <<EOF

Clientele is running.
  gateway                 http://localhost:${PORT[gateway]}
  customer-service        http://localhost:${PORT[customer-service]}
  communication-service   http://localhost:${PORT[communication-service]}
  scenario-service        http://localhost:${PORT[scenario-service]}
  order-link-service      http://localhost:${PORT[order-link-service]}
  health                  http://localhost:<port>/actuator/health   metrics: /actuator/prometheus
  traces (Zipkin)         http://localhost:$ZIPKIN_PORT/zipkin/   ($ZIPKIN_NOTE)
  PostgreSQL $CLIENTELE_PG_HOST:$CLIENTELE_PG_PORT (user postgres)   Kafka $KAFKA_BOOTSTRAP   MongoDB $MONGO_URI
  Redis $CLIENTELE_REDIS_HOST:$CLIENTELE_REDIS_PORT (the gateway's rate limits)
  logs                    $(relative "$LOGS")/<service>.log
  e-mail (SMTP :$SMTP_PORT)   every message as a file in $(relative "$MAIL_DIR")/
  SMS (API $SMS_URL)   every accepted SMS in $(relative "$SMS_LOG")

Development token: workspace $DEMO_WORKSPACE, roles OWNER and STAFF, valid 12 h
(a fresh one later: deploy/local/token.sh). Paste into your shell:

export TOKEN=$TOKEN

curl -s -H "Authorization: Bearer \$TOKEN" http://localhost:${PORT[customer-service]}/api/v1/customers

Press Ctrl-C to stop everything.
EOF

# --- foreground: until Ctrl-C / SIGTERM, or until something dies ---------------------------------------
while true; do
  wait -n || true
  for name in "${STARTED[@]}"; do
    if ! kill -0 "${PID[$name]}" 2>/dev/null; then
      die "$name (pid ${PID[$name]}) stopped unexpectedly; read $(relative "$LOGS/$name.log"). Stopping the rest."
    fi
  done
done
