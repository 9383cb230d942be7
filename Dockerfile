# Earshot's image: a build stage with every dependency compiles the bundle (dist/); the runtime stage
# holds only `npm ci --omit=dev` (about 110 MB of node_modules), the bundle and the migrations, and
# runs as the unprivileged `node` user.
#
#   docker build -t earshot .
#   docker run --init -p 3000:3000 -v earshot-data:/data --env-file .env earshot
#
# Configuration is environment variables (README, "Configuration"); none is baked into the image.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: ours needs the sources (run below), and no dependency needs its own (the Prisma
# engines' would try to download binaries Earshot never runs).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY src ./src
RUN node scripts/prisma-generate.mjs && node scripts/build.mjs

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    EARSHOT_DATA_DIR=/data \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY bin ./bin
COPY prisma/migrations ./prisma/migrations
COPY demo ./demo
COPY --from=build /app/dist ./dist
# The embedded database (PGlite) lives in /data unless DATABASE_URL names a PostgreSQL server.
RUN mkdir /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000
# Slim images have no curl: Node's own fetch asks /readyz (200 once the database, the search index
# and every configured chat platform are ready; 503 naming what is not).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/earshot.js", "serve"]
