/* bpfverify-lsp's event loop and message routing; see proxy.h.
 *
 * One thread, one poll() loop: a slow check never holds up clangd's
 * traffic; a check that crashes or hangs is just a child that is reaped
 * or killed at its deadline; a result for an older version of the text
 * than the editor's is dropped. publishDiagnostics replaces a file's
 * whole set, so clangd's last set is kept per file and every publication
 * carries clangd's and bpfverify's together. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cjson/cJSON.h>

#include "check.h"
#include "proxy.h"
#include "report.h"

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- diagnostics ---- */

static void publish(struct proxy *px, struct document *d)
{
	cJSON *msg = cJSON_CreateObject();
	cJSON_AddStringToObject(msg, "jsonrpc", "2.0");
	cJSON_AddStringToObject(msg, "method", "textDocument/publishDiagnostics");
	cJSON *params = cJSON_AddObjectToObject(msg, "params");
	cJSON_AddStringToObject(params, "uri", d->uri);
	if (d->open)
		cJSON_AddNumberToObject(params, "version", (double)d->version);
	cJSON *all = cJSON_AddArrayToObject(params, "diagnostics");
	const cJSON *x;
	cJSON_ArrayForEach(x, d->clangd_diags)
		cJSON_AddItemToArray(all, cJSON_Duplicate(x, 1));
	cJSON_ArrayForEach(x, d->bv_diags)
		cJSON_AddItemToArray(all, cJSON_Duplicate(x, 1));
	lsp_write_json(&px->editor_out, msg);
	cJSON_Delete(msg);
}

static void publish_problem(struct proxy *px, struct document *d, const char *text);

/* Is the document a BPF source? Decided once per open, from the compile
 * command clangd would use. */
static int is_bpf(struct proxy *px, struct document *d)
{
	if (d->bpf < 0) {
		struct compile_command *cc = d->path ? compdb_lookup(d->path, px->compdb_dir) : NULL;
		d->bpf = cc && compile_command_is_bpf(cc);
		compile_command_free(cc);
	}
	return d->bpf;
}

static int running_checks(struct proxy *px)
{
	int n = 0;
	for (struct document *d = px->docs; d; d = d->next)
		n += d->check.pid > 0;
	return n;
}

static void start_check(struct proxy *px, struct document *d, long long now)
{
	if (d->check.pid > 0) /* an older text's check: its result is stale */
		check_kill(d);
	d->due_ms = 0;
	if (access(px->check.plugin, R_OK) != 0) {
		char text[PATH_MAX + 96];
		snprintf(text, sizeof text, "bpfverify: no plugin at '%s' (--plugin=); not verified",
			 px->check.plugin);
		publish_problem(px, d, text);
		return;
	}
	struct compile_command *cc = compdb_lookup(d->path, px->compdb_dir);
	if (!cc || !compile_command_is_bpf(cc)) {
		compile_command_free(cc);
		return;
	}
	char **argv = compile_command_check_argv(cc, d->path, &px->check);
	if (check_start(d, argv, cc->directory, now, px->timeout_ms, px->check.verbose) < 0)
		fprintf(stderr, "bpfverify-lsp: could not start a check of %s\n", d->uri);
	argv_free(argv);
	compile_command_free(cc);
}

static void check_done(struct proxy *px, struct document *d)
{
	if (px->check.verbose)
		fprintf(stderr, "bpfverify-lsp: check of %s (version %lld) took %lld ms (CPU %lld ms)%s\n",
			d->uri, d->check.version, now_ms() - d->check.started_ms, d->check.cpu_ms,
			d->check.version != d->version ? "; stale, dropped" : "");
	if (!d->open || d->check.version != d->version) {
		d->check.out.len = 0; /* stale: a newer text is (to be) checked */
		return;
	}
	if (WIFEXITED(d->check.status) && WEXITSTATUS(d->check.status) == 127 && !d->check.out.len) {
		char text[PATH_MAX + 96];
		snprintf(text, sizeof text, "bpfverify: cannot run the compiler '%s' (--clang=); not verified",
			 px->check.clang);
		publish_problem(px, d, text);
		return;
	}
	cJSON *diags, *actions;
	report_to_lsp(d->check.out.len ? d->check.out.data : NULL, d, px->related_information, &diags,
		      &actions);
	d->check.out.len = 0;
	cJSON_Delete(d->bv_diags);
	cJSON_Delete(d->bv_actions);
	d->bv_diags = diags;
	d->bv_actions = actions;
	publish(px, d);
}

/* bpfverify's set becomes one warning at the top of the file. */
static void publish_problem(struct proxy *px, struct document *d, const char *text)
{
	cJSON_Delete(d->bv_diags);
	cJSON_Delete(d->bv_actions);
	d->bv_actions = cJSON_CreateArray();
	d->bv_diags = cJSON_CreateArray();
	cJSON *diag = cJSON_CreateObject();
	cJSON *range = cJSON_AddObjectToObject(diag, "range");
	cJSON *s = cJSON_AddObjectToObject(range, "start");
	cJSON_AddNumberToObject(s, "line", 0);
	cJSON_AddNumberToObject(s, "character", 0);
	cJSON *e = cJSON_AddObjectToObject(range, "end");
	cJSON_AddNumberToObject(e, "line", 0);
	cJSON_AddNumberToObject(e, "character", 1);
	cJSON_AddNumberToObject(diag, "severity", 2);
	cJSON_AddStringToObject(diag, "source", "bpfverify");
	cJSON_AddStringToObject(diag, "message", text);
	cJSON_AddItemToArray(d->bv_diags, diag);
	publish(px, d);
}

static void check_timed_out(struct proxy *px, struct document *d)
{
	check_kill(d);
	if (!d->open || d->check.version != d->version)
		return;
	char text[128];
	snprintf(text, sizeof text, "bpfverify: the check did not finish within %lld ms; not verified",
		 px->timeout_ms);
	publish_problem(px, d, text);
}

/* ---- messages from the editor ---- */

static const cJSON *get(const cJSON *o, const char *path)
{
	/* "a.b.c" */
	char key[64];
	while (o && *path) {
		const char *dot = strchr(path, '.');
		size_t n = dot ? (size_t)(dot - path) : strlen(path);
		if (n >= sizeof key)
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		o = cJSON_GetObjectItemCaseSensitive(o, key);
		path += n + (dot ? 1 : 0);
	}
	return o;
}

static void from_editor(struct proxy *px, const char *body, size_t len)
{
	cJSON *msg = cJSON_ParseWithLength(body, len);
	const char *method = msg ? cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(msg, "method")) : NULL;
	long long now = now_ms();
	if (method) {
		const cJSON *params = cJSON_GetObjectItemCaseSensitive(msg, "params");
		const char *uri = cJSON_GetStringValue(get(params, "textDocument.uri"));
		const cJSON *version = get(params, "textDocument.version");
		if (!strcmp(method, "initialize")) {
			px->code_action_literals =
				get(params, "capabilities.textDocument.codeAction.codeActionLiteralSupport") != NULL;
			px->related_information = cJSON_IsTrue(
				get(params, "capabilities.textDocument.publishDiagnostics.relatedInformation"));
		} else if (!strcmp(method, "textDocument/didOpen") && uri) {
			struct document *d = doc_find(&px->docs, uri, 1);
			d->open = 1;
			d->bpf = -1;
			doc_set_text(d, cJSON_GetStringValue(get(params, "textDocument.text")));
			d->version = cJSON_IsNumber(version) ? (long long)version->valuedouble : 0;
			if (is_bpf(px, d))
				d->due_ms = now;
		} else if (!strcmp(method, "textDocument/didChange") && uri) {
			struct document *d = doc_find(&px->docs, uri, 0);
			if (d && d->open) {
				const cJSON *c;
				cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(params, "contentChanges"))
					doc_apply_change(d, c);
				d->version = cJSON_IsNumber(version) ? (long long)version->valuedouble : d->version + 1;
				if (is_bpf(px, d))
					d->due_ms = now + px->debounce_ms;
			}
		} else if (!strcmp(method, "textDocument/didSave") && uri) {
			struct document *d = doc_find(&px->docs, uri, 0);
			if (d && d->open) {
				const char *text = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(params, "text"));
				if (text)
					doc_set_text(d, text);
				d->bpf = -1; /* compile_commands.json may have changed */
				if (is_bpf(px, d))
					d->due_ms = now;
			}
		} else if (!strcmp(method, "textDocument/didClose") && uri) {
			struct document *d = doc_find(&px->docs, uri, 0);
			if (d) {
				check_kill(d);
				/* Take ours away; clangd clears its own. */
				if (cJSON_GetArraySize(d->bv_diags)) {
					cJSON_Delete(d->bv_diags);
					cJSON_Delete(d->clangd_diags);
					d->bv_diags = d->clangd_diags = NULL;
					d->open = 0;
					publish(px, d);
				}
				doc_close(&px->docs, d);
			}
		} else if (!strcmp(method, "textDocument/codeAction") && uri && px->code_action_literals) {
			const cJSON *id = cJSON_GetObjectItemCaseSensitive(msg, "id");
			if (id) {
				struct pending_action *pa = calloc(1, sizeof *pa);
				pa->id = cJSON_PrintUnformatted(id);
				pa->uri = strdup(uri);
				pa->first = (long)cJSON_GetNumberValue(get(params, "range.start.line"));
				pa->last = (long)cJSON_GetNumberValue(get(params, "range.end.line"));
				pa->next = px->actions;
				px->actions = pa;
			}
		} else if (!strcmp(method, "shutdown")) {
			px->shutting_down = 1;
		}
	}
	cJSON_Delete(msg);
	lsp_write_raw(&px->clangd_in, body, len);
}

/* ---- messages from clangd ---- */

static void merge_code_actions(struct proxy *px, cJSON *msg, struct pending_action *pa)
{
	struct document *d = doc_find(&px->docs, pa->uri, 0);
	if (!d || !cJSON_GetArraySize(d->bv_actions) || cJSON_GetObjectItemCaseSensitive(msg, "error"))
		return; /* nothing to add, or clangd failed (or it was cancelled) */
	cJSON *ours = report_actions_for(d, pa->first, pa->last);
	cJSON *result = cJSON_GetObjectItemCaseSensitive(msg, "result");
	if (!cJSON_IsArray(result)) {
		result = cJSON_CreateArray();
		cJSON_ReplaceItemInObjectCaseSensitive(msg, "result", result);
		if (!cJSON_GetObjectItemCaseSensitive(msg, "result"))
			cJSON_AddItemToObject(msg, "result", result);
	}
	cJSON *a;
	while ((a = cJSON_DetachItemFromArray(ours, 0)))
		cJSON_AddItemToArray(result, a);
	cJSON_Delete(ours);
}

static void from_clangd(struct proxy *px, const char *body, size_t len)
{
	cJSON *msg = cJSON_ParseWithLength(body, len);
	if (!msg) {
		lsp_write_raw(&px->editor_out, body, len);
		return;
	}
	const char *method = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(msg, "method"));
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(msg, "id");
	if (method && !strcmp(method, "textDocument/publishDiagnostics")) {
		const cJSON *params = cJSON_GetObjectItemCaseSensitive(msg, "params");
		const char *uri = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(params, "uri"));
		struct document *d = uri ? doc_find(&px->docs, uri, 0) : NULL;
		if (d && d->open) {
			cJSON_Delete(d->clangd_diags);
			d->clangd_diags = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(params, "diagnostics"), 1);
			if (!cJSON_GetArraySize(d->bv_diags)) {
				lsp_write_raw(&px->editor_out, body, len);
			} else {
				publish(px, d);
			}
			cJSON_Delete(msg);
			return;
		}
	} else if (!method && id) {
		char *key = cJSON_PrintUnformatted(id);
		for (struct pending_action **p = &px->actions; *p; p = &(*p)->next) {
			struct pending_action *pa = *p;
			if (strcmp(pa->id, key))
				continue;
			*p = pa->next;
			merge_code_actions(px, msg, pa);
			free(pa->id);
			free(pa->uri);
			free(pa);
			free(key);
			lsp_write_json(&px->editor_out, msg);
			cJSON_Delete(msg);
			return;
		}
		free(key);
	}
	cJSON_Delete(msg);
	lsp_write_raw(&px->editor_out, body, len);
}

/* ---- the loop ---- */

int proxy_run(struct proxy *px)
{
	enum { MAX_FDS = 256 };
	struct pollfd fds[MAX_FDS];
	struct document *owner[MAX_FDS];
	int clangd_status = 0, clangd_done = 0;
	for (;;) {
		long long now = now_ms();
		/* Due checks start now, a few at a time. */
		for (struct document *d = px->docs; d; d = d->next)
			if (d->open && d->due_ms && d->due_ms <= now &&
			    (d->check.pid > 0 || running_checks(px) < px->max_checks))
				start_check(px, d, now);
		long long wake = -1;
		for (struct document *d = px->docs; d; d = d->next) {
			if (d->check.pid > 0 && d->check.deadline_ms <= now)
				check_timed_out(px, d);
			else if (d->check.pid > 0 && d->check.out_fd < 0 && check_try_finish(d))
				check_done(px, d);
			long long at = 0;
			if (d->check.pid > 0)
				/* its deadline, or soon if it is exiting */
				at = d->check.out_fd < 0 ? now + 20 : d->check.deadline_ms;
			if (d->due_ms && (!at || d->due_ms < at))
				at = d->due_ms < now ? now : d->due_ms;
			if (at && (wake < 0 || at < wake))
				wake = at;
		}
		int n = 0;
		if (!px->editor_in.eof) {
			fds[n] = (struct pollfd){.fd = px->editor_in.fd, .events = POLLIN};
			owner[n++] = NULL;
		}
		if (px->editor_out.out.len && !px->editor_out.broken) {
			fds[n] = (struct pollfd){.fd = px->editor_out.fd, .events = POLLOUT};
			owner[n++] = NULL;
		}
		if (!px->clangd_out.eof) {
			fds[n] = (struct pollfd){.fd = px->clangd_out.fd, .events = POLLIN};
			owner[n++] = NULL;
		}
		if (px->clangd_in.out.len && !px->clangd_in.broken) {
			fds[n] = (struct pollfd){.fd = px->clangd_in.fd, .events = POLLOUT};
			owner[n++] = NULL;
		}
		if (px->clangd_err >= 0) {
			fds[n] = (struct pollfd){.fd = px->clangd_err, .events = POLLIN};
			owner[n++] = NULL;
		}
		for (struct document *d = px->docs; d && n < MAX_FDS; d = d->next) {
			if (d->check.pid > 0 && d->check.out_fd >= 0) {
				fds[n] = (struct pollfd){.fd = d->check.out_fd, .events = POLLIN};
				owner[n++] = d;
			}
		}
		if (px->clangd_out.eof && !px->editor_out.out.len)
			break;
		int timeout = wake < 0 ? -1 : (int)(wake > now ? wake - now : 0);
		if (poll(fds, (nfds_t)n, timeout) < 0) {
			if (errno == EINTR)
				continue;
			perror("bpfverify-lsp: poll");
			return 1;
		}
		for (int i = 0; i < n; i++) {
			if (!fds[i].revents)
				continue;
			if (owner[i]) {
				struct document *d = owner[i];
				char tmp[65536];
				ssize_t r;
				while ((r = read(d->check.out_fd, tmp, sizeof tmp)) > 0)
					buf_append(&d->check.out, tmp, (size_t)r);
				if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) {
					if (check_try_finish(d))
						check_done(px, d);
				}
			} else if (fds[i].fd == px->editor_in.fd) {
				lsp_reader_fill(&px->editor_in);
				char *body;
				size_t len;
				while ((body = lsp_reader_next(&px->editor_in, &len))) {
					from_editor(px, body, len);
					free(body);
				}
				if (px->editor_in.eof) {
					/* The editor is gone: clangd ends when its input does. */
					lsp_writer_flush(&px->clangd_in);
					if (!px->clangd_in.out.len) {
						close(px->clangd_in.fd);
						px->clangd_in.broken = 1;
					}
				}
			} else if (fds[i].fd == px->clangd_out.fd) {
				lsp_reader_fill(&px->clangd_out);
				char *body;
				size_t len;
				while ((body = lsp_reader_next(&px->clangd_out, &len))) {
					from_clangd(px, body, len);
					free(body);
				}
			} else if (fds[i].fd == px->clangd_err) {
				char tmp[8192];
				ssize_t r = read(px->clangd_err, tmp, sizeof tmp);
				if (r > 0) {
					if (write(2, tmp, (size_t)r) < 0) {
						/* nowhere to log */
					}
				} else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
					close(px->clangd_err);
					px->clangd_err = -1;
				}
			} else if (fds[i].fd == px->editor_out.fd) {
				lsp_writer_flush(&px->editor_out);
			} else if (fds[i].fd == px->clangd_in.fd) {
				lsp_writer_flush(&px->clangd_in);
				if (px->editor_in.eof && !px->clangd_in.out.len && !px->clangd_in.broken) {
					close(px->clangd_in.fd);
					px->clangd_in.broken = 1;
				}
			}
		}
		if (px->editor_out.broken)
			break;
	}
	while (px->docs) {
		check_kill(px->docs);
		doc_close(&px->docs, px->docs);
	}
	while (px->actions) {
		struct pending_action *pa = px->actions;
		px->actions = pa->next;
		free(pa->id);
		free(pa->uri);
		free(pa);
	}
	buf_free(&px->editor_in.in);
	buf_free(&px->clangd_out.in);
	buf_free(&px->editor_out.out);
	buf_free(&px->clangd_in.out);
	if (!clangd_done) {
		if (!px->clangd_in.broken)
			close(px->clangd_in.fd);
		/* clangd exits when its input closes; give it a moment. */
		for (int i = 0; i < 50; i++) {
			if (waitpid(px->clangd_pid, &clangd_status, WNOHANG) == px->clangd_pid) {
				clangd_done = 1;
				break;
			}
			nanosleep(&(struct timespec){.tv_nsec = 20000000}, NULL);
		}
		if (!clangd_done) {
			kill(px->clangd_pid, SIGTERM);
			waitpid(px->clangd_pid, &clangd_status, 0);
		}
	}
	return WIFEXITED(clangd_status) ? WEXITSTATUS(clangd_status) : 1;
}
