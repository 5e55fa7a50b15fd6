# Baton container image.
#
#   docker build -t baton .
#   docker run --rm -it -p 8080:8080 \
#     -v "$PWD/config:/app/config:ro" \
#     -v baton-data:/app/data \
#     baton
#
# Stage 1 builds the fat jar with Maven and strips the native libraries that only matter on
# Windows and macOS; stage 2 is a plain JRE that runs it as an unprivileged user.

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

# The jar carries native code for every platform its dependencies support; the image is Linux,
# so drop the rest: ONNX Runtime's win/osx builds (including a ~300 MB Windows .pdb), the DJL
# tokenizers' win/osx builds, SQLite's Windows/macOS/FreeBSD builds, and JNA's dispatch libraries
# for non-Linux systems. JNA's Java
# classes in com/sun/jna/win32/ (no dash) are kept. zip exits 12 when no pattern matched at all
# ("nothing to do"), which is fine: it means a dependency no longer ships those files.
RUN ( zip -q -d bot/target/baton.jar \
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
        || [ $? -eq 12 ] ) \
 && jar tf bot/target/baton.jar > /dev/null

# ---------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

RUN groupadd --gid 10001 baton \
 && useradd --uid 10001 --gid baton --create-home --home-dir /home/baton \
        --shell /usr/sbin/nologin baton

WORKDIR /app

COPY --from=build /src/bot/target/baton.jar /app/baton.jar

# The sample configuration (config/knowledge.yaml and friends). It is meant to be mounted over
# with your own community's files, read-only:  -v $PWD/config:/app/config:ro
COPY config/ /app/config/

# SQLite data lives here; keep it on a named volume or a bind mount so it survives upgrades.
RUN mkdir -p /app/data && chown baton:baton /app/data
ENV BATON_DATA_DIR=/app/data
VOLUME /app/data

USER baton

# Inside a container "localhost" is the container itself, so the console listens on every interface
# here; publish it to the host's loopback only (-p 127.0.0.1:8080:8080) and put TLS in front of it.
ENV BATON_CONSOLE_HOST=0.0.0.0
EXPOSE 8080

# DISCORD_TOKEN comes from the runtime environment (docker run -e DISCORD_TOKEN=...), never the image.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/baton.jar"]
