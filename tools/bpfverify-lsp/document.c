/* Open documents and their text; see document.h. */
#define _POSIX_C_SOURCE 200809L
#include "document.h"

#include <stdlib.h>
#include <string.h>

struct document *doc_find(struct document **list, const char *uri, int create)
{
	/* clangd and the editor may spell the same file's URI differently
	 * (percent-encoding): file URIs compare by their path. */
	char *path = uri_to_path(uri);
	for (struct document *d = *list; d; d = d->next) {
		if (strcmp(d->uri, uri) == 0 || (path && d->path && strcmp(d->path, path) == 0)) {
			free(path);
			return d;
		}
	}
	free(path);
	if (!create)
		return NULL;
	struct document *d = calloc(1, sizeof *d);
	d->uri = strdup(uri);
	d->path = uri_to_path(uri);
	d->text = strdup("");
	d->bpf = -1;
	d->check.out_fd = -1;
	d->next = *list;
	*list = d;
	return d;
}

void doc_close(struct document **list, struct document *d)
{
	for (struct document **p = list; *p; p = &(*p)->next) {
		if (*p == d) {
			*p = d->next;
			break;
		}
	}
	free(d->uri);
	free(d->path);
	free(d->text);
	cJSON_Delete(d->clangd_diags);
	cJSON_Delete(d->bv_diags);
	cJSON_Delete(d->bv_actions);
	buf_free(&d->check.out);
	free(d->check.input_path);
	free(d);
}

void doc_set_text(struct document *d, const char *text)
{
	free(d->text);
	d->text = strdup(text ? text : "");
	d->len = strlen(d->text);
}

/* Length in UTF-16 code units of the UTF-8 sequence starting with byte c. */
static int utf8_len(unsigned char c, int *units)
{
	*units = 1;
	if (c < 0x80)
		return 1;
	if ((c & 0xE0) == 0xC0)
		return 2;
	if ((c & 0xF0) == 0xE0)
		return 3;
	if ((c & 0xF8) == 0xF0) {
		*units = 2;
		return 4;
	}
	return 1;
}

static size_t line_start(const struct document *d, long line)
{
	size_t off = 0;
	for (long l = 0; l < line; l++) {
		const char *nl = memchr(d->text + off, '\n', d->len - off);
		if (!nl)
			return d->len;
		off = (size_t)(nl - d->text) + 1;
	}
	return off;
}

size_t doc_offset(const struct document *d, long line, long character)
{
	size_t off = line_start(d, line);
	long col = 0;
	while (off < d->len && d->text[off] != '\n' && col < character) {
		int units;
		int n = utf8_len((unsigned char)d->text[off], &units);
		off += (size_t)n;
		col += units;
	}
	return off > d->len ? d->len : off;
}

long doc_utf16_col(const struct document *d, long line, long bcol)
{
	size_t off = line_start(d, line), end = off + (size_t)(bcol < 0 ? 0 : bcol);
	long col = 0;
	while (off < d->len && off < end && d->text[off] != '\n') {
		int units;
		off += (size_t)utf8_len((unsigned char)d->text[off], &units);
		col += units;
	}
	return col;
}

long doc_line_end(const struct document *d, long line)
{
	size_t off = line_start(d, line);
	long col = 0, last_col = 0;
	while (off < d->len && d->text[off] != '\n') {
		int units;
		char c = d->text[off];
		off += (size_t)utf8_len((unsigned char)c, &units);
		col += units;
		if (c != ' ' && c != '\t' && c != '\r')
			last_col = col;
	}
	return last_col;
}

void doc_apply_change(struct document *d, const cJSON *change)
{
	const cJSON *text = cJSON_GetObjectItemCaseSensitive(change, "text");
	const cJSON *range = cJSON_GetObjectItemCaseSensitive(change, "range");
	if (!cJSON_IsString(text))
		return;
	if (!cJSON_IsObject(range)) {
		doc_set_text(d, text->valuestring);
		return;
	}
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(range, "start");
	const cJSON *e = cJSON_GetObjectItemCaseSensitive(range, "end");
	long sl = (long)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(s, "line"));
	long sc = (long)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(s, "character"));
	long el = (long)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(e, "line"));
	long ec = (long)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(e, "character"));
	size_t a = doc_offset(d, sl, sc), b = doc_offset(d, el, ec);
	if (b < a)
		b = a;
	size_t ins = strlen(text->valuestring);
	long added = 0;
	for (const char *p = text->valuestring; *p; p++)
		added += *p == '\n';
	long delta = added - (el - sl);
	if (delta) {
		doc_shift_ranges(d->bv_diags, d->uri, sl, el, delta);
		doc_shift_ranges(d->bv_actions, d->uri, sl, el, delta);
	}
	size_t n = d->len - (b - a) + ins;
	char *t = malloc(n + 1);
	memcpy(t, d->text, a);
	memcpy(t + a, text->valuestring, ins);
	memcpy(t + a + ins, d->text + b, d->len - b);
	t[n] = '\0';
	free(d->text);
	d->text = t;
	d->len = n;
}

static void shift_position(cJSON *pos, long first, long last, long delta)
{
	cJSON *line = cJSON_GetObjectItemCaseSensitive(pos, "line");
	if (!cJSON_IsNumber(line))
		return;
	long l = (long)line->valuedouble;
	if (l > last)
		l += delta;
	else if (l > first && delta < 0)
		l = first; /* its lines are gone */
	cJSON_SetNumberValue(line, l < 0 ? 0 : l);
}

void doc_shift_ranges(cJSON *node, const char *uri, long first, long last, long delta)
{
	if (!node)
		return;
	if (cJSON_IsObject(node)) {
		const char *u = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(node, "uri"));
		if (u && strcmp(u, uri))
			return; /* a place in another file */
		cJSON *range = cJSON_GetObjectItemCaseSensitive(node, "range");
		if (cJSON_IsObject(range)) {
			shift_position(cJSON_GetObjectItemCaseSensitive(range, "start"), first, last, delta);
			shift_position(cJSON_GetObjectItemCaseSensitive(range, "end"), first, last, delta);
		}
		/* a WorkspaceEdit's changes are keyed by URI */
		cJSON *changes = cJSON_GetObjectItemCaseSensitive(node, "changes");
		if (cJSON_IsObject(changes)) {
			cJSON *mine = cJSON_GetObjectItemCaseSensitive(changes, uri);
			doc_shift_ranges(mine, uri, first, last, delta);
		}
	}
	cJSON *child;
	cJSON_ArrayForEach(child, node) {
		if (cJSON_IsArray(child) || (cJSON_IsObject(child) && child->string && strcmp(child->string, "range") &&
					     strcmp(child->string, "changes")))
			doc_shift_ranges(child, uri, first, last, delta);
		else if (cJSON_IsObject(child) && !child->string)
			doc_shift_ranges(child, uri, first, last, delta);
	}
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *uri_to_path(const char *uri)
{
	if (strncmp(uri, "file://", 7) != 0)
		return NULL;
	const char *p = uri + 7;
	char *out = malloc(strlen(p) + 1), *o = out;
	for (; *p; p++) {
		if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
			*o++ = (char)(hexval(p[1]) * 16 + hexval(p[2]));
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

char *path_to_uri(const char *path)
{
	static const char keep[] = "-._~/!$&'()*+,;=:@";
	char *out = malloc(strlen(path) * 3 + 8), *o = out;
	strcpy(o, "file://");
	o += 7;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(keep, *p)) {
			*o++ = (char)*p;
		} else {
			static const char hex[] = "0123456789ABCDEF";
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return out;
}
