/* kernel.c — target-kernel profiles: which kernel a program is verified
 * for, its version facts, its verifier behaviours and (lazily) its BTF.
 *
 * Specs understood:
 *  - a btf-db profile name ("6.1", "6.12", "6.18"; the newest is the
 *    default): btf-db/profiles/NAME/ holds profile.json (release), the
 *    kernel's BTF (vmlinux.btf.zst) and facts.json (named behaviours);
 *  - "host": the running kernel's BTF and release, with the behaviours of
 *    the newest profile not newer than it;
 *  - a path to a raw BTF or a vmlinux ELF: its BTF with the newest
 *    profile's behaviours; named by the file's basename.
 * The profiles folder is $BPFVERIFY_DB when set, else the one this build
 * was configured with. The BTF of a profile is decompressed and parsed only
 * when something asks for it. A path is parsed at open: the user named a
 * file, and an unreadable one is a usage error worth reporting at once.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <cjson/cJSON.h>
#include <zstd.h>

#include "bvf_internal.h"

#ifndef BVF_DB_DIR
#define BVF_DB_DIR "btf-db/profiles"
#endif
#define HOST_BTF_PATH "/sys/kernel/btf/vmlinux"
#define PATH_MAX_LEN 4096
#define NAME_MAX_LEN 64
#define FACTS_MAX (1u << 20)         /* a facts file is a few KiB */
#define BTF_MAX (256u << 20)         /* no kernel BTF comes near */

struct bvf_kernel {
	char name[256];
	char release[256];
	char rules[NAME_MAX_LEN];    /* profile whose behaviours apply */
	uint32_t version;
	uint64_t features;
	char btf_path[PATH_MAX_LEN];
	bool btf_zstd;               /* btf_path is zstd-compressed raw BTF */
	/* Lazily parsed BTF: a profile is shared read-only by every
	 * verification, so the first one to need it parses it under the lock. */
	pthread_mutex_t lock;
	bool btf_tried;
	struct btf *btf;
	char btf_err[PATH_MAX_LEN + 600];
};

/* One profile of the db, as listed. */
struct profile_info {
	char name[NAME_MAX_LEN];
	char release[256];
	uint32_t version;
};

static void set_err(char *err, size_t errsz, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void set_err(char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errsz)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
}

/* "6.18.44-fc-v657" -> BV_KERNEL_VERSION(6, 18, 44); 0 when unparsable.
 * The same rule libbpf applies to uname -r for LINUX_KERNEL_VERSION. */
static uint32_t parse_release(const char *rel)
{
	unsigned a = 0, b = 0, c = 0;

	if (sscanf(rel, "%u.%u.%u", &a, &b, &c) < 2)
		return 0;
	return BV_KERNEL_VERSION(a, b, c);
}

static const char *db_dir(void)
{
	const char *d = getenv("BPFVERIFY_DB");

	return d && *d ? d : BVF_DB_DIR;
}

/* Reads a whole small file; NULL with errno set. */
static char *read_file(const char *path, size_t max, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0;

	if (!f)
		return NULL;
	for (;;) {
		size_t got;

		if (n + 4096 + 1 > cap) {
			char *nb;

			cap = cap ? cap * 2 : 65536;
			if (cap > max + 1)
				cap = max + 1;
			if (n + 1 >= cap) {
				free(buf);
				fclose(f);
				errno = EFBIG;
				return NULL;
			}
			nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(f);
				errno = ENOMEM;
				return NULL;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		fclose(f);
		errno = EIO;
		return NULL;
	}
	fclose(f);
	if (!buf && !(buf = malloc(1))) {
		errno = ENOMEM;
		return NULL;
	}
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

static cJSON *read_json(const char *path, char *err, size_t errsz)
{
	char *text = read_file(path, FACTS_MAX, NULL);
	cJSON *doc;

	if (!text) {
		set_err(err, errsz, "%s: %s", path, strerror(errno));
		return NULL;
	}
	doc = cJSON_Parse(text);
	free(text);
	if (!doc || !cJSON_IsObject(doc)) {
		cJSON_Delete(doc);
		set_err(err, errsz, "%s: not a JSON object", path);
		return NULL;
	}
	return doc;
}

static int profile_read_info(const char *name, struct profile_info *pi,
			     char *err, size_t errsz)
{
	char path[PATH_MAX_LEN];
	const cJSON *rel;
	cJSON *doc;

	if (strlen(name) >= sizeof(pi->name) || strchr(name, '/') || name[0] == '.') {
		set_err(err, errsz, "'%s' is not a profile name", name);
		return -EINVAL;
	}
	snprintf(path, sizeof(path), "%s/%s/profile.json", db_dir(), name);
	doc = read_json(path, err, errsz);
	if (!doc)
		return access(path, F_OK) == 0 ? -EINVAL : -ENOENT;
	rel = cJSON_GetObjectItemCaseSensitive(doc, "release");
	if (!cJSON_IsString(rel) || !parse_release(rel->valuestring)) {
		set_err(err, errsz, "%s: no valid \"release\"", path);
		cJSON_Delete(doc);
		return -EINVAL;
	}
	snprintf(pi->name, sizeof(pi->name), "%s", name);
	snprintf(pi->release, sizeof(pi->release), "%s", rel->valuestring);
	pi->version = parse_release(rel->valuestring);
	cJSON_Delete(doc);
	return 0;
}

/* Every readable profile of the db, newest first. */
static int profile_list(struct profile_info **out, size_t *nr)
{
	DIR *d = opendir(db_dir());
	struct profile_info *v = NULL;
	struct dirent *e;
	size_t n = 0;

	*out = NULL;
	*nr = 0;
	if (!d)
		return -errno;
	while ((e = readdir(d))) {
		struct profile_info pi, *nv;

		if (e->d_name[0] == '.' || profile_read_info(e->d_name, &pi, NULL, 0))
			continue;
		nv = realloc(v, (n + 1) * sizeof(*v));
		if (!nv)
			break;
		v = nv;
		v[n++] = pi;
	}
	closedir(d);
	/* newest first; equal versions by name, for a stable order */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0; j--) {
			struct profile_info t;
			int c = v[j].version > v[j - 1].version ? 1 :
				v[j].version < v[j - 1].version ? -1 :
				-strcmp(v[j].name, v[j - 1].name);
			if (c <= 0)
				break;
			t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	*out = v;
	*nr = n;
	return 0;
}

/* Behaviours named in NAME/facts.json "features". */
static int profile_features(const char *name, uint64_t *features, char *err, size_t errsz)
{
	char path[PATH_MAX_LEN];
	const cJSON *list, *it;
	cJSON *doc;

	*features = 0;
	snprintf(path, sizeof(path), "%s/%s/facts.json", db_dir(), name);
	doc = read_json(path, err, errsz);
	if (!doc)
		return -ENOENT;
	list = cJSON_GetObjectItemCaseSensitive(doc, "features");
	if (list && !cJSON_IsArray(list)) {
		set_err(err, errsz, "%s: \"features\" is not a list", path);
		cJSON_Delete(doc);
		return -EINVAL;
	}
	cJSON_ArrayForEach(it, list) {
		int f = cJSON_IsString(it) ? bv_feature_by_name(it->valuestring) : -1;

		if (f < 0) {
			set_err(err, errsz, "%s: unknown verifier behaviour '%s' (this bpfverify "
				"knows the names in bpfverify/features.h)", path,
				cJSON_IsString(it) ? it->valuestring : "(not a string)");
			cJSON_Delete(doc);
			return -EINVAL;
		}
		*features |= BV_FEAT_BIT(f);
	}
	cJSON_Delete(doc);
	return 0;
}

static struct bvf_kernel *kernel_new(const char *name, const char *release,
				     char *err, size_t errsz)
{
	struct bvf_kernel *k = calloc(1, sizeof(*k));

	if (!k) {
		set_err(err, errsz, "kernel profile '%s': out of memory", name);
		return NULL;
	}
	snprintf(k->name, sizeof(k->name), "%s", name);
	snprintf(k->release, sizeof(k->release), "%s", release ? release : "");
	k->version = release ? parse_release(release) : 0;
	pthread_mutex_init(&k->lock, NULL);
	return k;
}

/* Takes the behaviours of profile `rules` (its facts file). */
static int kernel_take_rules(struct bvf_kernel *k, const char *rules, char *err, size_t errsz)
{
	char ferr[PATH_MAX_LEN + 200];

	if (profile_features(rules, &k->features, ferr, sizeof(ferr))) {
		set_err(err, errsz, "kernel profile '%s': %s", k->name, ferr);
		return -EINVAL;
	}
	snprintf(k->rules, sizeof(k->rules), "%s", rules);
	return 0;
}

static struct bvf_kernel *open_profile(const struct profile_info *pi, char *err, size_t errsz)
{
	struct bvf_kernel *k = kernel_new(pi->name, pi->release, err, errsz);

	if (!k)
		return NULL;
	snprintf(k->btf_path, sizeof(k->btf_path), "%s/%s/vmlinux.btf.zst", db_dir(), pi->name);
	k->btf_zstd = true;
	if (kernel_take_rules(k, pi->name, err, errsz)) {
		bvf_kernel_close(k);
		return NULL;
	}
	return k;
}

/* The newest profile whose version is not newer than `version` (major and
 * minor compared), else the oldest one; NULL when the db is empty. */
static bool rules_for(uint32_t version, struct profile_info *out)
{
	struct profile_info *v;
	size_t n;
	bool found = false;

	if (profile_list(&v, &n) || n == 0) {
		free(v);
		return false;
	}
	*out = v[n - 1];
	found = true;
	for (size_t i = 0; i < n; i++)
		if ((v[i].version >> 8) <= (version >> 8)) {
			*out = v[i];
			break;
		}
	free(v);
	return found;
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

		set_err(err, errsz, "kernel profile '%s': cannot read BTF: %s", path, strerror(e));
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
	struct profile_info rules;
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
		set_err(err, errsz, "kernel profile '%s': cannot read BTF: %s",
			path, strerror(e ? (int)-e : errno));
		return NULL;
	}
	if (!rules_for(UINT32_MAX, &rules)) {
		set_err(err, errsz, "kernel profile '%s': no profile in %s to take the "
			"verifier's rules from", path, db_dir());
		btf__free(btf);
		return NULL;
	}
	k = kernel_new(base, rules.release, err, errsz);
	if (!k || kernel_take_rules(k, rules.name, err, errsz)) {
		bvf_kernel_close(k);
		btf__free(btf);
		return NULL;
	}
	snprintf(k->btf_path, sizeof(k->btf_path), "%s", path);
	k->btf = btf;
	k->btf_tried = true;
	return k;
}

static struct bvf_kernel *open_host(char *err, size_t errsz)
{
	struct profile_info rules;
	struct bvf_kernel *k;
	struct utsname u;

	if (uname(&u) != 0 || !parse_release(u.release)) {
		set_err(err, errsz, "kernel profile 'host': cannot read the running kernel's "
			"release (uname)");
		return NULL;
	}
	if (!rules_for(parse_release(u.release), &rules)) {
		set_err(err, errsz, "kernel profile 'host': no profile in %s to take the "
			"verifier's rules from", db_dir());
		return NULL;
	}
	k = kernel_new("host", u.release, err, errsz);
	if (!k || kernel_take_rules(k, rules.name, err, errsz)) {
		bvf_kernel_close(k);
		return NULL;
	}
	snprintf(k->btf_path, sizeof(k->btf_path), "%s", HOST_BTF_PATH);
	return k;
}

static void available(char *buf, size_t size)
{
	struct profile_info *v;
	size_t n, len = 0;

	buf[0] = '\0';
	profile_list(&v, &n);
	for (size_t i = n; i-- > 0 && len + 1 < size;)
		len += snprintf(buf + len, size - len, "%s, ", v[i].name);
	free(v);
	if (len + 1 < size)
		snprintf(buf + len, size - len, "host, or a path to a BTF or vmlinux file");
}

struct bvf_kernel *bvf_kernel_open(const char *spec, char *err, size_t errsz)
{
	struct profile_info pi;
	char perr[PATH_MAX_LEN + 200], avail[512];
	int e;

	if (!spec || !*spec)
		spec = bvf_kernel_default();
	if (!spec) {
		set_err(err, errsz, "no kernel profile: %s holds none", db_dir());
		return NULL;
	}
	if (strcmp(spec, "host") == 0)
		return open_host(err, errsz);
	if (!strchr(spec, '/')) {
		e = profile_read_info(spec, &pi, perr, sizeof(perr));
		if (e == 0)
			return open_profile(&pi, err, errsz);
		if (e != -ENOENT) {
			set_err(err, errsz, "kernel profile '%s' is broken: %s", spec, perr);
			return NULL;
		}
	}
	if (looks_like_path(spec))
		return open_path(spec, err, errsz);
	available(avail, sizeof(avail));
	set_err(err, errsz, "unknown kernel profile '%s' (available: %s)", spec, avail);
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

/* The default profile is the newest in the db; looked up once per process
 * (the db does not change under a running compile). */
static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static char default_name[NAME_MAX_LEN];

static void default_init(void)
{
	struct profile_info pi;

	if (rules_for(UINT32_MAX, &pi))
		snprintf(default_name, sizeof(default_name), "%s", pi.name);
}

const char *bvf_kernel_default(void)
{
	pthread_once(&default_once, default_init);
	return default_name[0] ? default_name : NULL;
}

uint32_t bvf_kernel_version(const struct bvf_kernel *k)
{
	return k ? k->version : 0;
}

uint64_t bvf_kernel_features(const struct bvf_kernel *k)
{
	return k ? k->features : 0;
}

const char *bvf_kernel_rules(const struct bvf_kernel *k)
{
	return k ? k->rules : NULL;
}

const char *bvf_kernel_release(const struct bvf_kernel *k)
{
	return k ? k->release : NULL;
}

/* Raw BTF bytes of a zstd-compressed profile file; NULL with a message. */
static void *read_zstd_btf(const char *path, size_t *size, char *err, size_t errsz)
{
	size_t clen;
	char *comp = read_file(path, BTF_MAX, &clen);
	unsigned long long raw;
	void *out;
	size_t got;

	if (!comp) {
		set_err(err, errsz, "%s: %s", path, strerror(errno));
		return NULL;
	}
	raw = ZSTD_getFrameContentSize(comp, clen);
	if (raw == ZSTD_CONTENTSIZE_ERROR || raw == ZSTD_CONTENTSIZE_UNKNOWN || raw > BTF_MAX) {
		set_err(err, errsz, "%s: not a zstd frame with a known size", path);
		free(comp);
		return NULL;
	}
	out = malloc(raw ? raw : 1);
	if (!out) {
		set_err(err, errsz, "%s: out of memory", path);
		free(comp);
		return NULL;
	}
	got = ZSTD_decompress(out, raw, comp, clen);
	free(comp);
	if (ZSTD_isError(got) || got != raw) {
		set_err(err, errsz, "%s: corrupt zstd data (%s)", path,
			ZSTD_isError(got) ? ZSTD_getErrorName(got) : "short");
		free(out);
		return NULL;
	}
	*size = got;
	return out;
}

static struct btf *load_btf(struct bvf_kernel *k)
{
	struct btf *b;
	void *raw;
	size_t size;
	long e;

	if (!k->btf_zstd) {
		b = btf__parse(k->btf_path, NULL);
		e = libbpf_get_error(b);
		if (b && !e)
			return b;
		snprintf(k->btf_err, sizeof(k->btf_err),
			 "kernel profile '%s': cannot read BTF from %s: %s",
			 k->name, k->btf_path, strerror(e ? (int)-e : errno));
		return NULL;
	}
	raw = read_zstd_btf(k->btf_path, &size, k->btf_err, sizeof(k->btf_err));
	if (!raw)
		return NULL;
	b = btf__new(raw, size);
	free(raw);
	e = libbpf_get_error(b);
	if (!b || e) {
		snprintf(k->btf_err, sizeof(k->btf_err),
			 "kernel profile '%s': %s: corrupt BTF: %s",
			 k->name, k->btf_path, strerror(e ? (int)-e : errno));
		return NULL;
	}
	return b;
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
		mk->btf_tried = true;
		mk->btf = load_btf(mk);
	}
	btf = mk->btf;
	if (!btf)
		set_err(err, errsz, "%s", mk->btf_err);
	pthread_mutex_unlock(&mk->lock);
	return btf;
}
