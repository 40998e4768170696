# One image for the API (default), the worker and the CLI (migrations, seeding, admin).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# The base image ships npm 10, which ignores package.json#allowScripts and would run every
# dependency's install script; npm 11 applies the same policy as a developer's `npm ci`.
RUN npm install -g npm@11.19.1 --no-audit --no-fund
COPY package.json package-lock.json ./
# The web app is an npm workspace: npm ci needs its manifest.
COPY apps/web/package.json ./apps/web/package.json
RUN npm ci --no-audit --no-fund
COPY tsconfig.json .swcrc nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm run build:web && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Root-owned and read-only to the app user.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The web app's build, served by the API at / (see apps/api/src/web).
COPY --from=build /app/apps/web/dist ./apps/web/dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
