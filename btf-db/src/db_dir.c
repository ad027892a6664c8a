/* btf-db/src/db_dir.c — where the kernel profiles are.
 *
 * Why relative to the binary: an installed plugin or CLI must find the
 * profiles installed with it (PREFIX/share/bpfverify/profiles), wherever
 * PREFIX is, and never the build tree it was made in. The binary is the
 * module this code is linked into (dladdr): the plugin's .so in
 * PREFIX/lib or PREFIX/lib/bpfverify, or an executable in PREFIX/bin.
 */
#include <bpfverify/bvdb.h>

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define INSTALLED_PROFILES "share/bpfverify/profiles"

static char installed_dir[PATH_MAX];
static pthread_once_t installed_once = PTHREAD_ONCE_INIT;

static int is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The real path of the module holding this function. */
static int own_module(char *out)
{
	Dl_info di;
	ssize_t n;

	if (dladdr((void *)own_module, &di) && di.dli_fname && strchr(di.dli_fname, '/') &&
	    realpath(di.dli_fname, out))
		return 0;
	/* an executable's own entry names no path: ask the kernel */
	n = readlink("/proc/self/exe", out, PATH_MAX - 1);
	if (n <= 0)
		return -1;
	out[n] = 0;
	return 0;
}

static void find_installed(void)
{
	char mod[PATH_MAX], cand[PATH_MAX + 64];
	char *slash;
	int up;

	if (own_module(mod))
		return;
	/* bin/X, lib/X.so, lib/bpfverify/X.so, lib/<multiarch>/bpfverify/X.so */
	for (up = 0; up < 4; up++) {
		slash = strrchr(mod, '/');
		if (!slash || slash == mod)
			return;
		*slash = 0;
		if (up == 0)
			continue;
		int len = snprintf(cand, sizeof(cand), "%s/%s", mod, INSTALLED_PROFILES);

		/* a path that does not fit would name another folder: not ours */
		if (len < 0 || (size_t)len >= sizeof(installed_dir))
			continue;
		if (is_dir(cand)) {
			memcpy(installed_dir, cand, (size_t)len + 1);
			return;
		}
	}
}

const char *bvdb_default_dir(const char *built_in)
{
	const char *env = getenv("BPFVERIFY_DB");

	if (env && *env)
		return env;
	pthread_once(&installed_once, find_installed);
	return installed_dir[0] ? installed_dir : built_in;
}
