# shellcheck shell=bash
# Sourced by deploy/local/run.sh and .ci/run: makes sure the local PostgreSQL answers on 127.0.0.1:5432
# as user postgres without a password, as it does on the project's machines. It starts a stopped server,
# and on a machine that has none it installs Debian's (as root) and lets loopback connections in
# without a password. Functions print what is wrong on stderr and return 1; callers decide to stop.

CLIENTELE_PG_HOST=${CLIENTELE_PG_HOST:-127.0.0.1}
CLIENTELE_PG_PORT=${CLIENTELE_PG_PORT:-5432}

_clientele_pg_accepting() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$CLIENTELE_PG_HOST" -p "$CLIENTELE_PG_PORT" >/dev/null 2>&1
  else
    (exec 3<>"/dev/tcp/$CLIENTELE_PG_HOST/$CLIENTELE_PG_PORT") 2>/dev/null
  fi
}

_clientele_pg_wait() {
  local seconds=$1
  while (( seconds-- > 0 )); do
    _clientele_pg_accepting && return 0
    sleep 1
  done
  _clientele_pg_accepting
}

# Starts every stopped cluster that pg_lsclusters knows on our port (Debian's postgresql-common).
_clientele_pg_start_clusters() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 1
  local version cluster port status _rest started=1
  while read -r version cluster port status _rest; do
    [[ $port == "$CLIENTELE_PG_PORT" && $status == down* ]] || continue
    echo "Starting PostgreSQL $version/$cluster ..." >&2
    if pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start; then
      started=0
    else
      echo "pg_ctlcluster $version $cluster start failed; see /var/log/postgresql/postgresql-$version-$cluster.log" >&2
    fi
  done < <(pg_lsclusters --no-header 2>/dev/null)
  return $started
}

_clientele_pg_install() {
  if [[ $(id -u) -ne 0 ]]; then
    echo "PostgreSQL is not installed. Install it as root: apt-get install -y postgresql postgresql-contrib" >&2
    return 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL is not installed and this machine has no apt-get: install PostgreSQL 15+ with the" \
      "contrib extensions (pg_trgm, unaccent) and let user postgres in from 127.0.0.1 without a password." >&2
    return 1
  fi
  echo "Installing PostgreSQL (apt-get install postgresql postgresql-contrib) ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq postgresql postgresql-contrib >/dev/null; }; then
    echo "apt-get could not install PostgreSQL" >&2
    return 1
  fi
  _clientele_pg_trust_loopback
}

# Debian's default asks loopback clients for a password; the services and tests connect as postgres with
# none, as on the project's machines. Only done to a server this script installed itself.
# Arguments: cluster configuration directories (default: every /etc/postgresql/<version>/main).
_clientele_pg_trust_loopback() {
  local dir hba version cluster
  (($#)) || set -- /etc/postgresql/*/main
  for dir in "$@"; do
    hba=$dir/pg_hba.conf
    [[ -f $hba ]] || continue
    if ! grep -q 'clientele: trust loopback' "$hba"; then
      {
        echo "# clientele: trust loopback (added by deploy/lib/postgres.sh for local runs and CI)"
        echo "host all all 127.0.0.1/32 trust"
        echo "host all all ::1/128 trust"
        cat "$hba"
      } >"$hba.new" && cat "$hba.new" >"$hba" && rm -f "$hba.new"
    fi
    cluster=${dir##*/}
    version=${dir%/*}
    version=${version##*/}
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" reload >/dev/null 2>&1 || true
  done
}

# The whole check: PostgreSQL is up and user postgres gets in from 127.0.0.1 without a password.
clientele_postgres_ensure() {
  if ! _clientele_pg_accepting; then
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || [[ -z $(ls -A /etc/postgresql 2>/dev/null) ]]; then
      _clientele_pg_install || return 1
    fi
    _clientele_pg_start_clusters || true
    if ! _clientele_pg_wait 30; then
      echo "PostgreSQL does not answer on $CLIENTELE_PG_HOST:$CLIENTELE_PG_PORT." \
        "Start it with: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start" >&2
      return 1
    fi
  fi
  if ! command -v psql >/dev/null 2>&1; then
    echo "psql is missing: apt-get install -y postgresql-client" >&2
    return 1
  fi
  if ! clientele_psql postgres -c 'select 1' >/dev/null 2>&1; then
    echo "PostgreSQL on $CLIENTELE_PG_HOST:$CLIENTELE_PG_PORT refuses user postgres without a password:" \
      "let loopback in (pg_hba.conf: host all all 127.0.0.1/32 trust) or set PGPASSWORD." >&2
    clientele_psql postgres -c 'select 1' >&2 || true
    return 1
  fi
}

# psql against database $1 as postgres, never prompting; the remaining arguments go to psql.
clientele_psql() {
  local database=$1
  shift
  psql -X -q -w -v ON_ERROR_STOP=1 -h "$CLIENTELE_PG_HOST" -p "$CLIENTELE_PG_PORT" -U postgres -d "$database" "$@"
}

# Creates each database named when it is missing.
clientele_postgres_databases() {
  local database
  for database in "$@"; do
    [[ $database =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "not a plain database name: $database" >&2; return 1; }
    if [[ $(clientele_psql postgres -tAc "select 1 from pg_database where datname = '$database'") != 1 ]]; then
      echo "Creating database $database" >&2
      clientele_psql postgres -c "create database $database" || return 1
    fi
  done
}
