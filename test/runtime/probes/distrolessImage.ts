/**
 * A distroless-style image for probe tests: FROM scratch with one BusyBox binary named `sleep`,
 * so it can idle as a probe target but offers no shell, no package manager, no `cat`.
 */
export const DISTROLESS_DOCKERFILE = [
  'FROM busybox:1.36.1 AS tools',
  'FROM scratch',
  'COPY --from=tools /bin/busybox /app/sleep',
  'CMD ["/app/sleep", "300"]',
  '',
].join('\n');
