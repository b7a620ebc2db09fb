# syntax=docker/dockerfile:1
# The image of one backend service (identity, registry, projects, draw, bidding or audit), built from the
# repository root:
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=registry --build-arg PORT=3102 -t mkt-registry .
# Stages: `build` compiles TypeScript with the dev toolchain, `production-deps` installs only runtime
# dependencies, the final stage copies the two into a slim image that runs as an unprivileged user.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
# No install scripts: nothing here needs one, and none may fetch anything at build time.
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.base.json ./
COPY docker/compile-services.js docker/
COPY apps apps
COPY libs libs
RUN npm run build:services

FROM ${NODE_IMAGE} AS production-deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund --ignore-scripts

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ARG PORT
RUN test -n "${SERVICE}" && test -n "${PORT}" || { echo "build with --build-arg SERVICE=<name> --build-arg PORT=<port>"; exit 1; }
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    SERVICE=${SERVICE} \
    PORT=${PORT} \
    HOST=0.0.0.0 \
    EVENT_TRANSPORT=kafka
WORKDIR /app
# Owned by root and read-only to the service user: the process can change none of its own code.
COPY --from=production-deps /src/node_modules ./node_modules
COPY --from=build /src/dist/node ./dist
COPY docker/healthcheck.js ./
RUN test -f "dist/apps/${SERVICE}/src/main.js" || { echo "no service named ${SERVICE}"; exit 1; }
# The `node` user of the base image, by number so that Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 CMD ["node", "/app/healthcheck.js"]
# exec: node is PID 1 and gets SIGTERM itself, so Nest's shutdown hooks drain the relay and consumers.
CMD ["sh", "-c", "exec node dist/apps/${SERVICE}/src/main.js"]
