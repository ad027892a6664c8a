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
 * The profiles folder is $BPFVERIFY_DB when set, else an installed
 * bpfverify's own, else the one this build was configured with
 * (bvdb_default_dir); btf-db's bvdb library reads it (bpfverify/bvdb.h). The BTF of a profile is decompressed and parsed only
 * when something asks for it. A path is parsed at open: the user named a
 * file, and an unreadable one is a usage error worth reporting at once.
 * The name index CO-RE searches candidates with is built once per profile,
 * on first use, and shared like the BTF.
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
#include "bpfverify/bvdb.h"
#include "bvf_internal.h"
#include "kb.h"

#ifndef BVF_DB_DIR
#define BVF_DB_DIR "btf-db/profiles"
#endif
#define HOST_BTF_PATH "/sys/kernel/btf/vmlinux"
#define PATH_MAX_LEN 4096
#define NAME_MAX_LEN 64

#define HELPER_FACTS_TYPES 64   /* program types memoised (UAPI has ~33) */

struct bvf_kernel {
	char name[256];
	char release[256];
	char rules[NAME_MAX_LEN];    /* profile whose behaviours apply */
	uint32_t version;
	uint64_t features;
	char btf_path[PATH_MAX_LEN];
	struct bvdb_profile *prof;   /* a db profile: its BTF comes from btf-db */
	/* Lazily parsed BTF: a profile is shared read-only by every
	 * verification, so the first one to need it parses it under the lock. */
	pthread_mutex_t lock;
	bool btf_tried;
	struct btf *btf;
	char btf_err[PATH_MAX_LEN + 600];
	/* The same BTF read in place (bvdb_btf): what most lookups need,
	 * without libbpf's copy and index of every type; btf is made from
	 * its bytes only when something needs libbpf's struct btf. */
	bool view_tried;
	struct bvdb_btf *view;
	char view_err[PATH_MAX_LEN + 600];
	/* Name index of btf for CO-RE candidate search, built on first use. */
	bool names_tried;
	struct bvdb_names *names;
	/* Helper facts per program type (kb_facts.c), read on first use:
	 * the facts file and the BTF enum are the same for every program. */
	struct helper_facts_memo {
		bool done;
		int ret;
		char err[256];
		struct bvf_kb_helper_facts facts;
	} helper_facts[HELPER_FACTS_TYPES];
	/* Type ids of the enums asked for by name (bvf_kernel_enum_id). */
	struct { const char *name; int id; } enums[8];
	size_t nr_enums;
	/* BTF of the profile's modules (modules/MOD.btf.zst), on first use. */
	bool modules_tried;
	struct btf **modules;
	size_t nr_modules;
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
	return bvdb_release_version(rel);
}

static const char *db_dir(void)
{
	const char *d = bvdb_default_dir(BVF_DB_DIR);

	return d && *d ? d : BVF_DB_DIR;
}

/* Opens db profile NAME; -ENOENT when there is none, -EINVAL (message in
 * err) when it is broken. */
static int profile_open(const char *name, struct bvdb_profile **out, char *err, size_t errsz)
{
	char dir[PATH_MAX_LEN];

	*out = NULL;
	if (strlen(name) >= NAME_MAX_LEN || strchr(name, '/') || name[0] == '.') {
		set_err(err, errsz, "'%s' is not a profile name", name);
		return -EINVAL;
	}
	snprintf(dir, sizeof(dir), "%s/%s", db_dir(), name);
	*out = bvdb_profile__open(dir, err, errsz);
	if (*out)
		return 0;
	return errno == ENOENT ? -ENOENT : -EINVAL;
}

static void info_of(const struct bvdb_profile *p, struct profile_info *pi)
{
	snprintf(pi->name, sizeof(pi->name), "%s", bvdb_profile__name(p));
	snprintf(pi->release, sizeof(pi->release), "%s", bvdb_profile__release(p));
	pi->version = parse_release(pi->release);
}

/* Every readable profile of the db, newest first. */
static int profile_list(struct profile_info **out, size_t *nr)
{
	struct bvdb_profile **v;
	size_t n;
	int e = bvdb_profiles__list(db_dir(), &v, &n);

	*out = NULL;
	*nr = 0;
	if (e)
		return e;
	*out = calloc(n ? n : 1, sizeof(**out));
	if (!*out) {
		bvdb_profiles__free(v, n);
		return -ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		info_of(v[i], &(*out)[i]);
	*nr = n;
	bvdb_profiles__free(v, n);
	return 0;
}

/* Behaviours named in the profile's facts.json "features". */
static int profile_features(const struct bvdb_profile *p, uint64_t *features,
			    char *err, size_t errsz)
{
	*features = 0;
	for (size_t i = 0; i < bvdb_profile__feature_cnt(p); i++) {
		const char *name = bvdb_profile__feature(p, i);
		int f = bv_feature_by_name(name);

		if (f < 0) {
			set_err(err, errsz, "%s/facts.json: unknown verifier behaviour '%s' (this "
				"bpfverify knows the names in bpfverify/features.h)",
				bvdb_profile__dir(p), name);
			return -EINVAL;
		}
		*features |= BV_FEAT_BIT(f);
	}
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
	struct bvdb_profile *p;
	int e = profile_open(rules, &p, ferr, sizeof(ferr));

	if (!e)
		e = profile_features(p, &k->features, ferr, sizeof(ferr));
	bvdb_profile__close(p);
	if (e) {
		set_err(err, errsz, "kernel profile '%s': %s", k->name, ferr);
		return -EINVAL;
	}
	snprintf(k->rules, sizeof(k->rules), "%s", rules);
	return 0;
}

/* Takes ownership of p. */
static struct bvf_kernel *open_profile(struct bvdb_profile *p, char *err, size_t errsz)
{
	struct bvf_kernel *k = kernel_new(bvdb_profile__name(p), bvdb_profile__release(p),
					  err, errsz);
	char ferr[PATH_MAX_LEN + 200];

	if (!k) {
		bvdb_profile__close(p);
		return NULL;
	}
	k->prof = p;
	k->version = bvdb_profile__kernel_version(p);
	snprintf(k->btf_path, sizeof(k->btf_path), "%s/vmlinux.btf.zst", bvdb_profile__dir(p));
	if (profile_features(p, &k->features, ferr, sizeof(ferr))) {
		set_err(err, errsz, "kernel profile '%s': %s", k->name, ferr);
		bvf_kernel_close(k);
		return NULL;
	}
	snprintf(k->rules, sizeof(k->rules), "%.*s", (int)sizeof(k->rules) - 1, k->name);
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
	struct bvdb_profile *prof;
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
		e = profile_open(spec, &prof, perr, sizeof(perr));
		if (e == 0)
			return open_profile(prof, err, errsz);
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
	bvdb_names__free(k->names);
	for (size_t i = 0; i < k->nr_modules; i++)
		btf__free(k->modules[i]);
	free(k->modules);
	btf__free(k->btf);
	bvdb_btf__free(k->view);
	bvdb_profile__close(k->prof);
	pthread_mutex_destroy(&k->lock);
	free(k);
}

const char *bvf_kernel_dir(const struct bvf_kernel *k)
{
	return k && k->prof ? bvdb_profile__dir(k->prof) : NULL;
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

void *bvf_kernel_read_file(const struct bvf_kernel *k, const char *file, size_t *len,
			   char *err, size_t errsz)
{
	if (!k || !k->prof) {
		set_err(err, errsz, "kernel '%s' is not a btf-db profile: it has no %s list",
			k ? k->name : "?", file);
		errno = ENOENT;
		return NULL;
	}
	return bvdb_profile__read_file(k->prof, file, 64u << 20, len, err, errsz);
}

bool bvf_kernel_symbols_complete(const struct bvf_kernel *k)
{
	const char *kind = k && k->prof ? bvdb_profile__source_kind(k->prof) : NULL;

	/* A profile imported from a running kernel lists /proc/kallsyms; one
	 * built from a package lists the exported symbols only. */
	return kind && strcmp(kind, "host") == 0;
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

static const struct bvdb_btf *view_locked(struct bvf_kernel *k);

static struct btf *load_btf(struct bvf_kernel *k)
{
	struct btf *b;
	long e;

	if (k->prof) {
		/* libbpf's struct btf over the view's bytes: one read of the
		 * profile, and the ids and layouts both see are the same */
		const struct bvdb_btf *v = view_locked(k);
		size_t size = 0;
		const void *raw = v ? bvdb_btf__raw(v, &size) : NULL;

		if (!raw) {
			snprintf(k->btf_err, sizeof(k->btf_err), "%s", k->view_err);
			return NULL;
		}
		b = btf__new(raw, (uint32_t)size);
		e = libbpf_get_error(b);
		if (b && !e)
			return b;
		/* the view checks records as they are read, libbpf all of them:
		 * a damaged cache entry can pass the one and fail the other */
		bvdb_profile__drop_cache(k->prof);
		snprintf(k->btf_err, sizeof(k->btf_err),
			 "kernel profile '%.200s': its BTF is corrupt (%s); a damaged cache entry has been removed, and the next run decompresses the profile anew",
			 k->name, strerror(e ? (int)-e : errno));
		return NULL;
	}
	b = btf__parse(k->btf_path, NULL);
	e = libbpf_get_error(b);
	if (b && !e)
		return b;
	snprintf(k->btf_err, sizeof(k->btf_err),
		 "kernel profile '%s': cannot read BTF from %s: %s",
		 k->name, k->btf_path, strerror(e ? (int)-e : errno));
	return NULL;
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

/* The view, made on first use; called under k->lock. A profile maps its
 * cache entry; host and a path have only libbpf's parse, whose raw bytes
 * the view then reads. */
static const struct bvdb_btf *view_locked(struct bvf_kernel *k)
{
	char perr[PATH_MAX_LEN + 400];

	if (k->view_tried)
		return k->view;
	k->view_tried = true;
	if (k->prof) {
		k->view = bvdb_profile__load_view(k->prof, perr, sizeof(perr));
		if (!k->view)
			snprintf(k->view_err, sizeof(k->view_err), "kernel profile '%.200s': %.4000s",
				 k->name, perr);
		return k->view;
	}
	if (!k->btf_tried) {
		k->btf_tried = true;
		k->btf = load_btf(k);
	}
	if (!k->btf) {
		snprintf(k->view_err, sizeof(k->view_err), "%s", k->btf_err);
		return NULL;
	}
	{
		uint32_t size = 0;
		const void *raw = btf__raw_data(k->btf, &size);

		k->view = raw ? bvdb_btf__new(raw, size, perr, sizeof(perr)) : NULL;
		if (!k->view)
			snprintf(k->view_err, sizeof(k->view_err), "kernel profile '%.200s': %.4000s",
				 k->name, raw ? perr : "out of memory");
	}
	return k->view;
}

const struct bvdb_btf *bvf_kernel_view(const struct bvf_kernel *k, char *err, size_t errsz)
{
	struct bvf_kernel *mk = (struct bvf_kernel *)k;
	const struct bvdb_btf *v;

	if (!k) {
		set_err(err, errsz, "%s", "no kernel profile");
		return NULL;
	}
	pthread_mutex_lock(&mk->lock);
	v = view_locked(mk);
	if (!v)
		set_err(err, errsz, "%s", mk->view_err);
	pthread_mutex_unlock(&mk->lock);
	return v;
}

const struct bvdb_names *bvf_kernel_names(const struct bvf_kernel *k)
{
	struct bvf_kernel *mk = (struct bvf_kernel *)k;
	const struct bvdb_btf *v;
	struct bvdb_names *ix;

	/* BPFVERIFY_NO_NAME_INDEX: CO-RE scans every type instead (bench/btf-db
	 * measures the index against that) */
	if (!k || !(v = bvf_kernel_view(k, NULL, 0)) || getenv("BPFVERIFY_NO_NAME_INDEX"))
		return NULL;
	pthread_mutex_lock(&mk->lock);
	if (!mk->names_tried) {
		mk->names_tried = true;
		/* NULL (no memory): callers scan */
		mk->names = mk->prof ? bvdb_profile__names_view(mk->prof, v) : bvdb_names__new_view(v);
	}
	ix = mk->names;
	pthread_mutex_unlock(&mk->lock);
	return ix;
}

int bvf_kernel_find(const struct bvf_kernel *k, const char *name, int kind)
{
	const struct bvdb_btf *v = bvf_kernel_view(k, NULL, 0);
	const struct bvdb_names *ix = v ? bvf_kernel_names(k) : NULL;
	uint32_t n = bvdb_btf__type_cnt(v);

	if (!v || !name)
		return -ENOENT;
	if (ix && bvdb_names__kind_indexed(kind)) {
		const uint32_t *ids;
		size_t cnt = bvdb_names__find(ix, name, bvdb_essential_len(name), &ids);

		for (size_t i = 0; i < cnt; i++) {
			const struct btf_type *t = bvdb_btf__type_by_id(v, ids[i]);
			const char *tn = t ? bvdb_btf__str(v, t->name_off) : NULL;

			if (t && (int)btf_kind(t) == kind && tn && strcmp(tn, name) == 0)
				return (int)ids[i];
		}
		return -ENOENT;
	}
	for (uint32_t id = 1; id < n; id++) {   /* the first, as libbpf */
		const struct btf_type *t = bvdb_btf__type_by_id(v, id);
		const char *tn;

		if (!t || (int)btf_kind(t) != kind)
			continue;
		tn = bvdb_btf__str(v, t->name_off);
		if (tn && strcmp(tn, name) == 0)
			return (int)id;
	}
	return -ENOENT;
}

int bvf_kernel_preload(struct bvf_kernel *k)
{
	if (!bvf_kernel_view(k, NULL, 0))
		return -1;
	bvf_kernel_names(k);
	return 0;
}

/* Loads modules/MOD.btf.zst of a db profile; unreadable ones are left out
 * (a profile works without its modules). Called under k->lock. */
static void load_modules(struct bvf_kernel *k)
{
	char dir[PATH_MAX_LEN];
	struct dirent *e;
	DIR *d;

	k->modules_tried = true;
	if (!k->prof || !k->btf)
		return;
	snprintf(dir, sizeof(dir), "%s/modules", bvdb_profile__dir(k->prof));
	d = opendir(dir);
	if (!d)
		return;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		char mod[256];
		struct btf *b, **nv;

		if (n <= 8 || n - 8 >= sizeof(mod) || strcmp(e->d_name + n - 8, ".btf.zst") != 0)
			continue;
		memcpy(mod, e->d_name, n - 8);
		mod[n - 8] = '\0';
		b = bvdb_profile__load_module_btf(k->prof, mod, k->btf, NULL, 0);
		if (!b)
			continue;
		nv = realloc(k->modules, (k->nr_modules + 1) * sizeof(*nv));
		if (!nv) {
			btf__free(b);
			break;
		}
		k->modules = nv;
		k->modules[k->nr_modules++] = b;
	}
	closedir(d);
}

int bvf_kernel_has_func(const struct bvf_kernel *k, const char *name)
{
	struct bvf_kernel *mk = (struct bvf_kernel *)k;
	struct btf *btf = bvf_kernel_btf(k, NULL, 0);
	int found;

	if (!btf || !name)
		return -1;
	if (btf__find_by_name_kind(btf, name, BTF_KIND_FUNC) > 0)
		return 1;
	/* Only a db profile knows its modules: elsewhere (host, a path) a
	 * function absent from vmlinux may still be in a module. */
	if (!mk->prof)
		return -1;
	pthread_mutex_lock(&mk->lock);
	if (!mk->modules_tried)
		load_modules(mk);
	found = 0;
	for (size_t i = 0; i < mk->nr_modules && !found; i++)
		found = btf__find_by_name_kind(mk->modules[i], name, BTF_KIND_FUNC) > 0;
	pthread_mutex_unlock(&mk->lock);
	return found;
}

int bvf_kernel_helper_facts(const struct bvf_kernel *k, uint32_t prog_type,
			    struct bvf_kb_helper_facts *out, char *err, size_t errsz)
{
	struct bvf_kernel *mk = (struct bvf_kernel *)k;
	struct helper_facts_memo *m;
	int ret;

	if (!k || prog_type >= HELPER_FACTS_TYPES)
		return bvf_kb_helper_facts_load(k, prog_type, out, err, errsz);
	/* Loaded outside the lock (it takes it for the BTF); a race only
	 * loads the same facts twice. */
	m = &mk->helper_facts[prog_type];
	pthread_mutex_lock(&mk->lock);
	if (m->done) {
		*out = m->facts;
		ret = m->ret;
		if (m->err[0])
			set_err(err, errsz, "%s", m->err);
		else if (err && errsz)
			err[0] = '\0';   /* once per program: no printf */
		pthread_mutex_unlock(&mk->lock);
		return ret;
	}
	pthread_mutex_unlock(&mk->lock);
	{
		struct bvf_kb_helper_facts f;
		char e[sizeof(m->err)] = "";

		ret = bvf_kb_helper_facts_load(k, prog_type, &f, e, sizeof(e));
		pthread_mutex_lock(&mk->lock);
		m->facts = f;
		m->ret = ret;
		memcpy(m->err, e, sizeof(e));
		m->done = true;
		pthread_mutex_unlock(&mk->lock);
		*out = f;
		set_err(err, errsz, "%s", e);
	}
	return ret;
}

int bvf_kernel_enum_id(const struct bvf_kernel *k, const char *name)
{
	struct bvf_kernel *mk = (struct bvf_kernel *)k;
	const struct bvdb_btf *v = bvf_kernel_view(k, NULL, 0);
	int id;

	if (!v || !name)
		return -1;
	pthread_mutex_lock(&mk->lock);
	for (size_t i = 0; i < mk->nr_enums; i++)
		if (strcmp(mk->enums[i].name, name) == 0) {
			id = mk->enums[i].id;
			pthread_mutex_unlock(&mk->lock);
			return id;
		}
	pthread_mutex_unlock(&mk->lock);
	id = bvf_kernel_find(k, name, BTF_KIND_ENUM);
	pthread_mutex_lock(&mk->lock);
	/* names are the callers' string literals: kept by pointer */
	if (mk->nr_enums < sizeof(mk->enums) / sizeof(mk->enums[0])) {
		mk->enums[mk->nr_enums].name = name;
		mk->enums[mk->nr_enums].id = id;
		mk->nr_enums++;
	}
	pthread_mutex_unlock(&mk->lock);
	return id;
}
