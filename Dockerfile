# syntax=docker/dockerfile:1
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY dialog/pom.xml dialog/
COPY knowledge-index/pom.xml knowledge-index/
COPY integrations/pom.xml integrations/
COPY bot-app/pom.xml bot-app/
RUN ./mvnw -B -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip package

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /app --uid 10001 learnloop
WORKDIR /app
COPY --from=build /src/bot-app/target/bot-app.jar ./bot-app.jar
COPY --chown=learnloop content ./content
RUN mkdir -p /app/data && chown learnloop /app/data
USER learnloop
ENV LEARNLOOP_DATA_DIR=/app/data PORT=8080
VOLUME /app/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/actuator/health" || exit 1
ENTRYPOINT ["java", "-Dfile.encoding=UTF-8", "-XX:MaxRAMPercentage=75", "-jar", "/app/bot-app.jar"]
