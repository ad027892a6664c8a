/* Unit tests of bpfverify-lsp's pieces that need no clangd: the document
 * text under incremental changes (UTF-16 columns), URIs, the compile
 * command's BPF detection and the check's argv, and the report's
 * conversion to LSP diagnostics and code actions. */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cjson/cJSON.h>

#include "../compdb.h"
#include "../document.h"
#include "../report.h"

static int failures;
#define EXPECT(c)                                                                 \
	do {                                                                      \
		if (!(c)) {                                                       \
			fprintf(stderr, "%s:%d: FAIL %s\n", __FILE__, __LINE__, #c); \
			failures++;                                               \
		}                                                                 \
	} while (0)

static void change(struct document *d, long l0, long c0, long l1, long c1, const char *text)
{
	char json[512];
	snprintf(json, sizeof json,
		 "{\"range\":{\"start\":{\"line\":%ld,\"character\":%ld},\"end\":{\"line\":%ld,\"character\":%ld}},"
		 "\"text\":\"%s\"}",
		 l0, c0, l1, c1, text);
	cJSON *c = cJSON_Parse(json);
	doc_apply_change(d, c);
	cJSON_Delete(c);
}

static void test_document(void)
{
	struct document *list = NULL;
	struct document *d = doc_find(&list, "file:///tmp/a%20b.bpf.c", 1);
	EXPECT(d->path && !strcmp(d->path, "/tmp/a b.bpf.c"));
	EXPECT(doc_find(&list, "file:///tmp/a b.bpf.c", 0) == d); /* same path, other spelling */
	doc_set_text(d, "int a;\n/* \xc3\xa9\xf0\x9f\x98\x80 */ x = 1;\nlast");
	/* é is one UTF-16 unit, the emoji two: "x" is at UTF-16 column 10 */
	change(d, 1, 10, 1, 11, "yy");
	EXPECT(strstr(d->text, "*/ yy = 1;") != NULL);
	change(d, 0, 0, 1, 0, "");          /* delete the first line */
	EXPECT(!strncmp(d->text, "/* ", 3));
	change(d, 1, 4, 1, 4, "\\nmore");     /* insert at the end */
	EXPECT(strstr(d->text, "last\nmore") != NULL);
	EXPECT(doc_utf16_col(d, 0, 9) == 6); /* byte 9 = after the emoji */
	EXPECT(doc_line_end(d, 0) == 17);
	cJSON *full = cJSON_Parse("{\"text\":\"whole\"}");
	doc_apply_change(d, full);
	cJSON_Delete(full);
	EXPECT(!strcmp(d->text, "whole") && d->len == 5);
	char *u = path_to_uri("/x y/%z.c");
	EXPECT(!strcmp(u, "file:///x%20y/%25z.c"));
	free(u);
	doc_close(&list, d);
	EXPECT(list == NULL);
}

static long line_at(const cJSON *o, const char *path)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *k = strtok(buf, "."); k && o; k = strtok(NULL, "."))
		o = (*k >= '0' && *k <= '9') ? cJSON_GetArrayItem(o, atoi(k)) : cJSON_GetObjectItemCaseSensitive(o, k);
	return o ? (long)cJSON_GetNumberValue(o) : -1;
}

/* bpfverify's ranges move with edits above them until the next check. */
static void test_shift(void)
{
	struct document *list = NULL;
	struct document *d = doc_find(&list, "file:///w/s.c", 1);
	doc_set_text(d, "0\n1\n2\n3\n4\n5\n6\n");
	d->bv_diags = cJSON_Parse(
		"[{\"range\":{\"start\":{\"line\":5,\"character\":1},\"end\":{\"line\":5,\"character\":3}},"
		"  \"relatedInformation\":["
		"   {\"location\":{\"uri\":\"file:///w/s.c\",\"range\":{\"start\":{\"line\":4,\"character\":0},\"end\":{\"line\":4,\"character\":1}}}},"
		"   {\"location\":{\"uri\":\"file:///w/h.h\",\"range\":{\"start\":{\"line\":4,\"character\":0},\"end\":{\"line\":4,\"character\":1}}}}]}]");
	d->bv_actions = cJSON_Parse(
		"[{\"edit\":{\"changes\":{\"file:///w/s.c\":[{\"range\":{\"start\":{\"line\":4,\"character\":0},"
		"\"end\":{\"line\":4,\"character\":0}},\"newText\":\"x\"}]}}}]");
	change(d, 1, 0, 1, 0, "a\\nb\\n"); /* two lines above */
	EXPECT(line_at(d->bv_diags, "0.range.start.line") == 7);
	EXPECT(line_at(d->bv_diags, "0.range.end.line") == 7);
	EXPECT(line_at(d->bv_diags, "0.relatedInformation.0.location.range.start.line") == 6);
	EXPECT(line_at(d->bv_diags, "0.relatedInformation.1.location.range.start.line") == 4); /* other file */
	EXPECT(line_at(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(d->bv_actions, 0),
		"edit"), "changes"), "file:///w/s.c"), "0.range.start.line") == 6);
	change(d, 8, 0, 8, 0, "below\\n");   /* below: nothing moves */
	EXPECT(line_at(d->bv_diags, "0.range.start.line") == 7);
	change(d, 0, 0, 3, 0, "");           /* three lines above go */
	EXPECT(line_at(d->bv_diags, "0.range.start.line") == 4);
	doc_close(&list, d);
}

static struct compile_command *db_entry(const char *dir, const char *entry_json)
{
	char path[256];
	snprintf(path, sizeof path, "%s/compile_commands.json", dir);
	FILE *f = fopen(path, "w");
	fprintf(f, "[%s]", entry_json);
	fclose(f);
	snprintf(path, sizeof path, "%s/sub/p.bpf.c", dir);
	return compdb_lookup(path, NULL);
}

static int has(char **argv, const char *s)
{
	for (; *argv; argv++)
		if (!strcmp(*argv, s))
			return 1;
	return 0;
}

static void test_compdb(void)
{
	char dir[] = "/tmp/bvlsp-unit-XXXXXX";
	if (!mkdtemp(dir)) {
		failures++;
		return;
	}
	char sub[300], src[340], entry[2048];
	snprintf(sub, sizeof sub, "%s/sub", dir);
	mkdir(sub, 0700);
	snprintf(src, sizeof src, "%s/p.bpf.c", sub);
	fclose(fopen(src, "w"));

	snprintf(entry, sizeof entry,
		 "{\"directory\":\"%s\",\"file\":\"sub/p.bpf.c\",\"command\":"
		 "\"clang -target bpf -O2 -g '-DNAME=a b' -DX=c\\\\ d -Wall -Werror -I inc -MD -MF p.d -c sub/p.bpf.c -o p.o "
		 "-fplugin=/old.so -fplugin-arg-bpfverify-kernel=6.1 -fplugin-arg-bpfverify-exact=6.1\"}",
		 dir);
	struct compile_command *cc = db_entry(dir, entry);
	EXPECT(cc != NULL);
	if (cc) {
		EXPECT(compile_command_is_bpf(cc));
		EXPECT(has(cc->argv, "-DNAME=a b") && has(cc->argv, "-DX=c d"));
		struct check_options opt = {.clang = "clang-19", .plugin = "/p.so", .kernel = NULL};
		char **argv = compile_command_check_argv(cc, src, &opt);
		EXPECT(!strcmp(argv[0], "clang-19"));
		EXPECT(has(argv, "-fsyntax-only") && has(argv, "-fplugin=/p.so") &&
		       has(argv, "-fplugin-arg-bpfverify-json=-") && has(argv, "-fplugin-arg-bpfverify-kernel=6.1"));
		EXPECT(!has(argv, "-c") && !has(argv, "-o") && !has(argv, "p.o") && !has(argv, "-MD") &&
		       !has(argv, "p.d") && !has(argv, "sub/p.bpf.c") && !has(argv, "-fplugin=/old.so"));
		EXPECT(has(argv, "-Wall") && !has(argv, "-Werror") && !has(argv, "-fplugin-arg-bpfverify-exact=6.1"));
		EXPECT(has(argv, "inc") && has(argv, "-iquote") && has(argv, sub) && !has(argv, "--target=bpf"));
		int n = 0;
		while (argv[n])
			n++;
		EXPECT(n >= 3 && !strcmp(argv[n - 1], "-") && !strcmp(argv[n - 2], "c"));
		argv_free(argv);
		compile_command_free(cc);
	}
	snprintf(entry, sizeof entry,
		 "{\"directory\":\"%s\",\"file\":\"%s\",\"arguments\":[\"gcc\",\"-O2\",\"-c\",\"%s\"]}", dir, src,
		 src);
	cc = db_entry(dir, entry);
	EXPECT(cc && !compile_command_is_bpf(cc));
	compile_command_free(cc);
	snprintf(entry, sizeof entry,
		 "{\"directory\":\"%s\",\"file\":\"sub/p.bpf.c\",\"arguments\":[\"/usr/bin/bpf-gcc\",\"-O2\",\"-gbtf\","
		 "\"-mco-re\",\"-c\",\"sub/p.bpf.c\"]}",
		 dir);
	cc = db_entry(dir, entry);
	EXPECT(cc && compile_command_is_bpf(cc));
	if (cc) {
		struct check_options opt = {.clang = "clang-19", .plugin = "/p.so", .kernel = "6.1,6.18"};
		char **argv = compile_command_check_argv(cc, src, &opt);
		EXPECT(has(argv, "--target=bpf") && !has(argv, "-gbtf") && !has(argv, "-mco-re") &&
		       has(argv, "-fplugin-arg-bpfverify-kernel=6.1,6.18"));
		argv_free(argv);
		compile_command_free(cc);
	}
	snprintf(entry, sizeof entry,
		 "{\"directory\":\"%s\",\"file\":\"other.c\",\"arguments\":[\"clang\",\"--target=bpf\",\"other.c\"]}", dir);
	EXPECT(db_entry(dir, entry) == NULL);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		failures++;
}

static void test_report(void)
{
	struct document *list = NULL;
	struct document *d = doc_find(&list, "file:///w/p.bpf.c", 1);
	doc_set_text(d, "a\n\tcnt = lookup();\n\t*cnt += 1;   \n");
	const char *report =
		"{\"version\":1,\"results\":["
		"{\"program\":\"p\",\"kernel\":\"6.1\",\"verdict\":\"reject\",\"message\":\"M\",\"class\":\"nullable-pointer\","
		" \"file\":\"/w/p.bpf.c\",\"line\":3,\"column\":2,"
		" \"notes\":[{\"message\":\"N\",\"file\":\"/w/p.bpf.c\",\"line\":2,\"column\":8},"
		"            {\"message\":\"unplaced\",\"file\":null,\"line\":null,\"column\":null}],"
		" \"fixits\":[{\"file\":\"/w/p.bpf.c\",\"line\":3,\"col\":2,\"end_line\":3,\"end_col\":2,"
		"              \"text\":\"if (!cnt) return 0; \"}]},"
		"{\"program\":\"p\",\"kernel\":\"6.18\",\"verdict\":\"reject\",\"message\":\"M\",\"class\":\"nullable-pointer\","
		" \"file\":\"/w/p.bpf.c\",\"line\":3,\"column\":2,\"notes\":[]},"
		"{\"program\":\"q\",\"kernel\":\"6.1\",\"verdict\":\"accept\",\"message\":null},"
		"{\"program\":\"r\",\"kernel\":\"6.1\",\"verdict\":\"error\",\"message\":\"unsupported X\","
		" \"file\":\"/w/inc.h\",\"line\":7,\"column\":1,\"notes\":[]}]}";
	cJSON *diags, *actions;
	report_to_lsp(report, d, 1, &diags, &actions);
	EXPECT(cJSON_GetArraySize(diags) == 2);
	cJSON *a = cJSON_GetArrayItem(diags, 0);
	const char *msg = cJSON_GetStringValue(cJSON_GetObjectItem(a, "message"));
	EXPECT(msg && !strcmp(msg, "M [bpfverify: p, kernels 6.1, 6.18]"));
	cJSON *start = cJSON_GetObjectItem(cJSON_GetObjectItem(a, "range"), "start");
	cJSON *end = cJSON_GetObjectItem(cJSON_GetObjectItem(a, "range"), "end");
	EXPECT(cJSON_GetNumberValue(cJSON_GetObjectItem(start, "line")) == 2);
	EXPECT(cJSON_GetNumberValue(cJSON_GetObjectItem(start, "character")) == 1);
	EXPECT(cJSON_GetNumberValue(cJSON_GetObjectItem(end, "character")) == 11); /* trailing blanks cut */
	EXPECT(cJSON_GetArraySize(cJSON_GetObjectItem(a, "relatedInformation")) == 2);
	EXPECT(cJSON_GetNumberValue(cJSON_GetObjectItem(a, "severity")) == 1);
	cJSON *b = cJSON_GetArrayItem(diags, 1);
	msg = cJSON_GetStringValue(cJSON_GetObjectItem(b, "message"));
	EXPECT(msg && strstr(msg, "could not verify: unsupported X (at /w/inc.h:7)"));
	EXPECT(cJSON_GetNumberValue(cJSON_GetObjectItem(b, "severity")) == 2);
	EXPECT(cJSON_GetArraySize(actions) == 1);
	d->bv_actions = actions;
	cJSON *on = report_actions_for(d, 2, 2), *off = report_actions_for(d, 0, 0);
	EXPECT(cJSON_GetArraySize(on) == 1 && cJSON_GetArraySize(off) == 0);
	cJSON_Delete(on);
	cJSON_Delete(off);
	cJSON_Delete(diags);
	/* Not JSON (the compile failed): nothing. */
	report_to_lsp("garbage", d, 1, &diags, &actions);
	EXPECT(cJSON_GetArraySize(diags) == 0 && cJSON_GetArraySize(actions) == 0);
	cJSON_Delete(diags);
	cJSON_Delete(actions);
	/* An editor without relatedInformation: the notes in the message. */
	report_to_lsp(report, d, 0, &diags, &actions);
	msg = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(diags, 0), "message"));
	EXPECT(msg && !strcmp(msg, "M [bpfverify: p, kernels 6.1, 6.18]\n2: N\n3: unplaced"));
	EXPECT(!cJSON_GetObjectItem(cJSON_GetArrayItem(diags, 0), "relatedInformation"));
	cJSON_Delete(diags);
	cJSON_Delete(actions);
	doc_close(&list, d);
}

int main(void)
{
	test_document();
	test_shift();
	test_compdb();
	test_report();
	if (failures)
		fprintf(stderr, "%d failure(s)\n", failures);
	else
		puts("bpfverify-lsp unit tests: all passed");
	return failures != 0;
}
