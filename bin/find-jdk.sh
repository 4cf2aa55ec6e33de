# Sourced by ./mvnw and ./nn: sets JAVA_HOME to a JDK 25 or newer, or exits with one line saying what to install.
# Looks at JAVA_HOME, then the java on PATH, then the usual install folders; the newest suitable JDK wins.

nn_java_feature() { # prints the feature version of the JDK in folder $1, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  # Every JDK since 9 states its version in a 'release' file: read in bash, it costs no process.
  local line version
  if [ -f "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in
        JAVA_VERSION=*)
          version=${line#JAVA_VERSION=}; version=${version//\"/}; version=${version%%[!0-9]*}
          [ -n "$version" ] && printf '%s\n' "$version"
          return 0 ;;
      esac
    done < "$1/release"
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

nn_find_jdk() {
  local candidate version best="" best_version=0
  local path_java
  path_java=$(command -v java 2>/dev/null || true)
  [ -n "$path_java" ] && path_java=$(dirname "$(dirname "$(readlink -f "$path_java")")")
  for candidate in "${JAVA_HOME:-}" "$path_java" /usr/lib/jvm/* /opt/java/* /opt/jdk* \
      "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -d "$candidate" ] || continue
    version=$(nn_java_feature "$candidate")
    [ -n "$version" ] || continue
    if [ "$version" -ge 25 ] && [ "$version" -gt "$best_version" ]; then
      best=$candidate best_version=$version
    fi
    # JAVA_HOME, when suitable, is taken as the user's choice.
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$version" -ge 25 ]; then break; fi
  done
  [ -n "$best" ] && printf '%s\n' "$best"
}

NN_JDK=$(nn_find_jdk)
if [ -z "$NN_JDK" ]; then
  echo "nn: no JDK 25 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one, e.g. Temurin 25, and run again." >&2
  exit 1
fi
export JAVA_HOME="$NN_JDK"
