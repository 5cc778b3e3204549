# Sourced (POSIX sh) by ./mvnw, ./mixtape and .ci/run: makes JAVA_HOME point at a JDK >= 21.
# Order: JAVA_HOME if it is new enough, then `java` on the PATH, then the newest JDK under
# /usr/lib/jvm (or MIXTAPE_JVM_DIR). Fails with a clear message when none is found.
mixtape_java_major() {
  # prints the feature version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | sed 's/^1\.//' | head -n 1
}
mixtape_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(mixtape_java_major "$JAVA_HOME/bin/java"); [ "${v:-0}" -ge 21 ] 2>/dev/null && return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    jh=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(mixtape_java_major "$jh/bin/java"); if [ "${v:-0}" -ge 21 ] 2>/dev/null; then JAVA_HOME=$jh; export JAVA_HOME; return 0; fi
  fi
  best=""; bestv=0
  for d in "${MIXTAPE_JVM_DIR:-/usr/lib/jvm}"/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$d/bin/javac" ] || continue
    v=$(mixtape_java_major "$d/bin/java")
    if [ "${v:-0}" -ge 21 ] 2>/dev/null && [ "$v" -gt "$bestv" ]; then best=$d; bestv=$v; fi
  done
  if [ -n "$best" ]; then JAVA_HOME=$best; export JAVA_HOME; return 0; fi
  echo "mixtape: no JDK 21 or newer found (looked at JAVA_HOME, the PATH and ${MIXTAPE_JVM_DIR:-/usr/lib/jvm})." >&2
  echo "mixtape: install one (e.g. 'apt-get install temurin-21-jdk' or openjdk-21-jdk) or set JAVA_HOME to it." >&2
  return 1
}
mixtape_find_jdk || exit 1
