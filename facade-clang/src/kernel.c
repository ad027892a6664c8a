/* kernel.c — target-kernel profiles: which kernel a program is verified
 * for, its version facts and (lazily) its BTF.
 *
 * Until btf-db ships profiles, three kinds of spec are understood:
 *  - "6.18" (the default): Linux 6.18 facts (the knowledge base) with this
 *    machine's /sys/kernel/btf/vmlinux as its BTF;
 *  - "host": the running kernel's version (uname -r) with the same BTF;
 *  - a path to a raw BTF or a vmlinux ELF: its BTF, version unknown, so the
 *    newest known behaviour (6.18) applies; named by the file's basename.
 * The BTF of a named profile is parsed only when something asks for it, so
 * a machine without /sys/kernel/btf/vmlinux can still verify programs that
 * need no kernel types. A path is parsed at open: the user named a file,
 * and an unreadable one is a usage error worth reporting at once.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "bvf_internal.h"

#define HOST_BTF_PATH "/sys/kernel/btf/vmlinux"
#define DEFAULT_PROFILE "6.18"
#define NEWEST_KNOWN_VERSION BV_KERNEL_VERSION(6, 18, 0)
#define PATH_MAX_LEN 4096
#define AVAILABLE "available: 6.18, host, or a path to a BTF or vmlinux file"

struct bvf_kernel {
	char name[256];
	uint32_t version;
	char btf_path[PATH_MAX_LEN];
	/* Lazily parsed BTF: a profile is shared read-only by every
	 * verification, so the first one to need it parses it under the lock. */
	pthread_mutex_t lock;
	bool btf_tried;
	struct btf *btf;
	char btf_err[PATH_MAX_LEN + 600];
};

/* Profiles btf-db will ship but does not yet. */
static const char *const planned_profiles[] = { "6.1" };

static void set_err(char *err, size_t errsz, const char *fmt, const char *arg)
{
	if (err && errsz)
		snprintf(err, errsz, fmt, arg);
}

/* "6.18.44-fc-v657" -> BV_KERNEL_VERSION(6, 18, 44); 0 when unparsable. */
static uint32_t parse_release(const char *rel)
{
	unsigned a = 0, b = 0, c = 0;

	if (sscanf(rel, "%u.%u.%u", &a, &b, &c) < 2)
		return 0;
	return BV_KERNEL_VERSION(a, b, c);
}

static struct bvf_kernel *kernel_new(const char *name, uint32_t version,
				     const char *btf_path, char *err, size_t errsz)
{
	struct bvf_kernel *k = calloc(1, sizeof(*k));

	if (!k) {
		set_err(err, errsz, "kernel profile '%s': out of memory", name);
		return NULL;
	}
	snprintf(k->name, sizeof(k->name), "%s", name);
	snprintf(k->btf_path, sizeof(k->btf_path), "%s", btf_path);
	k->version = version;
	pthread_mutex_init(&k->lock, NULL);
	return k;
}

static bool looks_like_path(const char *spec)
{
	struct stat st;

	return strchr(spec, '/') || stat(spec, &st) == 0;
}

/* A raw BTF starts with its magic 0xeB9F (either byte order), a vmlinux
 * with the ELF magic. Checked first so that the common mistake (a wrong
 * file) gets our message, not libbpf's parser warnings on stderr. */
static int check_magic(const char *path, char *err, size_t errsz)
{
	unsigned char m[4] = { 0 };
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f) {
		int e = errno;

		if (err && errsz)
			snprintf(err, errsz, "kernel profile '%s': cannot read BTF: %s",
				 path, strerror(e));
		return -e;
	}
	n = fread(m, 1, sizeof(m), f);
	fclose(f);
	if (n == sizeof(m) && ((m[0] == 0x9f && m[1] == 0xeb) || (m[0] == 0xeb && m[1] == 0x9f) ||
			       memcmp(m, "\x7f" "ELF", 4) == 0))
		return 0;
	set_err(err, errsz, "kernel profile '%s': cannot read BTF: not a raw BTF or "
		"vmlinux ELF file", path);
	return -EINVAL;
}

static struct bvf_kernel *open_path(const char *path, char *err, size_t errsz)
{
	const char *base = strrchr(path, '/');
	struct bvf_kernel *k;
	struct btf *btf;
	long e;

	base = base && base[1] ? base + 1 : path;
	e = check_magic(path, err, errsz);
	if (e)
		return NULL;
	btf = btf__parse(path, NULL);
	e = libbpf_get_error(btf);
	if (!btf || e) {
		if (err && errsz)
			snprintf(err, errsz, "kernel profile '%s': cannot read BTF: %s",
				 path, strerror(e ? (int)-e : errno));
		return NULL;
	}
	k = kernel_new(base, NEWEST_KNOWN_VERSION, path, err, errsz);
	if (!k) {
		btf__free(btf);
		return NULL;
	}
	k->btf = btf;
	k->btf_tried = true;
	return k;
}

struct bvf_kernel *bvf_kernel_open(const char *spec, char *err, size_t errsz)
{
	if (!spec || !*spec)
		spec = DEFAULT_PROFILE;
	if (strcmp(spec, DEFAULT_PROFILE) == 0)
		return kernel_new(DEFAULT_PROFILE, NEWEST_KNOWN_VERSION, HOST_BTF_PATH,
				  err, errsz);
	if (strcmp(spec, "host") == 0) {
		struct utsname u;
		uint32_t v = 0;

		if (uname(&u) == 0)
			v = parse_release(u.release);
		/* An unparsable release still verifies, with the newest rules. */
		return kernel_new("host", v ? v : NEWEST_KNOWN_VERSION, HOST_BTF_PATH,
				  err, errsz);
	}
	for (size_t i = 0; i < sizeof(planned_profiles) / sizeof(planned_profiles[0]); i++) {
		if (strcmp(spec, planned_profiles[i]) == 0) {
			set_err(err, errsz,
				"kernel profile '%s' is not available yet: btf-db does not "
				"ship it (" AVAILABLE ")", spec);
			return NULL;
		}
	}
	if (looks_like_path(spec))
		return open_path(spec, err, errsz);
	set_err(err, errsz, "unknown kernel profile '%s' (" AVAILABLE ")", spec);
	return NULL;
}

void bvf_kernel_close(struct bvf_kernel *k)
{
	if (!k)
		return;
	btf__free(k->btf);
	pthread_mutex_destroy(&k->lock);
	free(k);
}

const char *bvf_kernel_name(const struct bvf_kernel *k)
{
	return k ? k->name : NULL;
}

const char *bvf_kernel_default(void)
{
	return DEFAULT_PROFILE;
}

uint32_t bvf_kernel_version(const struct bvf_kernel *k)
{
	return k ? k->version : 0;
}

struct btf *bvf_kernel_btf(const struct bvf_kernel *k, char *err, size_t errsz)
{
	/* The cache is the only mutable part of a profile. */
	struct bvf_kernel *mk = (struct bvf_kernel *)k;
	struct btf *btf;

	if (!k) {
		set_err(err, errsz, "%s", "no kernel profile");
		return NULL;
	}
	pthread_mutex_lock(&mk->lock);
	if (!mk->btf_tried) {
		struct btf *b = btf__parse(mk->btf_path, NULL);
		long e = libbpf_get_error(b);

		mk->btf_tried = true;
		if (b && !e) {
			mk->btf = b;
		} else {
			snprintf(mk->btf_err, sizeof(mk->btf_err),
				 "kernel profile '%s': cannot read BTF from %s: %s",
				 mk->name, mk->btf_path, strerror(e ? (int)-e : errno));
		}
	}
	btf = mk->btf;
	if (!btf)
		set_err(err, errsz, "%s", mk->btf_err);
	pthread_mutex_unlock(&mk->lock);
	return btf;
}
