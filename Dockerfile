# syntax=docker/dockerfile:1
# One image for the ten subgraphs and the gateway (target "app", the default), plus an nginx image for the
# built Vue client (target "client"). The services run TypeScript through tsx (a devDependency), hence a
# full `npm ci`.
#   docker build -t stages-app .                      # subgraphs + gateway
#   docker build --target client -t stages-client .   # client (nginx)

FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV npm_config_update_notifier=false
# Manifests first, so the dependency layer is reused until a package.json or the lockfile changes.
COPY package.json package-lock.json .npmrc ./
COPY platform/package.json platform/
COPY gateway/package.json gateway/
COPY client/package.json client/
COPY subgraphs/auth/package.json subgraphs/auth/
COPY subgraphs/students/package.json subgraphs/students/
COPY subgraphs/enterprises/package.json subgraphs/enterprises/
COPY subgraphs/universities/package.json subgraphs/universities/
COPY subgraphs/offers/package.json subgraphs/offers/
COPY subgraphs/applications/package.json subgraphs/applications/
COPY subgraphs/internships/package.json subgraphs/internships/
COPY subgraphs/documents/package.json subgraphs/documents/
COPY subgraphs/notifications/package.json subgraphs/notifications/
COPY subgraphs/reports/package.json subgraphs/reports/
RUN npm ci && npm cache clean --force

FROM deps AS source
COPY . .

FROM source AS client-build
RUN npx vite build client

FROM nginx:1.27-alpine AS client
COPY infra/docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=client-build /app/client/dist /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD wget -q -O /dev/null http://127.0.0.1/ || exit 1

FROM source AS app
# The gateway can also serve the built client (CLIENT_DIST_DIR defaults to client/dist).
COPY --from=client-build /app/client/dist client/dist
RUN mkdir -p .data && chown node:node .data
ENV HOST=0.0.0.0 \
    LOG_LEVEL=info
USER node
EXPOSE 4000 8001 8002 8003 8004 8005 8006 8007 8008 8009 8010
CMD ["node", "--import", "tsx", "gateway/src/main.ts"]
