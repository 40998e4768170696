# One image for the API (default), the worker and the CLI (migrations, seeding, admin).

FROM node:20-bookworm-slim AS build
# Toolchain for compiling argon2 below; stays in this stage.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The base image ships npm 10, which ignores package.json#allowScripts and would run every
# dependency's install script; npm 11 applies the same policy as a developer's `npm ci`.
RUN npm install -g npm@11.19.1 --no-audit --no-fund
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# argon2 0.45.1's linux-x64 glibc prebuild segfaults when Node 20 loads it, and allowScripts
# (argon2: false) skips its own build step, so compile it here with npm's bundled node-gyp and
# the image's Node headers; node-gyp-build prefers build/Release over the prebuilds.
RUN cd node_modules/argon2 \
  && node "$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js" rebuild --nodedir=/usr/local \
  && node -e "require('argon2')"
COPY tsconfig.json .swcrc nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Root-owned and read-only to the app user.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
