# shipshape as an image, for CI jobs that grade a class (docs/ci/). It talks to a Docker engine
# named by DOCKER_HOST (a dind service, or a dedicated grading engine over tcp+TLS or ssh); do not
# mount the host's /var/run/docker.sock into it, which would hand every submission's grader root
# on the host. Build: docker build -t shipshape:0.1.0 .
# Pin the base by digest when you publish: docker buildx imagetools inspect node:20.19.5-bookworm-slim

FROM node:20.19.5-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# engine-strict as in .npmrc (which is not copied: the lint refuses .npmrc files in layers).
RUN npm ci --engine-strict --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/bundle.mjs scripts/
COPY src src
RUN npm run build && npm prune --omit=dev

FROM node:20.19.5-bookworm-slim
# A CLI needs no SUID helpers; nothing in the image should raise privileges.
RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true
WORKDIR /opt/shipshape
COPY --from=build /src/node_modules node_modules
COPY --from=build /src/dist dist
COPY package.json ./
COPY bin bin
COPY lessons lessons
COPY challenges challenges
# Data (course cache, workspaces) in a writable place for any uid the job runs as.
ENV SHIPSHAPE_HOME=/tmp/shipshape NO_COLOR=1
USER 10001:10001
# The CLI is a one-shot command; "healthy" means it starts and loads its course.
HEALTHCHECK --interval=30s --timeout=10s CMD ["node", "/opt/shipshape/bin/shipshape.cjs", "--version"]
ENTRYPOINT ["node", "/opt/shipshape/bin/shipshape.cjs"]
# shipshape-ignore dockerfile/document-exposed-ports -- a command-line tool serves no port
CMD ["--help"]
