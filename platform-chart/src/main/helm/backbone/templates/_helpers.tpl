{{/* The labels of the resources this chart itself creates. */}}
{{- define "backbone.labels" -}}
app.kubernetes.io/part-of: backbone
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}

{{/* The services that talk to Kafka and PostgreSQL and verify bearer tokens. */}}
{{- define "backbone.services" -}}
catalog-service program-service logging-service webhook-service
{{- end }}
