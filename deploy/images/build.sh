#!/usr/bin/env bash
# Builds the five application images with versioned tags (the project version and commit, never "latest"):
#   deploy/images/build.sh                 # tags <registry>/<app>:<project version>
#   REGISTRY=registry.police.example/cyberreport deploy/images/build.sh
# Needs a container engine: docker, podman or buildah (ENGINE=… to choose). Builds the jars first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
REGISTRY="${REGISTRY:-cyberreport}"
ENGINE="${ENGINE:-$(command -v docker || command -v podman || command -v buildah || true)}"
[[ -n "$ENGINE" ]] || { echo "build.sh: no container engine (docker, podman or buildah) found" >&2; exit 1; }
VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | sed -n 2p)"
REVISION="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
TAG="${TAG:-$VERSION-$REVISION}"

mvn -B -ntp -q -DskipTests package

build() {
  local app="$1" port="$2" health="${3:-}"
  local image="$REGISTRY/$app:$TAG"
  local command=build
  [[ "$(basename "$ENGINE")" == buildah ]] && command=bud
  echo "building $image"
  "$ENGINE" "$command" -f deploy/images/Dockerfile --build-arg APP="$app" --build-arg PORT="$port" \
    --build-arg HEALTH_PORT="$health" -t "$image" .
}

build gateway 8080 9080
build intake-service 8081
build triage-service 8082
build cooperation-service 8083
build console 8090
echo "built $REGISTRY/{gateway,intake-service,triage-service,cooperation-service,console}:$TAG"
