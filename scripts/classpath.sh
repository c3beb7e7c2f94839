# Sourced by scripts/synth and scripts/review: the project's runtime classpath, built by Maven only when it is stale.
#
# project_classpath prints target/classes plus the runtime dependencies. It runs Maven (compile and
# dependency:build-classpath into target/runtime.classpath) only when target/classes or that file is missing, or
# pom.xml or src/main changed since; Maven's output goes to target/classpath-build.log, shown on stderr if it fails.
# With STOREFRONT_CLASSPATH set, it prints that instead and builds nothing.

# The JVM flags synthesis runs with: a short run, where the C1 compiler alone and the serial collector spend a sixth
# less CPU than the defaults (scripts/benchmark synth measures both apps with them).
SYNTH_JVM_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

project_classpath() {
  local root=$1
  # A caller that has built the project already (a CI job, the test suite) may hand its classpath over.
  if [ -n "${STOREFRONT_CLASSPATH:-}" ]; then
    echo "$STOREFRONT_CLASSPATH"
    return 0
  fi
  local classpath=$root/target/runtime.classpath
  if [ ! -f "$classpath" ] || [ ! -d "$root/target/classes" ] \
      || [ -n "$(find "$root/pom.xml" "$root/src/main" -newer "$classpath" -print -quit)" ]; then
    mkdir -p "$root/target"
    if ! mvn -B -q -ntp -f "$root/pom.xml" compile dependency:build-classpath \
        -DincludeScope=runtime -Dmdep.outputFile="$classpath" > "$root/target/classpath-build.log" 2>&1; then
      cat "$root/target/classpath-build.log" >&2
      return 1
    fi
    # The plugin leaves an unchanged file untouched, and its date is what says the build is fresh.
    touch "$classpath"
  fi
  echo "$root/target/classes:$(cat "$classpath")"
}
