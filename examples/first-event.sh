#!/usr/bin/env bash
# Sends a first event to a tenant from your machine, through a port-forward to its Service.
# Usage: examples/first-event.sh [tenant]   (default: acme)
set -euo pipefail
tenant="${1:-acme}"
ns="tes-$tenant"
kubectl wait "tenant/$tenant" --for=condition=Ready --timeout=300s
key=$(kubectl -n "$ns" get secret tes-credentials -o jsonpath='{.data.apiKey}' | base64 -d)
kubectl -n "$ns" port-forward svc/tes 18080:80 >/dev/null 2>&1 &
forward=$!
trap 'kill $forward' EXIT
sleep 2
curl -sS -X POST http://127.0.0.1:18080/v1/events \
  -H "Authorization: Bearer $key" \
  -H 'Content-Type: application/cloudevents+json' \
  -d '{"specversion":"1.0","id":"order-1-created","source":"/shop","type":"com.example.order.created","subject":"order-1","data":{"sku":"A-1","quantity":2}}'
echo
