#!/usr/bin/env bash
# G-3 gateway overhead (issue 15): the same cheap authenticated GET (one customer by id) sent straight to
# customer-service and through the gateway, with wrk at a fixed concurrency, in alternating runs (the
# order flips each run, so a machine getting busier does not favour one side). Both are started from
# their jars here: customer-service on the local PostgreSQL (database gateway_bench) and the local
# runner's Kafka, the gateway in front of it with its usual filters (token check, Redis rate limit with a
# limit too high to refuse, circuit breaker, retry, access log) and the local Redis.
#   system-tests/bench/gateway-overhead.sh [--runs=3] [--duration=20s] [--connections=32] [--threads=2]
#                                          [--warmup=30s] [--no-build]
# Prints requests/s, p50 and p99 of every run and of their medians, the gateway's share of the direct
# requests/s and the p99 it adds (target: >= 70 % and <= 5 ms), and the CPU time each JVM spent per
# request during the run (user + system time from /proc around the wrk run, divided by the requests wrk
# counted): on a machine with few cores the gateway's CPU is taken from the service's. wrk and both JVMs
# share this machine's cores, so the gateway's figures include competing with its own load generator.
# Output also in system-tests/target/gateway-overhead/result.txt.
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=deploy/lib/jdk.sh
source deploy/lib/jdk.sh
# shellcheck source=deploy/lib/postgres.sh
source deploy/lib/postgres.sh
# shellcheck source=deploy/lib/redis.sh
source deploy/lib/redis.sh

RUNS=3 DURATION=20s CONNECTIONS=32 THREADS=2 WARMUP=30s BUILD=1
CUSTOMER_PORT=${CLIENTELE_BENCH_CUSTOMER_PORT:-18281}
GATEWAY_PORT=${CLIENTELE_BENCH_GATEWAY_PORT:-18280}
WORKSPACE=6a7e0000-0000-4000-8000-00000000be0c
for arg in "$@"; do
  case $arg in
    --runs=*) RUNS=${arg#*=} ;;
    --duration=*) DURATION=${arg#*=} ;;
    --connections=*) CONNECTIONS=${arg#*=} ;;
    --threads=*) THREADS=${arg#*=} ;;
    --warmup=*) WARMUP=${arg#*=} ;;
    --no-build) BUILD=0 ;;
    -h | --help) sed -n '2,13s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "gateway-overhead.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

die() { printf 'gateway-overhead.sh: %s\n' "$*" >&2; exit 1; }

if ! command -v wrk >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || die "apt-get could not install wrk"
  else
    die "wrk is missing: apt-get install -y wrk"
  fi
fi
command -v curl >/dev/null 2>&1 || die "curl is missing: apt-get install -y curl"
clientele_find_jdk 21 || exit 1
clientele_postgres_ensure || die "PostgreSQL is not usable (see above)"
clientele_postgres_databases gateway_bench || die "could not create the database gateway_bench"
clientele_redis_ensure || die "Redis is not usable (see above)"

if ((BUILD)); then
  clientele_maven_on_new_jdk
  ./mvnw -q -B -DskipTests package -pl customer-service,gateway,deploy/local-runner -am || die "the build failed"
fi
jar_of() {
  local jar
  for jar in "$ROOT/$1"/target/"${1##*/}"-*.jar; do
    [[ -f $jar && $jar != *-sources.jar && $jar != *-javadoc.jar ]] && { printf '%s\n' "$jar"; return 0; }
  done
  die "no jar in $1/target; run without --no-build"
}
RUNNER_JAR=$(jar_of deploy/local-runner)
CUSTOMER_JAR=$(jar_of customer-service)
GATEWAY_JAR=$(jar_of gateway)

WORK=$ROOT/system-tests/target/gateway-overhead
mkdir -p "$WORK"
SECRET=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
# the same JVM settings for both sides, full JIT (the local run's quick-start settings would skew this)
JAVA_OPTS=(-Xms256m -Xmx512m)

PIDS=()
stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in {1..60}; do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT

for port in "$CUSTOMER_PORT" "$GATEWAY_PORT"; do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && die "port $port is taken (CLIENTELE_BENCH_*_PORT to move)"
done

rm -f "$WORK/infra.env"
"$JAVA" -jar "$RUNNER_JAR" infra --state-file "$WORK/infra.env" >"$WORK/infrastructure.log" 2>&1 &
PIDS+=($!)
for _ in {1..240}; do [[ -s $WORK/infra.env ]] && break; sleep 0.5; done
KAFKA=$(sed -n 's/^KAFKA_BOOTSTRAP=//p' "$WORK/infra.env" 2>/dev/null)
[[ -n $KAFKA ]] || die "the local runner's Kafka did not start; read $WORK/infrastructure.log"

env SERVER_PORT="$CUSTOMER_PORT" CLIENTELE_SECURITY_JWT_HMAC_SECRET="$SECRET" MANAGEMENT_TRACING_SAMPLING_PROBABILITY=0.1 \
  SPRING_DATASOURCE_URL="jdbc:postgresql://$CLIENTELE_PG_HOST:$CLIENTELE_PG_PORT/gateway_bench" \
  SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= SPRING_KAFKA_BOOTSTRAP_SERVERS="$KAFKA" \
  "$JAVA" "${JAVA_OPTS[@]}" -jar "$CUSTOMER_JAR" >"$WORK/customer-service.log" 2>&1 &
PIDS+=($!)
CUSTOMER_PID=$!
env SERVER_PORT="$GATEWAY_PORT" CLIENTELE_SECURITY_JWT_HMAC_SECRET="$SECRET" MANAGEMENT_TRACING_SAMPLING_PROBABILITY=0.1 \
  CLIENTELE_SERVICES_CUSTOMER_URL="http://127.0.0.1:$CUSTOMER_PORT" \
  SPRING_DATA_REDIS_HOST="$CLIENTELE_REDIS_HOST" SPRING_DATA_REDIS_PORT="$CLIENTELE_REDIS_PORT" \
  CLIENTELE_GATEWAY_LIMITS_STAFF_API_REPLENISH_RATE=1000000 CLIENTELE_GATEWAY_LIMITS_STAFF_API_BURST=2000000 \
  "$JAVA" "${JAVA_OPTS[@]}" -jar "$GATEWAY_JAR" >"$WORK/gateway.log" 2>&1 &
PIDS+=($!)
GATEWAY_PID=$!

for port in "$CUSTOMER_PORT" "$GATEWAY_PORT"; do
  ready=0
  for _ in {1..300}; do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; then ready=1; break; fi
    sleep 1
  done
  ((ready)) || die "nothing ready on port $port within 300 s; read the logs in $WORK"
done

TOKEN=$(CLIENTELE_SECURITY_JWT_HMAC_SECRET=$SECRET "$JAVA" -jar "$RUNNER_JAR" token --workspace "$WORKSPACE" \
  --subject bench --roles STAFF --validity 2h) || die "could not mint a token"
location=$(curl -fsS -o /dev/null -D - -X POST "http://127.0.0.1:$CUSTOMER_PORT/api/v1/customers" \
  -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
  -d '{"firstName": "Bench", "lastName": "Mark", "preferredLanguage": "cs"}' | tr -d '\r' |
  sed -n 's/^[Ll]ocation: *//p')
[[ -n $location ]] || die "could not create the customer to read"
path=/api/v1/customers/${location##*/}
DIRECT=http://127.0.0.1:$CUSTOMER_PORT$path
THROUGH=http://127.0.0.1:$GATEWAY_PORT$path
for url in "$DIRECT" "$THROUGH"; do
  curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "$url" || die "GET $url does not answer 200"
done

# CPU time (user + system) a process has used so far, in clock ticks.
TICKS_PER_SECOND=$(getconf CLK_TCK)
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
# One wrk run; prints "<req/s> <p50 ms> <p99 ms> <non-2xx> <gateway CPU us/request> <service CPU us/request>".
measure() {
  local url=$1 duration=$2 gw_before svc_before
  gw_before=$(cpu_ticks "$GATEWAY_PID") svc_before=$(cpu_ticks "$CUSTOMER_PID")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -H "Authorization: Bearer $TOKEN" "$url" |
    awk -v gw0="$gw_before" -v svc0="$svc_before" -v gw1_file="/proc/$GATEWAY_PID/stat" \
      -v svc1_file="/proc/$CUSTOMER_PID/stat" -v hz="$TICKS_PER_SECOND" '
      function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
      function ticks(file,   line) { getline line < file; close(file); sub(/^.*\) /, "", line); split(line, f, " "); return f[12] + f[13] }
      /requests in/ { requests = $1 }
      /Requests\/sec:/ { rps = $2 }
      /^ +50%/ { p50 = ms($2) }
      /^ +99%/ { p99 = ms($2) }
      /Non-2xx or 3xx responses:/ { bad = $NF }
      END {
        gw = ticks(gw1_file) - gw0; svc = ticks(svc1_file) - svc0
        printf "%.0f %.2f %.2f %d %.0f %.0f\n", rps, p50, p99, bad,
          requests ? gw * 1e6 / hz / requests : 0, requests ? svc * 1e6 / hz / requests : 0 }'
}

{
  echo "gateway overhead: GET $path, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $RUNS alternating runs after a $WARMUP warm-up each"
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
} | tee "$WORK/result.txt"
measure "$DIRECT" "$WARMUP" >/dev/null
measure "$THROUGH" "$WARMUP" >/dev/null

direct_rps=() direct_p50=() direct_p99=() gw_rps=() gw_p50=() gw_p99=()
direct_svc_cpu=() gw_gw_cpu=() gw_svc_cpu=()
echo "CPU us/req: CPU time of the gateway's and of customer-service's JVM during the run per request wrk counted" |
  tee -a "$WORK/result.txt"
printf '%-4s %-9s %10s %9s %9s %8s %12s %12s\n' run target req/s p50_ms p99_ms non2xx gw_us/req svc_us/req |
  tee -a "$WORK/result.txt"
for ((run = 1; run <= RUNS; run++)); do
  order=(direct gateway)
  ((run % 2 == 0)) && order=(gateway direct)
  for target in "${order[@]}"; do
    if [[ $target == direct ]]; then url=$DIRECT; else url=$THROUGH; fi
    read -r rps p50 p99 bad gw_cpu svc_cpu < <(measure "$url" "$DURATION")
    printf '%-4s %-9s %10s %9s %9s %8s %12s %12s\n' "$run" "$target" "$rps" "$p50" "$p99" "$bad" "$gw_cpu" "$svc_cpu" |
      tee -a "$WORK/result.txt"
    if [[ $target == direct ]]; then
      direct_rps+=("$rps") direct_p50+=("$p50") direct_p99+=("$p99") direct_svc_cpu+=("$svc_cpu")
    else
      gw_rps+=("$rps") gw_p50+=("$p50") gw_p99+=("$p99") gw_gw_cpu+=("$gw_cpu") gw_svc_cpu+=("$svc_cpu")
    fi
  done
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
d_rps=$(median "${direct_rps[@]}") d_p50=$(median "${direct_p50[@]}") d_p99=$(median "${direct_p99[@]}")
g_rps=$(median "${gw_rps[@]}") g_p50=$(median "${gw_p50[@]}") g_p99=$(median "${gw_p99[@]}")
d_svc_cpu=$(median "${direct_svc_cpu[@]}") g_gw_cpu=$(median "${gw_gw_cpu[@]}") g_svc_cpu=$(median "${gw_svc_cpu[@]}")
{
  printf '%-4s %-9s %10s %9s %9s %8s %12s %12s\n' med direct "$d_rps" "$d_p50" "$d_p99" "" - "$d_svc_cpu"
  printf '%-4s %-9s %10s %9s %9s %8s %12s %12s\n' med gateway "$g_rps" "$g_p50" "$g_p99" "" "$g_gw_cpu" "$g_svc_cpu"
  awk -v d="$d_rps" -v g="$g_rps" -v dp="$d_p99" -v gp="$g_p99" 'BEGIN {
    printf "through the gateway: %.1f %% of the direct requests/s (target >= 70 %%), p99 %+.2f ms (target <= 5 ms)\n",
      100 * g / d, gp - dp }'
} | tee -a "$WORK/result.txt"
# Honest figures only: a refused request is cheap and a limiter that did not ask Redis does less work.
unchecked=$(curl -fs "http://127.0.0.1:$GATEWAY_PORT/actuator/prometheus" |
  awk '/^clientele_gateway_rate_limit_unchecked_total/ { n += $NF } END { printf "%d", n }')
# the non2xx column of every measured run (warm-ups are not in the file)
bad_total=$(awk '$1 ~ /^[0-9]+$/ { n += $6 } END { printf "%d", n }' "$WORK/result.txt")
{
  echo "requests the gateway let through without a rate limit check (Redis slower than 250 ms or away): $unchecked"
  ((bad_total == 0)) || echo "WARNING: $bad_total answers were not 2xx: these figures do not measure the GET; read $WORK/gateway.log"
} | tee -a "$WORK/result.txt"
