#!/usr/bin/env bash
# Prints the home of a JDK >= 21: $JAVA_HOME if it qualifies, else the newest under the usual
# JDK folders. Sourced by ./coffer and .ci/run; exits non-zero with a hint when none is found.
set -u

coffer_jdk_major() {
  local home="$1" v
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "${v:-}" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  fi
  [ -n "${v:-}" ] && echo "$v"
}

coffer_find_jdk() {
  local best="" best_major=0 home major
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(coffer_jdk_major "$JAVA_HOME") && [ "$major" -ge 21 ] && { echo "$JAVA_HOME"; return 0; }
  fi
  for home in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$home" ] || continue
    major=$(coffer_jdk_major "$home") || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$home"; best_major="$major"
    fi
  done
  if [ -n "$best" ]; then
    echo "$best"
    return 0
  fi
  echo "coffer: no JDK >= 21 found (looked at JAVA_HOME and /usr/lib/jvm/*); install one, e.g. Temurin 21 or 25, and set JAVA_HOME" >&2
  return 1
}
