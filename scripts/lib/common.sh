# Shared helpers for the TES scripts. Source it; do not run it.
# Every script finds a JDK >= 21 on its own, so a fresh machine needs no setup by hand.

TES_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

tes_log() { printf '[tes] %s\n' "$*" >&2; }
tes_die() { printf '[tes] error: %s\n' "$*" >&2; exit 1; }

# Prints the major version of the java binary given, or nothing.
tes_java_major() {
  local version
  version=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  printf '%s' "${version%%.*}"
}

# Sets JAVA_HOME to a JDK >= 21: JAVA_HOME if it qualifies, then the newest under /usr/lib/jvm
# (or TES_JVM_DIR), then the java on PATH.
tes_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(tes_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ]; then export JAVA_HOME; return 0; fi
    tes_log "JAVA_HOME=$JAVA_HOME is Java ${major:-?}; looking for Java 21 or newer elsewhere"
  fi
  for candidate in "${TES_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(tes_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] && [ "${major:-0}" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(tes_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ]; then best="$candidate"; fi
  fi
  [ -n "$best" ] || tes_die "no JDK 21 or newer found (checked JAVA_HOME, ${TES_JVM_DIR:-/usr/lib/jvm}/*, PATH). Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, or point JAVA_HOME at it."
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}

# Makes sure nats-server is on PATH: installs Debian's package when running as root, otherwise
# says exactly what is missing.
tes_ensure_nats() {
  if command -v nats-server >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    tes_log "installing nats-server from apt"
    apt-get install -y -q nats-server >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q nats-server >/dev/null 2>&1; } \
      || tes_die "apt-get install nats-server failed"
  else
    tes_die "nats-server is not installed. Run 'sudo apt-get install nats-server' (Debian/Ubuntu) or put a nats-server 2.9+ binary on PATH."
  fi
}

# Node.js 18+ and npm run the GraphQL conformance tools (graphql-http, graphql-ws) in the tests.
tes_ensure_node() {
  if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    local major
    major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
    if [ "$major" -ge 18 ]; then return 0; fi
    tes_die "Node.js $(node --version) is too old for the GraphQL conformance tests; install Node.js 18 or newer"
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    tes_log "installing nodejs and npm from apt (GraphQL conformance tests)"
    apt-get install -y -q nodejs npm >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q nodejs npm >/dev/null 2>&1; } \
      || tes_die "apt-get install nodejs npm failed"
  else
    tes_die "Node.js and npm are needed by the GraphQL conformance tests: 'sudo apt-get install nodejs npm', or Node.js 18+ from nodejs.org"
  fi
}

# Runs the Maven wrapper from the repository root. On JDK 24+ Maven's own Guice trips the
# sun.misc.Unsafe deprecation warnings; they say nothing about TES, so they are silenced there.
tes_mvn() {
  local opts="${MAVEN_OPTS:-}"
  if [ "$(tes_java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
    opts="$opts --sun-misc-unsafe-memory-access=allow"
  fi
  (cd "$TES_ROOT" && MAVEN_OPTS="$opts" ./mvnw -B -ntp "$@")
}
