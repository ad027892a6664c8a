/* compile_commands.json lookup and the check's command; see compdb.h. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "compdb.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cjson/cJSON.h>

struct argv_builder {
	char **v;
	int n, cap;
};

static void push(struct argv_builder *b, const char *s)
{
	if (b->n + 2 > b->cap) {
		b->cap = b->cap ? b->cap * 2 : 32;
		b->v = realloc(b->v, sizeof *b->v * (size_t)b->cap);
	}
	b->v[b->n++] = strdup(s);
	b->v[b->n] = NULL;
}

void argv_free(char **argv)
{
	if (!argv)
		return;
	for (char **p = argv; *p; p++)
		free(*p);
	free(argv);
}

void compile_command_free(struct compile_command *cc)
{
	if (!cc)
		return;
	free(cc->directory);
	free(cc->file);
	argv_free(cc->argv);
	free(cc);
}

/* Splits a "command" string as a POSIX shell would for plain words:
 * quotes and backslashes, no expansions. */
static void split_command(struct argv_builder *b, const char *s)
{
	size_t cap = strlen(s) + 1;
	char *word = malloc(cap);
	while (*s) {
		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		if (!*s)
			break;
		size_t n = 0;
		char quote = 0;
		for (; *s; s++) {
			if (quote) {
				if (*s == quote)
					quote = 0;
				else if (*s == '\\' && quote == '"' && s[1] && strchr("\"\\$`", s[1]))
					word[n++] = *++s;
				else
					word[n++] = *s;
			} else if (*s == '\'' || *s == '"') {
				quote = *s;
			} else if (*s == '\\' && s[1]) {
				word[n++] = *++s;
			} else if (*s == ' ' || *s == '\t' || *s == '\n') {
				break;
			} else {
				word[n++] = *s;
			}
		}
		word[n] = '\0';
		push(b, word);
	}
	free(word);
}

static char *join_path(const char *dir, const char *name)
{
	if (name[0] == '/' || !dir)
		return strdup(name);
	char *p = malloc(strlen(dir) + strlen(name) + 2);
	sprintf(p, "%s/%s", dir, name);
	return p;
}

/* The same file? Compares resolved names, falling back to the text. */
static int same_file(const char *a, const char *b)
{
	if (strcmp(a, b) == 0)
		return 1;
	char ra[PATH_MAX], rb[PATH_MAX];
	if (realpath(a, ra) && realpath(b, rb))
		return strcmp(ra, rb) == 0;
	return 0;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		s = NULL;
	}
	if (s)
		s[n] = '\0';
	fclose(f);
	return s;
}

static struct compile_command *lookup_in(const char *db_path, const char *path)
{
	char *text = read_file(db_path);
	if (!text)
		return NULL;
	cJSON *db = cJSON_Parse(text);
	free(text);
	struct compile_command *found = NULL;
	const cJSON *e;
	cJSON_ArrayForEach(e, db) {
		const cJSON *dir = cJSON_GetObjectItemCaseSensitive(e, "directory");
		const cJSON *file = cJSON_GetObjectItemCaseSensitive(e, "file");
		if (!cJSON_IsString(file))
			continue;
		const char *d = cJSON_IsString(dir) ? dir->valuestring : NULL;
		char *abs = join_path(d, file->valuestring);
		if (!same_file(abs, path)) {
			free(abs);
			continue;
		}
		struct argv_builder b = {0};
		const cJSON *args = cJSON_GetObjectItemCaseSensitive(e, "arguments");
		const cJSON *cmd = cJSON_GetObjectItemCaseSensitive(e, "command");
		const cJSON *a;
		if (cJSON_IsArray(args)) {
			cJSON_ArrayForEach(a, args)
				if (cJSON_IsString(a))
					push(&b, a->valuestring);
		} else if (cJSON_IsString(cmd)) {
			split_command(&b, cmd->valuestring);
		}
		if (!b.n) {
			free(abs);
			free(b.v);
			continue;
		}
		found = calloc(1, sizeof *found);
		found->directory = strdup(d ? d : "/");
		found->argv = b.v;
		found->argc = b.n;
		found->file = abs;
		break;
	}
	cJSON_Delete(db);
	return found;
}

struct compile_command *compdb_lookup(const char *path, const char *fixed_dir)
{
	if (fixed_dir) {
		char *db = join_path(fixed_dir, "compile_commands.json");
		struct compile_command *cc = lookup_in(db, path);
		free(db);
		return cc;
	}
	char *dir = strdup(path);
	for (;;) {
		char *slash = strrchr(dir, '/');
		if (!slash)
			break;
		*slash = '\0';
		static const char *const names[] = {"compile_commands.json", "build/compile_commands.json"};
		for (size_t i = 0; i < 2; i++) {
			char *db = join_path(*dir ? dir : "/", names[i]);
			struct stat st;
			if (stat(db, &st) == 0) {
				/* The nearest database decides, as in clangd. */
				struct compile_command *cc = lookup_in(db, path);
				free(db);
				free(dir);
				return cc;
			}
			free(db);
		}
	}
	free(dir);
	return NULL;
}

static int starts_with(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static int compiler_says_bpf(const struct compile_command *cc)
{
	const char *base = strrchr(cc->argv[0], '/');
	base = base ? base + 1 : cc->argv[0];
	return strstr(base, "bpf") != NULL;
}

int compile_command_is_bpf(const struct compile_command *cc)
{
	if (compiler_says_bpf(cc))
		return 1;
	for (int i = 1; i < cc->argc; i++) {
		const char *a = cc->argv[i];
		if ((strcmp(a, "-target") == 0 || strcmp(a, "--target") == 0) && i + 1 < cc->argc &&
		    starts_with(cc->argv[i + 1], "bpf"))
			return 1;
		if (starts_with(a, "--target=bpf") || starts_with(a, "-target=bpf"))
			return 1;
	}
	return 0;
}

/* Options that take the next argument and that the check must drop. */
static int drops_with_value(const char *a)
{
	static const char *const opts[] = {"-o", "-MF", "-MT", "-MQ", "-MJ", "-Xclang-load-unused", NULL};
	for (size_t i = 0; opts[i]; i++)
		if (strcmp(a, opts[i]) == 0)
			return 1;
	return 0;
}

static int drops_alone(const char *a)
{
	static const char *const opts[] = {"-c", "-S", "-E", "-emit-llvm", "-fsyntax-only", "-MD", "-MMD",
					   "-MP", "-M", "-MM", "--", "-pipe", NULL};
	for (size_t i = 0; opts[i]; i++)
		if (strcmp(a, opts[i]) == 0)
			return 1;
	/* Our own plugin and report replace the entry's; GCC's BTF and CO-RE
	 * switches mean nothing to clang; a warning made an error would stop
	 * the compile before verification (clangd shows the warning). */
	return starts_with(a, "-fplugin=") || strcmp(a, "-Werror") == 0 || starts_with(a, "-Werror=") ||
	       strcmp(a, "-pedantic-errors") == 0 || starts_with(a, "-fplugin-arg-bpfverify-json=") ||
	       starts_with(a, "-fplugin-arg-bpfverify-log=") ||
	       /* exact mode boots a kernel: not on every keystroke */
	       starts_with(a, "-fplugin-arg-bpfverify-exact=") || (starts_with(a, "-o") && a[2]) ||
	       starts_with(a, "-MF") || starts_with(a, "-MT") || starts_with(a, "-MQ") ||
	       strcmp(a, "-gbtf") == 0 || strcmp(a, "-mco-re") == 0 || strcmp(a, "-mno-co-re") == 0;
}

char **compile_command_check_argv(const struct compile_command *cc, const char *path,
				  const struct check_options *opt)
{
	struct argv_builder b = {0};
	push(&b, opt->clang);
	int has_target = 0;
	for (int i = 1; i < cc->argc; i++) {
		const char *a = cc->argv[i];
		if (drops_with_value(a)) {
			i++;
			continue;
		}
		if (drops_alone(a))
			continue;
		if (strcmp(a, "-x") == 0) {
			i++; /* ours comes last, before "-" */
			continue;
		}
		/* The source file itself: standard input replaces it. */
		if (a[0] != '-') {
			char *abs = join_path(cc->directory, a);
			int same = same_file(abs, cc->file) || same_file(abs, path);
			free(abs);
			if (same)
				continue;
		}
		if (strcmp(a, "-target") == 0 || starts_with(a, "--target=") || strcmp(a, "--target") == 0)
			has_target = 1;
		push(&b, a);
	}
	if (!has_target)
		push(&b, "--target=bpf");
	push(&b, "-fsyntax-only");
	push(&b, "-Wno-unknown-warning-option");
	char *arg = malloc(strlen(opt->plugin) + 64);
	sprintf(arg, "-fplugin=%s", opt->plugin);
	push(&b, arg);
	free(arg);
	push(&b, "-fplugin-arg-bpfverify-json=-");
	if (opt->kernel) {
		arg = malloc(strlen(opt->kernel) + 64);
		sprintf(arg, "-fplugin-arg-bpfverify-kernel=%s", opt->kernel);
		push(&b, arg);
		free(arg);
	}
	/* "#include "x.h"" looks beside the file, which standard input has not. */
	char *dir = strdup(path);
	char *slash = strrchr(dir, '/');
	if (slash) {
		*slash = '\0';
		push(&b, "-iquote");
		push(&b, *dir ? dir : "/");
	}
	free(dir);
	push(&b, "-x");
	push(&b, "c");
	push(&b, "-");
	return b.v;
}
