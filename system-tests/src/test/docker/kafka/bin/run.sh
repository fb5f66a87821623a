#!/bin/bash
# Writes the broker's properties from KAFKA_* variables the way apache/kafka does (KAFKA_FOO_BAR -> foo.bar,
# __ -> _, ___ -> -), formats the log directories with $CLUSTER_ID unless they already are, and runs the broker.
set -euo pipefail

config=/opt/kafka/config/server.properties
: > "$config"
for var in $(compgen -e); do
  case $var in
    KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_GC_LOG_OPTS | KAFKA_LOG4J_OPTS \
      | KAFKA_JMX_OPTS) ;;
    KAFKA_*)
      name=${var#KAFKA_}
      name=${name,,}
      name=${name//___/-}
      name=${name//__/@}
      name=${name//_/.}
      printf '%s=%s\n' "${name//@/_}" "${!var}" >> "$config"
      ;;
  esac
done

# Kafka logs through SLF4J; the few Log4j API calls go to Log4j's own simple logger, for want of log4j-core.
java=(java -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory
  -cp '/opt/kafka/libs/*')
"${java[@]}" kafka.tools.StorageTool format --config "$config" --cluster-id "${CLUSTER_ID:?set CLUSTER_ID}" \
  --ignore-formatted
# shellcheck disable=SC2086 # the options are lists of words, as in Kafka's own scripts
exec "${java[@]}" ${KAFKA_HEAP_OPTS:--Xmx1G -Xms1G} ${KAFKA_OPTS:-} kafka.Kafka "$config"
