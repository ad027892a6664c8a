/* LSP base protocol: Content-Length framed JSON messages over pipes.
 * Reading accumulates bytes until a whole message is there; writing queues
 * bytes and flushes them when the peer can take them, so the proxy never
 * blocks on a slow reader (the editor or clangd) while the other side waits. */
#ifndef BVLSP_LSP_IO_H
#define BVLSP_LSP_IO_H

#include <stddef.h>
#include <cjson/cJSON.h>

struct byte_buf {
	char *data;
	size_t len, cap;
};

void buf_append(struct byte_buf *b, const char *p, size_t n);
void buf_consume(struct byte_buf *b, size_t n);
void buf_free(struct byte_buf *b);

/* Incoming side of one stream. */
struct lsp_reader {
	int fd;
	struct byte_buf in;
	int eof;
};

/* Reads what is available on r->fd (non-blocking); 0 on EOF or error. */
int lsp_reader_fill(struct lsp_reader *r);
/* Takes the next complete message body out of the buffer: a malloc'd
 * NUL-terminated string (caller frees), or NULL when none is complete. */
char *lsp_reader_next(struct lsp_reader *r, size_t *len);

/* Outgoing side of one stream. */
struct lsp_writer {
	int fd;
	struct byte_buf out;
	int broken;
};

void lsp_write_raw(struct lsp_writer *w, const char *body, size_t len);
void lsp_write_json(struct lsp_writer *w, const cJSON *msg);
/* Writes as much as the fd takes now; 0 once the peer is gone. */
int lsp_writer_flush(struct lsp_writer *w);

void set_nonblocking(int fd);

#endif
