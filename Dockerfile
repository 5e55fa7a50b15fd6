# Baton container image.
#
#   docker build -t baton .
#   mkdir -p data
#   docker run -d --name baton \
#     -p 127.0.0.1:8080:8080 \
#     --user "$(id -u):$(id -g)" \
#     -v "$PWD/config:/app/config" \
#     -v "$PWD/data:/app/data" \
#     -e DISCORD_TOKEN \
#     -e BATON_CONSOLE_URL=http://localhost:8080 \
#     baton
#
# This is the command README.md documents (section "Docker"); a test (DockerfileAndReadmeAgreeTest)
# checks they stay the same. Why each part:
#   -p 127.0.0.1:8080:8080   the console is published on the host's loopback only; put TLS in front of it
#                            to reach it from elsewhere (README.md, "Exposing the console").
#   --user "$(id -u):$(id -g)"  Baton runs as you, so it can write the two host folders you own: config/
#                            (the console's Apply saves rules.yaml there) and data/ (SQLite). Without it the
#                            image's own user (uid 10001) cannot write folders owned by your host user.
#   -v .../config (read-write)  the console's Apply writes rules.yaml; edits on the host still reload.
#   -v .../data               the database; create the folder first (mkdir -p data), or Docker creates it
#                            owned by root.
#   BATON_CONSOLE_URL         how people reach the console: the setup link Baton logs uses it (without it,
#                            a console bound to 0.0.0.0 logs http://localhost:<port>).
#
# Stage 1 builds the fat jar with Maven and strips the native libraries this image cannot use (other
# operating systems, and the other CPU architecture); stage 2 is a plain JRE that runs it.

# ---------------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build

# zip is only needed to delete entries from the fat jar below.
RUN apt-get update \
 && apt-get install -y --no-install-recommends zip \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src

# The poms alone first, so the dependency download is a cached layer that is reused until a pom
# changes. The plugin version is pinned rather than left to Maven's default: 3.8.1 is known to skip
# reactor modules (bot depends on handoff-console, which is not built or installed at this point).
COPY pom.xml ./
COPY handoff-console/pom.xml handoff-console/
COPY bot/pom.xml bot/
RUN mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline

# Then the sources (.dockerignore keeps target/ directories out of the context).
COPY handoff-console/ handoff-console/
COPY bot/ bot/
RUN mvn -B -q package -DskipTests

# Set by BuildKit to the architecture the image is built for (amd64 or arm64): the jar keeps only
# that architecture's Linux natives.
ARG TARGETARCH

# The jar carries native code for every platform its dependencies support; the image is Linux on one
# CPU architecture, so drop the rest: ONNX Runtime's win/osx builds (including a ~300 MB Windows .pdb),
# the DJL tokenizers' win/osx builds, SQLite's Windows/macOS/FreeBSD/musl builds, JNA's dispatch
# libraries for non-Linux systems, and the Linux natives of the other architecture (aarch64 on an
# amd64 image, x86-64 on an arm64 one). The jar itself (java -jar outside Docker) keeps them all.
# JNA's Java classes in com/sun/jna/win32/ (no dash) are kept. zip exits 12 when no pattern matched
# at all ("nothing to do"), which is fine: it means a dependency no longer ships those files.
RUN case "${TARGETARCH:-amd64}" in \
      arm64) other='linux-x64 linux-x86_64 linux-x86-64 Linux/x86_64 Linux/x86' ;; \
      *)     other='linux-aarch64 Linux/aarch64 Linux/arm Linux/armv6 Linux/armv7' ;; \
    esac \
 && set -f \
 && patterns='' \
 && for dir in $other; do \
      patterns="$patterns ai/onnxruntime/native/$dir/* native/lib/$dir/* com/sun/jna/$dir/* org/sqlite/native/$dir/*"; \
    done \
 && ( zip -q -d bot/target/baton.jar \
        'ai/onnxruntime/native/win-*' \
        'ai/onnxruntime/native/osx-*' \
        'native/lib/win-*' \
        'native/lib/osx-*' \
        'com/sun/jna/win32-*' \
        'com/sun/jna/darwin-*' \
        'com/sun/jna/sunos-*' \
        'com/sun/jna/aix-*' \
        'com/sun/jna/freebsd-*' \
        'com/sun/jna/openbsd-*' \
        'com/sun/jna/dragonflybsd-*' \
        'org/sqlite/native/Windows/*' \
        'org/sqlite/native/Mac/*' \
        'org/sqlite/native/FreeBSD/*' \
        'org/sqlite/native/Linux-Musl/*' \
        'org/sqlite/native/Linux-Android/*' \
        $patterns \
        || [ $? -eq 12 ] ) \
 && jar tf bot/target/baton.jar > /dev/null

# ---------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# The image's own user, for a plain `docker run` with named volumes. The documented command above runs
# as your host user instead (--user "$(id -u):$(id -g)"), which may have no entry in /etc/passwd.
RUN groupadd --gid 10001 baton \
 && useradd --uid 10001 --gid baton --create-home --home-dir /home/baton \
        --shell /usr/sbin/nologin baton

WORKDIR /app

COPY --from=build /src/bot/target/baton.jar /app/baton.jar

# The sample configuration (config/knowledge.yaml and friends). Mount your own community's files over
# it, read-write so the console's Apply can save rules.yaml:  -v "$PWD/config:/app/config"
COPY config/ /app/config/
ENV BATON_CONFIG_DIR=/app/config

# SQLite data lives here; keep it on a bind mount (or a named volume) so it survives upgrades.
RUN mkdir -p /app/data && chown baton:baton /app/data
ENV BATON_DATA_DIR=/app/data
VOLUME /app/data

# Native libraries (tokenizers, ONNX Runtime, SQLite) are unpacked under the home directory and /tmp at
# start; a --user uid has no home of its own (Java 17 then says user.home is "?"), so both HOME and
# user.home (in ENTRYPOINT) point at a place every user can write.
ENV HOME=/tmp

USER baton

# Inside a container "localhost" is the container itself, so the console listens on every interface
# here; publish it to the host's loopback only (-p 127.0.0.1:8080:8080) and put TLS in front of it.
# The links Baton logs use BATON_CONSOLE_URL (http://localhost:8080 when it is not set).
ENV BATON_CONSOLE_HOST=0.0.0.0
ENV BATON_CONSOLE_PORT=8080
EXPOSE 8080

# JVM options, each measured (docs/benchmarks.md, "Issue 16 after decisions on lanes"): the serial collector with
# a heap that starts at 32 MB and may grow to 256 MB (without -Xms the heap starts at 1/64 of the machine's
# memory and every page of it gets touched), and the C1 compiler only: on two cores it answered as fast as
# with C2 (127 against 130 replies/s for one customer, 222 against 204 for sixteen), started sooner (2.8 against
# 3.5 s to ready) and held less (310 against 356 MB after a 10-minute soak at 50 msg/s). Its -Xmx wins
# over the ENTRYPOINT's MaxRAMPercentage, which stays the fallback when JDK_JAVA_OPTIONS names no -Xmx.
# Override: -e JDK_JAVA_OPTIONS=...
ENV JDK_JAVA_OPTIONS="-XX:+UseSerialGC -Xms32m -Xmx256m -XX:TieredStopAtLevel=1"

# The JRE image has no curl or wget: the check is a small class in the jar that GETs /healthz.
HEALTHCHECK --interval=30s --timeout=10s --start-period=90s --retries=3 \
    CMD ["java", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp", "/app/baton.jar", "dev.baton.cli.HealthCheck"]

# DISCORD_TOKEN comes from the runtime environment (docker run -e DISCORD_TOKEN), never the image.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Duser.home=/tmp", "-jar", "/app/baton.jar"]
