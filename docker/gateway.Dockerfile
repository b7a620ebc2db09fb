# syntax=docker/dockerfile:1
# The public entry: the gateway process routing /api/<service>/… and serving the built web UI. From the
# repository root:
#   docker build -f docker/gateway.Dockerfile -t mkt-gateway .
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.base.json ./
COPY docker/compile-services.js docker/
COPY apps apps
COPY libs libs
RUN npm run build:services && npm run build:web

FROM ${NODE_IMAGE} AS production-deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund --ignore-scripts

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    PORT=3000 \
    WEB_DIST_DIR=/app/web
WORKDIR /app
COPY --from=production-deps /src/node_modules ./node_modules
COPY --from=build /src/dist/node ./dist
COPY --from=build /src/dist/apps/web ./web
COPY docker/healthcheck.js ./
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 CMD ["node", "/app/healthcheck.js"]
CMD ["node", "dist/apps/gateway/src/main.js"]
