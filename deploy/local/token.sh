#!/usr/bin/env bash
# Prints a fresh development token signed with the secret deploy/local/run.sh keeps, so the locally
# running services accept it. Without options: the demo workspace, roles OWNER and STAFF, valid 12 h.
#
#   deploy/local/token.sh [--workspace UUID] [--subject NAME] [--roles OWNER,STAFF] [--validity 12h]
#   export TOKEN=$(deploy/local/token.sh)
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
SECRET_FILE=$ROOT/deploy/local/.state/jwt-secret

# shellcheck source=deploy/lib/jdk.sh
source "$ROOT/deploy/lib/jdk.sh"

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  sed -n '2,6s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
  exit 0
fi
[[ -s $SECRET_FILE ]] || { echo "token.sh: no secret yet in ${SECRET_FILE#"$ROOT"/}; start the system once with deploy/local/run.sh" >&2; exit 1; }
jar=
for candidate in "$ROOT"/deploy/local-runner/target/local-runner-*.jar; do
  [[ -f $candidate ]] && jar=$candidate && break
done
[[ -n $jar ]] || { echo "token.sh: the local runner is not built: ./mvnw -q -pl deploy/local-runner -am -DskipTests package" >&2; exit 1; }
clientele_find_jdk 21 || exit 1

CLIENTELE_SECURITY_JWT_HMAC_SECRET=$(<"$SECRET_FILE") exec "$JAVA" -jar "$jar" token "$@"
