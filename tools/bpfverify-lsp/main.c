/* bpfverify-lsp: a language-server proxy in front of clangd.
 *
 * The editor starts it instead of clangd. It starts clangd and relays the
 * traffic both ways unchanged, except that for BPF sources (their compile
 * command targets bpf) it also verifies the editor's text — on open, on
 * save and after changes settle — by running the compiler with the
 * bpfverify plugin in a child process, publishes the union of clangd's
 * diagnostics and bpfverify's, and adds bpfverify's fix-its to clangd's
 * code actions (proxy.c). This file: options and starting clangd.
 * docs/editors.md has the usage. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "proxy.h"

#ifndef BVLSP_LIBDIR
#define BVLSP_LIBDIR "lib"
#endif

static void usage(FILE *f)
{
	fputs("usage: bpfverify-lsp [OPTIONS] [--] [CLANGD ARGS...]\n"
	      "A language server for BPF C: runs clangd and adds bpfverify's diagnostics.\n"
	      "  --clangd=PATH     clangd to run (default: $BPFVERIFY_CLANGD, else clangd-19)\n"
	      "  --clang=PATH      compiler that loads the plugin (default: clang-19)\n"
	      "  --plugin=PATH     bpfverify plugin (default: $BPFVERIFY_PLUGIN, else beside this program)\n"
	      "  --kernel=K[,K..]  kernels to verify for (default: the plugin's, or the compile command's)\n"
	      "  --debounce=MS     wait after the last change before checking (default 300)\n"
	      "  --timeout=MS      kill a check after this long (default 20000)\n"
	      "  --verbose         log checks and their compiler output to standard error\n"
	      "Any other argument goes to clangd.\n",
	      f);
}

/* The plugin beside the program: <prefix>/bin/bpfverify-lsp ->
 * <prefix>/lib/libbpfverify.so (the build tree), or an installed one in
 * <prefix>/LIBDIR or <prefix>/LIBDIR/bpfverify. */
static char *default_plugin(void)
{
	const char *env = getenv("BPFVERIFY_PLUGIN");
	if (env && *env)
		return strdup(env);
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0) {
		self[n] = '\0';
		char *slash = strrchr(self, '/');
		if (slash) {
			*slash = '\0';
			static const char *const tails[] = {"/../lib/libbpfverify.so",
							    "/../lib/bpfverify/libbpfverify.so",
							    "/../" BVLSP_LIBDIR "/libbpfverify.so",
							    "/../" BVLSP_LIBDIR "/bpfverify/libbpfverify.so"};
			for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
				char *p = malloc(strlen(self) + strlen(tails[i]) + 1);
				sprintf(p, "%s%s", self, tails[i]);
				char real[PATH_MAX];
				if (realpath(p, real)) {
					free(p);
					return strdup(real);
				}
				free(p);
			}
		}
	}
	return strdup("libbpfverify.so");
}

static pid_t start_clangd(struct proxy *px, char **argv)
{
	int in[2], out[2], err[2];
	if (pipe(in) < 0 || pipe(out) < 0 || pipe(err) < 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(err[1], 2);
		close(in[0]), close(in[1]), close(out[0]), close(out[1]), close(err[0]), close(err[1]);
		execvp(argv[0], argv);
		fprintf(stderr, "bpfverify-lsp: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(in[0]), close(out[1]), close(err[1]);
	px->clangd_in.fd = in[1];
	px->clangd_out.fd = out[0];
	px->clangd_err = err[0];
	set_nonblocking(in[1]);
	set_nonblocking(out[0]);
	set_nonblocking(err[0]);
	return pid;
}

static const char *opt_value(const char *arg, const char *name)
{
	size_t n = strlen(name);
	return !strncmp(arg, name, n) && arg[n] == '=' ? arg + n + 1 : NULL;
}

int main(int argc, char **argv)
{
	struct proxy px = {0};
	px.editor_in.fd = 0;
	px.editor_out.fd = 1;
	px.clangd_err = -1;
	px.debounce_ms = 300;
	px.timeout_ms = 20000;
	px.max_checks = 2;
	px.check.clang = "clang-19";
	const char *clangd = getenv("BPFVERIFY_CLANGD");
	if (!clangd || !*clangd)
		clangd = "clangd-19";
	char *plugin = NULL;

	char **cargv = calloc((size_t)argc + 2, sizeof *cargv);
	int cargc = 1, rest = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		if (rest) {
			cargv[cargc++] = argv[i];
		} else if (!strcmp(a, "--")) {
			rest = 1;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return 0;
		} else if ((v = opt_value(a, "--clangd"))) {
			clangd = v;
		} else if ((v = opt_value(a, "--clang"))) {
			px.check.clang = v;
		} else if ((v = opt_value(a, "--plugin"))) {
			plugin = strdup(v);
		} else if ((v = opt_value(a, "--kernel"))) {
			px.check.kernel = v;
		} else if ((v = opt_value(a, "--debounce"))) {
			px.debounce_ms = atoll(v);
		} else if ((v = opt_value(a, "--timeout"))) {
			px.timeout_ms = atoll(v);
		} else if (!strcmp(a, "--verbose")) {
			px.check.verbose = 1;
		} else {
			cargv[cargc++] = argv[i];
		}
	}
	for (int i = 1; i < cargc; i++) {
		const char *v = opt_value(cargv[i], "--compile-commands-dir");
		if (v)
			px.compdb_dir = v;
	}
	cargv[0] = (char *)clangd;
	cargv[cargc] = NULL;
	/* `clangd --version` is how editors (VS Code's clangd extension) ask
	 * which clangd they have: clangd answers on standard output itself. */
	for (int i = 1; i < cargc; i++) {
		if (!strcmp(cargv[i], "--version") || !strcmp(cargv[i], "-version")) {
			execvp(cargv[0], cargv);
			fprintf(stderr, "bpfverify-lsp: cannot run %s: %s\n", cargv[0], strerror(errno));
			return 127;
		}
	}
	px.check.plugin = plugin ? plugin : default_plugin();
	if (px.debounce_ms < 0 || px.timeout_ms <= 0) {
		usage(stderr);
		return 2;
	}

	signal(SIGPIPE, SIG_IGN);
	px.clangd_pid = start_clangd(&px, cargv);
	if (px.clangd_pid < 0) {
		perror("bpfverify-lsp: starting clangd");
		return 1;
	}
	set_nonblocking(0);
	set_nonblocking(1);
	int rc = proxy_run(&px);
	free(cargv);
	free((char *)px.check.plugin);
	return rc;
}
