/* plugin/shim/shim.c — libbpfverify.so, the file users pass to -fplugin=.
 *
 * Why a shim: the real plugin is C++ built against one LLVM (libLLVM and
 * libclang-cpp of that major). Loaded into a clang of another major, its
 * symbols bind across the two LLVMs and clang dies (exit 134), and a check
 * inside that plugin runs too late: the damage is done by the loader. This
 * library links nothing but libc: from its constructor, before any other
 * LLVM is mapped, it finds the LLVM major of the clang that loads it (the
 * libLLVM / libclang-cpp already mapped in the process) and dlopens the real
 * plugin built for that major (libbpfverify-llvmN.so beside it or in
 * bpfverify/ beside it), whose own constructor registers it with clang.
 * With no plugin for that major, it prints one error saying which clang to
 * use and ends the compilation with status 1 — or, under the plugin's
 * `warn` option, a warning, and the compilation goes on unverified.
 */
#include <ctype.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Set by CMake: the majors real plugins are built for ("19 or 22") and the
 * default one, whose clang the error message names. */
#ifndef BV_SHIM_MAJORS_TEXT
#define BV_SHIM_MAJORS_TEXT "19"
#endif
#ifndef BV_SHIM_DEFAULT_MAJOR
#define BV_SHIM_DEFAULT_MAJOR "19"
#endif

/* The major in an LLVM library's file name: libLLVM-14.so.1,
 * libLLVM.so.19.1, libclang-cpp.so.14, libclang-cpp.so.22.1; 0 if NAME is
 * not one. */
static int llvm_major_of(const char *path)
{
	const char *base = strrchr(path, '/');
	const char *p;

	base = base ? base + 1 : path;
	if (strncmp(base, "libLLVM", 7) == 0)
		p = base + 7;
	else if (strncmp(base, "libclang-cpp", 12) == 0)
		p = base + 12;
	else
		return 0;
	while (*p && !isdigit((unsigned char)*p))
		p++;
	return *p ? atoi(p) : 0;
}

static int find_mapped_major(struct dl_phdr_info *info, size_t size, void *data)
{
	int m = info->dlpi_name ? llvm_major_of(info->dlpi_name) : 0;

	(void)size;
	if (m > 0) {
		*(int *)data = m;
		return 1;
	}
	return 0;
}

/* A clang linked statically has no LLVM library mapped: its path may still
 * say (/usr/lib/llvm-14/bin/clang). */
static int exe_major(void)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	const char *p;

	if (n <= 0)
		return 0;
	exe[n] = 0;
	p = strstr(exe, "/llvm-");
	if (p && isdigit((unsigned char)p[6]))
		return atoi(p + 6);
	p = strrchr(exe, '/');
	p = p ? p + 1 : exe;
	if (strncmp(p, "clang-", 6) == 0 && isdigit((unsigned char)p[6]))
		return atoi(p + 6);
	return 0;
}

static int host_llvm_major(void)
{
	int m = 0;

	dl_iterate_phdr(find_mapped_major, &m);
	return m ? m : exe_major();
}

/* Is the plugin option `warn` given? Read from the process's own command
 * line: the driver's -fplugin-arg-bpfverify-warn, or cc1's
 * -plugin-arg-bpfverify warn. */
static int warn_option_given(void)
{
	static char buf[1 << 16];
	int fd = open("/proc/self/cmdline", O_RDONLY | O_CLOEXEC);
	ssize_t len = 0, n;
	const char *prev = "";
	char *a;

	if (fd < 0)
		return 0;
	while (len < (ssize_t)sizeof(buf) - 1 &&
	       (n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = 0;
	for (a = buf; a < buf + len; a += strlen(a) + 1) {
		if (strcmp(a, "-fplugin-arg-bpfverify-warn") == 0)
			return 1;
		if (strcmp(prev, "-plugin-arg-bpfverify") == 0 && strcmp(a, "warn") == 0)
			return 1;
		prev = a;
	}
	return 0;
}

/* The folder this library was loaded from. */
static int own_dir(char *dir, size_t n)
{
	Dl_info di;
	char *slash;

	if (!dladdr((void *)own_dir, &di) || !di.dli_fname || !strchr(di.dli_fname, '/'))
		return -1;
	if (!realpath(di.dli_fname, dir)) {
		if (strlen(di.dli_fname) >= n)
			return -1;
		strcpy(dir, di.dli_fname);
	}
	slash = strrchr(dir, '/');
	if (!slash)
		return -1;
	*slash = 0;
	return 0;
}

static int find_real_plugin(int major, char *path, size_t n)
{
	static const char *const subdirs[] = { "", "/bpfverify" };
	char dir[4096];
	size_t i;

	if (own_dir(dir, sizeof(dir)))
		return -1;
	for (i = 0; i < sizeof(subdirs) / sizeof(subdirs[0]); i++) {
		int len = snprintf(path, n, "%s%s/libbpfverify-llvm%d.so", dir, subdirs[i], major);

		/* a truncated path would name some other file */
		if (len < 0 || (size_t)len >= n)
			continue;
		if (access(path, R_OK) == 0)
			return 0;
	}
	return -1;
}

/* Ends the compilation: one message, status 1, no LLVM code run. */
static void fail(void)
{
	fflush(stderr);
	_exit(1);
}

static void use_instead(const char *what, int major)
{
	int warn = warn_option_given();

	if (major)
		fprintf(stderr, "bpfverify: %s: this clang is LLVM %d; bpfverify needs clang %s: "
			"use CC=clang-" BV_SHIM_DEFAULT_MAJOR "%s\n",
			warn ? "warning" : "error", major, BV_SHIM_MAJORS_TEXT,
			warn ? "; not verified (warn)" : "");
	else
		fprintf(stderr, "bpfverify: %s: %s; bpfverify needs clang %s%s\n",
			warn ? "warning" : "error", what, BV_SHIM_MAJORS_TEXT,
			warn ? "; not verified (warn)" : "");
	if (!warn)
		fail();
}

__attribute__((constructor)) static void bpfverify_shim_load(void)
{
	char path[4096];
	int major = host_llvm_major();
	void *h;

	if (!major) {
		use_instead("cannot tell which LLVM this compiler is built on", 0);
		return;
	}
	if (find_real_plugin(major, path, sizeof(path))) {
		use_instead(NULL, major);
		return;
	}
	/* RTLD_GLOBAL like clang's own plugin loading; the real plugin's
	 * constructor registers it with this clang's plugin registry. */
	h = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
	if (!h) {
		fprintf(stderr, "bpfverify: error: cannot load %s: %s\n", path, dlerror());
		fail();
	}
}
