#!/bin/sh
# The cluster profile's TLS for Redis, made once (dev only): a self-signed certificate for the host
# "redis", and a trust store for the app nodes holding the dev tenant's trust store plus that
# certificate. With a real Redis (Azure Cache for Redis) the nodes trust its public CA instead.
set -eu
if [ -s /tls/truststore.p12 ]; then
  exit 0
fi
apk add --no-cache openssl openjdk17-jre-headless >/dev/null
keytool=$(find /usr/lib/jvm -name keytool -type f | head -n 1)
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj /CN=redis \
  -addext subjectAltName=DNS:redis -keyout /tls/redis.key -out /tls/redis.crt
# Read by the Redis image's unprivileged user; a key for the local cluster only.
chmod 0644 /tls/redis.key
cp /trust/truststore.p12 /tls/truststore.new.p12
"$keytool" -importcert -noprompt -alias redis -file /tls/redis.crt \
  -keystore /tls/truststore.new.p12 -storetype PKCS12 -storepass changeit
mv /tls/truststore.new.p12 /tls/truststore.p12
