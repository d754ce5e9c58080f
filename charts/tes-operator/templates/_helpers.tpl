{{- define "tes.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "tes.serviceAccountName" -}}
{{- if .Values.serviceAccount.name -}}
{{- .Values.serviceAccount.name -}}
{{- else -}}
{{- include "tes.fullname" . -}}
{{- end -}}
{{- end -}}

{{- define "tes.labels" -}}
app.kubernetes.io/name: tes-operator
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: tes
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "tes.selectorLabels" -}}
app.kubernetes.io/name: tes-operator
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "tes.natsUrl" -}}
{{- if .Values.nats.enabled -}}
{{- printf "nats://tes-nats.%s.svc:4222" .Release.Namespace -}}
{{- else -}}
{{- .Values.nats.url -}}
{{- end -}}
{{- end -}}
