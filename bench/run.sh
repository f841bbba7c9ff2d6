#!/usr/bin/env bash
# Reproducible benchmark: builds the WAR, then
#   1. LoadBenchmark: the WAR on a real Tomcat 11 with the dev tenant on loopback, signed-in users,
#      closed-loop load at 1, 16 and 64 connections per route (and on Graph /me called directly,
#      the yardstick), CPU per request for the app and the dev tenant, tenant call counts, where
#      the CPU went (flight recording), session size and heap per signed-in user (results in
#      target/bench/results.md);
#   2. JMH: the token path (session cache -> silent token, and the remembered answer) and session
#      (de)serialization.
#   3. Sessions in Redis vs in memory: the signed-in routes on Tomcat 11 in both modes, same run,
#      Redis commands and bytes per request, bytes per session, and the app's heap with
#      STORE_USERS (10000) signed-in users whose sessions are in Redis (needs redis-server).
# Options (environment): PHASE_MILLIS (default 10000 per measured phase), HEAP_USERS (500),
# STORE=0 to skip part 3, MAIN=0 to run part 3 alone, STORE_USERS (10000),
# PROFILE=0 to run the server without a flight recording, JMH=0 to skip the micro-benchmarks, SMOKE=1 for a quick run,
# COLD_ONLY=1 to stop part 1 after the cold start, THINK_MILLIS (0) for the cold-start customers' pause
# on the home page before they open their profile, APP_JVM_OPTS for extra options to the app server's JVM,
# BENCH_WAR=path to measure another build of the app (an older commit's WAR, say) with this benchmark,
# COMPARE_WAR=path to run that build and this one side by side instead of parts 1 and 3 (each route
# on one and then the other, round after round, COMPARE_ROUNDS of them (7), PHASE_MILLIS each;
# COMPARE_ROUTES="POST /users/update,/users/id" compares only the routes whose names contain those).
set -euo pipefail
cd "$(dirname "$0")/.."
phase=${PHASE_MILLIS:-10000}
users=${HEAP_USERS:-500}
jmh_args=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
if [ "${SMOKE:-0}" = 1 ]; then phase=1000; users=50; jmh_args=(-f 1 -wi 1 -w 1s -i 1 -r 1s); fi

./mvnw -B -q -DskipTests pre-integration-test
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt
cp="target/test-classes:target/classes:$(cat target/bench/classpath.txt)"
mkdir -p target/tmp
java -Xmx1g -Djava.io.tmpdir=target/tmp \
  -Dtomcat.home="$(ls -d target/containers/apache-tomcat-11*)" -Dedit-profile.war="${BENCH_WAR:-target/edit-profile.war}" \
  -Dbench.profile="$([ "${PROFILE:-1}" = 1 ] && echo true || echo false)" -Dbench.phaseMillis="$phase" -Dbench.heapUsers="$users" -Dbench.out=target/bench/results.md \
  -Dbench.coldOnly="$([ "${COLD_ONLY:-0}" = 1 ] && echo true || echo false)" "-Dbench.appJvm=${APP_JVM_OPTS:-}" \
  "-Dbench.compareWar=${COMPARE_WAR:-}" -Dbench.compareRounds="${COMPARE_ROUNDS:-7}" "-Dbench.compareRoutes=${COMPARE_ROUTES:-}" -Dbench.thinkMillis="${THINK_MILLIS:-0}" \
  -Dbench.main="$([ "${MAIN:-1}" = 1 ] && echo true || echo false)" -Dbench.store="$([ "${STORE:-1}" = 1 ] && echo true || echo false)" -Dbench.storeUsers="${STORE_USERS:-10000}" \
  -cp "$cp" org.editprofile.bench.LoadBenchmark
if [ "${JMH:-1}" = 1 ]; then
  java -Djava.io.tmpdir=target/tmp -cp "$cp" org.openjdk.jmh.Main "${jmh_args[@]}" \
    -rf text -rff target/bench/jmh.txt 'org.editprofile.auth.TokenPathBenchmark' 'org.editprofile.service.BearerTokenBenchmark'
fi
echo "Results: target/bench/results.md${JMH:+ and target/bench/jmh.txt}"
