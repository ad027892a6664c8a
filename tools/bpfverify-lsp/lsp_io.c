/* LSP base protocol framing; see lsp_io.h. */
#define _POSIX_C_SOURCE 200809L
#include "lsp_io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

void buf_append(struct byte_buf *b, const char *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *d = realloc(b->data, cap);
		if (!d) {
			fputs("bpfverify-lsp: out of memory\n", stderr);
			exit(1);
		}
		b->data = d;
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_consume(struct byte_buf *b, size_t n)
{
	if (n >= b->len) {
		b->len = 0;
	} else {
		memmove(b->data, b->data + n, b->len - n);
		b->len -= n;
	}
	if (b->data)
		b->data[b->len] = '\0';
}

void buf_free(struct byte_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void set_nonblocking(int fd)
{
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

int lsp_reader_fill(struct lsp_reader *r)
{
	char tmp[65536];
	for (;;) {
		ssize_t n = read(r->fd, tmp, sizeof tmp);
		if (n > 0) {
			buf_append(&r->in, tmp, (size_t)n);
			continue;
		}
		if (n == 0) {
			r->eof = 1;
			return 0;
		}
		if (errno == EINTR)
			continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			return 1;
		r->eof = 1;
		return 0;
	}
}

/* Header block: lines "Name: value\r\n" ending with an empty line. Only
 * Content-Length matters; Content-Type is accepted and ignored. */
char *lsp_reader_next(struct lsp_reader *r, size_t *len)
{
	if (!r->in.len)
		return NULL;
	char *end = strstr(r->in.data, "\r\n\r\n");
	if (!end)
		return NULL;
	size_t hdr_len = (size_t)(end - r->in.data) + 4;
	long content_len = -1;
	for (char *line = r->in.data; line < end;) {
		char *eol = strstr(line, "\r\n");
		if (!eol)
			break;
		if (strncasecmp(line, "Content-Length:", 15) == 0)
			content_len = strtol(line + 15, NULL, 10);
		line = eol + 2;
	}
	if (content_len < 0) {
		/* Not a header we understand: drop it rather than stall. */
		fputs("bpfverify-lsp: message without Content-Length dropped\n", stderr);
		buf_consume(&r->in, hdr_len);
		return NULL;
	}
	if (r->in.len < hdr_len + (size_t)content_len)
		return NULL;
	char *body = malloc((size_t)content_len + 1);
	if (!body)
		return NULL;
	memcpy(body, r->in.data + hdr_len, (size_t)content_len);
	body[content_len] = '\0';
	buf_consume(&r->in, hdr_len + (size_t)content_len);
	*len = (size_t)content_len;
	return body;
}

void lsp_write_raw(struct lsp_writer *w, const char *body, size_t len)
{
	char hdr[64];
	int n = snprintf(hdr, sizeof hdr, "Content-Length: %zu\r\n\r\n", len);
	buf_append(&w->out, hdr, (size_t)n);
	buf_append(&w->out, body, len);
	lsp_writer_flush(w);
}

void lsp_write_json(struct lsp_writer *w, const cJSON *msg)
{
	char *s = cJSON_PrintUnformatted(msg);
	if (!s)
		return;
	lsp_write_raw(w, s, strlen(s));
	free(s);
}

int lsp_writer_flush(struct lsp_writer *w)
{
	while (w->out.len && !w->broken) {
		ssize_t n = write(w->fd, w->out.data, w->out.len);
		if (n > 0) {
			buf_consume(&w->out, (size_t)n);
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return 1;
		w->broken = 1;
	}
	return !w->broken;
}
