/**
 * The course's static web server, in C. Challenges ship this file as `server.c` and build it in
 * a `gcc` stage (`gcc -Os -static -s -o /out/server server.c`): with a real gcc image it compiles
 * for real, and offline the gcc stand-in hands back the binary `images prepare` compiled from
 * this same text with the host's gcc. A unit test keeps every challenge's copy identical.
 */
export const STATIC_SERVER_SOURCE = `/*
 * A tiny static file server: GET and HEAD only, one request per connection, files from one
 * folder. Built with "gcc -Os -static -s -o server server.c", it needs no shell, no libc on the
 * image and no other file, so it runs on scratch or distroless.
 * Usage: server [-p PORT] [-d DIR]   (defaults: 8080, /srv/www)
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static void on_term(int sig) { (void)sig; _exit(0); }

static const char *content_type(const char *path) {
  const char *dot = strrchr(path, '.');
  if (dot && strcmp(dot, ".html") == 0) return "text/html; charset=utf-8";
  if (dot && strcmp(dot, ".css") == 0) return "text/css";
  if (dot && strcmp(dot, ".json") == 0) return "application/json";
  return "text/plain; charset=utf-8";
}

static void reply(int fd, const char *status, const char *body) {
  char head[256];
  int n = snprintf(head, sizeof head, "HTTP/1.0 %s\\r\\nContent-Type: text/plain\\r\\nContent-Length: %zu\\r\\nConnection: close\\r\\n\\r\\n", status, strlen(body));
  if (write(fd, head, n) < 0 || write(fd, body, strlen(body)) < 0) return;
}

static void serve(int fd, const char *root) {
  char req[4096];
  ssize_t got = read(fd, req, sizeof req - 1);
  if (got <= 0) return;
  req[got] = 0;
  char method[8], target[1024];
  if (sscanf(req, "%7s %1023s", method, target) != 2) { reply(fd, "400 Bad Request", "bad request\\n"); return; }
  int head_only = strcmp(method, "HEAD") == 0;
  if (!head_only && strcmp(method, "GET") != 0) { reply(fd, "405 Method Not Allowed", "GET only\\n"); return; }
  char *query = strchr(target, '?');
  if (query) *query = 0;
  if (target[0] != '/' || strstr(target, "..")) { reply(fd, "400 Bad Request", "bad path\\n"); return; }
  char path[2048];
  snprintf(path, sizeof path, "%s%s%s", root, target, target[strlen(target) - 1] == '/' ? "index.html" : "");
  int file = open(path, O_RDONLY);
  struct stat st;
  if (file < 0 || fstat(file, &st) < 0 || !S_ISREG(st.st_mode)) {
    if (file >= 0) close(file);
    reply(fd, "404 Not Found", "not found\\n");
    return;
  }
  char head[256];
  int n = snprintf(head, sizeof head, "HTTP/1.0 200 OK\\r\\nContent-Type: %s\\r\\nContent-Length: %lld\\r\\nConnection: close\\r\\n\\r\\n", content_type(path), (long long)st.st_size);
  if (write(fd, head, n) >= 0 && !head_only) {
    char buf[8192];
    ssize_t r;
    while ((r = read(file, buf, sizeof buf)) > 0) if (write(fd, buf, r) < 0) break;
  }
  close(file);
}

int main(int argc, char **argv) {
  int port = 8080;
  const char *root = "/srv/www";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (strcmp(argv[i], "-p") == 0) port = atoi(argv[i + 1]);
    else if (strcmp(argv[i], "-d") == 0) root = argv[i + 1];
    else { fprintf(stderr, "usage: server [-p PORT] [-d DIR]\\n"); return 2; }
  }
  signal(SIGTERM, on_term);
  signal(SIGINT, on_term);
  signal(SIGPIPE, SIG_IGN);
  int s = socket(AF_INET, SOCK_STREAM, 0);
  int on = 1;
  setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_ANY) };
  if (s < 0 || bind(s, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(s, 16) < 0) {
    fprintf(stderr, "server: cannot listen on port %d: %s\\n", port, strerror(errno));
    return 1;
  }
  printf("server: listening on port %d, serving %s\\n", port, root);
  fflush(stdout);
  for (;;) {
    int c = accept(s, NULL, NULL);
    if (c < 0) continue;
    serve(c, root);
    close(c);
  }
}
`;
