#!/usr/bin/env bash
# Builds local stand-ins for the images docker-compose.yml pulls, for machines that reach no image registry
# (Debian mirrors and Maven Central only). Needs root (debootstrap) and a Docker engine (.ci/docker-engine start).
#   system-tests/src/test/docker/build-images.sh [debian] [jre] [postgres] [kafka]   (all, in this order, by default)
# Then, at the repository root:
#   BACKBONE_JRE_IMAGE=backbone-test/jre:17 BACKBONE_POSTGRES_IMAGE=backbone-test/postgres:18 \
#   BACKBONE_KAFKA_IMAGE=backbone-test/kafka:4.2.1 docker-compose up --build
# The Debian image is built once and kept; the others rebuild on Docker's layer cache. PostgreSQL and Kafka come
# from the Maven artifacts the embedded stack runs (pom.xml here), copied into the build contexts by Maven.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
stage=$root/system-tests/target/docker-images
docker=${DOCKER:-/usr/bin/docker} # Debian's client, as .ci/docker-engine uses

build_debian() {
  if "$docker" image inspect backbone-test/debian:bookworm >/dev/null 2>&1; then
    echo "backbone-test/debian:bookworm exists; docker rmi it to build it again"
    return
  fi
  local rootfs=$stage/debian-rootfs
  rm -rf "$rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | "$docker" import --change 'CMD ["bash"]' - backbone-test/debian:bookworm
  rm -rf "$rootfs"
}

# Copies an image's folder to the stage, where the Maven artifacts join it before the build.
stage_context() {
  rm -rf "${stage:?}/$1"
  mkdir -p "$stage"
  cp -r "$here/$1" "$stage/$1"
}

maven() {
  "$root/mvnw" -B -q -f "$here/pom.xml" "$@"
}

build_jre() {
  stage_context jre
  "$docker" build -t backbone-test/jre:17 "$stage/jre"
}

build_postgres() {
  stage_context postgres
  # The binaries jar holds one .txz, which the Dockerfile's ADD unpacks; unpacked again whatever Maven's markers say.
  maven dependency:unpack-dependencies -DincludeGroupIds=io.zonky.test.postgres -Dmdep.unpack.includes='*.txz' \
    -DoverWriteReleases=true -DoutputDirectory="$stage/postgres"
  "$docker" build -t backbone-test/postgres:18 "$stage/postgres"
}

build_kafka() {
  stage_context kafka
  maven dependency:copy-dependencies -DincludeScope=runtime -DexcludeGroupIds=io.zonky.test.postgres \
    -DoutputDirectory="$stage/kafka/libs"
  "$docker" build -t backbone-test/kafka:4.2.1 "$stage/kafka"
}

images=("$@")
[ ${#images[@]} -gt 0 ] || images=(debian jre postgres kafka)
for image in "${images[@]}"; do
  start=$SECONDS
  "build_$image"
  echo "== $image: $((SECONDS - start)) s"
done
