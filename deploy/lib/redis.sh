# shellcheck shell=bash
# Sourced by deploy/local/run.sh and .ci/run: makes sure a Redis answers on 127.0.0.1:6379 for the gateway's
# rate limits (and /usr/bin/redis-server exists for the gateway's RateLimitIT, which starts its own). It
# starts one when none answers, and on a machine without Redis installs Debian's (as root). Nothing is saved
# to disk: the limits' token buckets are worth nothing after a restart. Functions print what is wrong on
# stderr and return 1; callers decide to stop.

CLIENTELE_REDIS_HOST=${CLIENTELE_REDIS_HOST:-127.0.0.1}
CLIENTELE_REDIS_PORT=${CLIENTELE_REDIS_PORT:-6379}

_clientele_redis_answering() {
  if command -v redis-cli >/dev/null 2>&1; then
    [[ $(redis-cli -h "$CLIENTELE_REDIS_HOST" -p "$CLIENTELE_REDIS_PORT" ping 2>/dev/null) == PONG ]]
  else
    (exec 3<>"/dev/tcp/$CLIENTELE_REDIS_HOST/$CLIENTELE_REDIS_PORT") 2>/dev/null
  fi
}

_clientele_redis_install() {
  if [[ $(id -u) -ne 0 ]]; then
    echo "Redis is not installed. Install it as root: apt-get install -y redis-server" >&2
    return 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Redis is not installed and this machine has no apt-get: install redis-server (6 or later)." >&2
    return 1
  fi
  echo "Installing Redis (apt-get install redis-server) ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq redis-server >/dev/null; }; then
    echo "apt-get could not install Redis" >&2
    return 1
  fi
}

# The whole check: redis-server is installed and a Redis answers PING on the address.
clientele_redis_ensure() {
  if ! command -v redis-server >/dev/null 2>&1; then
    _clientele_redis_install || return 1
  fi
  _clientele_redis_answering && return 0
  echo "Starting Redis on $CLIENTELE_REDIS_HOST:$CLIENTELE_REDIS_PORT ..." >&2
  redis-server --daemonize yes --bind "$CLIENTELE_REDIS_HOST" --port "$CLIENTELE_REDIS_PORT" \
    --save "" --appendonly no >/dev/null || true
  local seconds=10
  while (( seconds-- > 0 )); do
    _clientele_redis_answering && return 0
    sleep 1
  done
  echo "Redis does not answer on $CLIENTELE_REDIS_HOST:$CLIENTELE_REDIS_PORT. Start it with: redis-server" \
    "--daemonize yes --bind $CLIENTELE_REDIS_HOST --port $CLIENTELE_REDIS_PORT --save '' --appendonly no" >&2
  return 1
}
