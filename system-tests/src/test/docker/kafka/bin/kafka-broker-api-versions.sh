#!/bin/sh
# Kafka's script of that name, as the Compose health check calls it.
exec java -Xmx256M -cp '/opt/kafka/libs/*' org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
