# shellcheck shell=bash disable=SC2034  # JAVA is set for the scripts that source this file
# Sourced by deploy/local/*.sh and .ci/run: finds a JDK >= 21 without trusting the default `java`
# (17 on the project's machines). Order: JAVA_HOME, the `java` on PATH, then the newest under /usr/lib/jvm.

# Prints the major version of the java executable $1 (8 for "1.8.0_x", 21 for "21.0.2").
clientele_java_major() {
  local line version
  line=$("$1" -version 2>&1 | head -n 1) || return 1
  [[ $line == *\"*\"* ]] || return 1
  version=${line#*\"}
  version=${version%%\"*}
  [[ $version == 1.* ]] && version=${version#1.}
  version=${version%%[!0-9]*}
  [[ -n $version ]] || return 1
  printf '%s\n' "$version"
}

# Sets and exports JAVA_HOME to a JDK whose major version is at least $1 (default 21), sets JAVA to its
# java executable, and returns 0; returns 1 with a message on stderr when there is none.
clientele_find_jdk() {
  local minimum=${1:-21} major home best="" best_major=0 on_path
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
    major=$(clientele_java_major "$JAVA_HOME/bin/java") || major=0
    if (( major >= minimum )); then
      export JAVA_HOME
      JAVA=$JAVA_HOME/bin/java
      return 0
    fi
  fi
  if on_path=$(command -v java 2>/dev/null); then
    major=$(clientele_java_major "$on_path") || major=0
    if (( major >= minimum )); then
      on_path=$(readlink -f "$on_path")
      JAVA_HOME=${on_path%/bin/java}
      export JAVA_HOME
      JAVA=$on_path
      return 0
    fi
  fi
  for home in /usr/lib/jvm/*; do
    [[ -x $home/bin/java ]] || continue
    major=$(clientele_java_major "$home/bin/java") || continue
    if (( major >= minimum && major > best_major )); then
      best=$home
      best_major=$major
    fi
  done
  if [[ -n $best ]]; then
    JAVA_HOME=$best
    export JAVA_HOME
    JAVA=$best/bin/java
    return 0
  fi
  echo "No JDK >= $minimum found (looked at JAVA_HOME, the java on PATH and /usr/lib/jvm/*)." \
    "Install one (e.g. apt-get install openjdk-21-jdk-headless, where available) or point JAVA_HOME at one." >&2
  return 1
}

# Maven's own libraries (Guice) call sun.misc.Unsafe, which JDK 24 and later warn about on every build.
# Not the project's news: allow it in MAVEN_OPTS when JAVA (set by clientele_find_jdk) is such a JDK.
clientele_maven_on_new_jdk() {
  local major
  major=$(clientele_java_major "${JAVA:-java}") || return 0
  if ((major >= 24)) && [[ ${MAVEN_OPTS:-} != *sun-misc-unsafe-memory-access* ]]; then
    MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
    export MAVEN_OPTS
  fi
}
