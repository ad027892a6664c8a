/* profile.c — reading a profile folder: profile.json (release, version,
 * source), facts.json (the hand-written behaviour names), and on demand
 * the BTFs (vmlinux.btf.zst, modules/MOD.btf.zst); listing a db. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <cjson/cJSON.h>

#include "bvdb_internal.h"

struct bvdb_profile {
	char *dir;
	char name[256];
	char release[256];
	uint32_t version;
	char source_kind[16];
	char source_text[512];
	char **features;
	size_t nr_features;
	/* vmlinux.btf.zst as profile.json records it (for the raw cache) */
	char btf_sha256[65];
	uint64_t btf_raw_size;
};

BVDB_EXPORT uint32_t bvdb_release_version(const char *rel)
{
	unsigned a = 0, b = 0, c = 0;

	if (!rel || sscanf(rel, "%u.%u.%u", &a, &b, &c) < 2 || a > 255 || b > 255)
		return 0;
	return (a << 16) | (b << 8) | (c > 255 ? 255 : c);
}

static cJSON *read_json(const char *path, char *err, size_t errsz)
{
	char *text = bvdb_read_file(path, BVDB_JSON_MAX, NULL, err, errsz);
	cJSON *doc;

	if (!text)
		return NULL;
	doc = cJSON_Parse(text);
	free(text);
	if (!doc || !cJSON_IsObject(doc)) {
		cJSON_Delete(doc);
		bvdb_set_err(err, errsz, "%s: not a JSON object", path);
		errno = EINVAL;
		return NULL;
	}
	return doc;
}

static const char *jstr(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void read_source(struct bvdb_profile *p, const cJSON *doc)
{
	const cJSON *src = cJSON_GetObjectItemCaseSensitive(doc, "source");
	const char *kind = src ? jstr(src, "kind") : NULL;

	if (!kind)
		return;
	snprintf(p->source_kind, sizeof(p->source_kind), "%s", kind);
	if (strcmp(kind, "deb") == 0)
		snprintf(p->source_text, sizeof(p->source_text), "deb %s %s",
			 jstr(src, "package") ? jstr(src, "package") : "?",
			 jstr(src, "version") ? jstr(src, "version") : "?");
	else if (strcmp(kind, "file") == 0)
		snprintf(p->source_text, sizeof(p->source_text), "file %s (%s)",
			 jstr(src, "file") ? jstr(src, "file") : "?",
			 jstr(src, "format") ? jstr(src, "format") : "?");
	else
		snprintf(p->source_text, sizeof(p->source_text), "%s", kind);
}

static int read_facts(struct bvdb_profile *p, char *err, size_t errsz)
{
	char path[4200];
	const cJSON *list, *it;
	cJSON *doc;
	size_t n = 0;

	snprintf(path, sizeof(path), "%s/facts.json", p->dir);
	doc = read_json(path, err, errsz);
	if (!doc)
		return -EINVAL;
	list = cJSON_GetObjectItemCaseSensitive(doc, "features");
	if (list && !cJSON_IsArray(list)) {
		bvdb_set_err(err, errsz, "%s: \"features\" is not a list", path);
		cJSON_Delete(doc);
		return -EINVAL;
	}
	p->features = calloc((size_t)cJSON_GetArraySize(list) + 1, sizeof(*p->features));
	if (!p->features) {
		cJSON_Delete(doc);
		bvdb_set_err(err, errsz, "%s: out of memory", path);
		return -ENOMEM;
	}
	cJSON_ArrayForEach(it, list) {
		p->features[n] = strdup(cJSON_IsString(it) ? it->valuestring : "(not a string)");
		if (!p->features[n]) {
			cJSON_Delete(doc);
			return -ENOMEM;
		}
		n++;
	}
	p->nr_features = n;
	cJSON_Delete(doc);
	return 0;
}

BVDB_EXPORT struct bvdb_profile *bvdb_profile__open(const char *dir, char *err, size_t errsz)
{
	struct bvdb_profile *p;
	const char *base, *rel;
	char path[4200];
	const cJSON *v;
	cJSON *doc;
	int e;

	if (!dir || !*dir || strlen(dir) > 4000) {
		bvdb_set_err(err, errsz, "no profile folder");
		errno = EINVAL;
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/profile.json", dir);
	doc = read_json(path, err, errsz);
	if (!doc) {
		errno = access(path, F_OK) == 0 ? EINVAL : ENOENT;
		return NULL;
	}
	rel = jstr(doc, "release");
	if (!rel || !bvdb_release_version(rel)) {
		bvdb_set_err(err, errsz, "%s: no valid \"release\"", path);
		cJSON_Delete(doc);
		errno = EINVAL;
		return NULL;
	}
	p = calloc(1, sizeof(*p));
	if (!p || !(p->dir = strdup(dir))) {
		free(p);
		cJSON_Delete(doc);
		bvdb_set_err(err, errsz, "%s: out of memory", path);
		errno = ENOMEM;
		return NULL;
	}
	base = strrchr(dir, '/');
	base = base && base[1] ? base + 1 : dir;
	snprintf(p->name, sizeof(p->name), "%s", base);
	snprintf(p->release, sizeof(p->release), "%s", rel);
	v = cJSON_GetObjectItemCaseSensitive(doc, "LINUX_KERNEL_VERSION");
	p->version = cJSON_IsNumber(v) && v->valuedouble > 0 && v->valuedouble < 16777216.0 ?
		     (uint32_t)v->valuedouble : bvdb_release_version(rel);
	read_source(p, doc);
	{
		const cJSON *files = cJSON_GetObjectItemCaseSensitive(doc, "files");
		const cJSON *f = files ? cJSON_GetObjectItemCaseSensitive(files, "vmlinux.btf.zst") : NULL;
		const cJSON *raw = f ? cJSON_GetObjectItemCaseSensitive(f, "raw_size") : NULL;
		const char *sha = f ? jstr(f, "sha256") : NULL;

		if (sha && strlen(sha) == 64 && strspn(sha, "0123456789abcdef") == 64 &&
		    cJSON_IsNumber(raw) && raw->valuedouble > 0 && raw->valuedouble <= BVDB_BTF_MAX) {
			memcpy(p->btf_sha256, sha, 65);
			p->btf_raw_size = (uint64_t)raw->valuedouble;
		}
	}
	cJSON_Delete(doc);
	e = read_facts(p, err, errsz);
	if (e) {
		bvdb_profile__close(p);
		errno = -e;
		return NULL;
	}
	return p;
}

BVDB_EXPORT void bvdb_profile__close(struct bvdb_profile *p)
{
	if (!p)
		return;
	for (size_t i = 0; p->features && p->features[i]; i++)
		free(p->features[i]);
	free(p->features);
	free(p->dir);
	free(p);
}

BVDB_EXPORT const char *bvdb_profile__name(const struct bvdb_profile *p) { return p ? p->name : NULL; }
BVDB_EXPORT const char *bvdb_profile__dir(const struct bvdb_profile *p) { return p ? p->dir : NULL; }
BVDB_EXPORT const char *bvdb_profile__release(const struct bvdb_profile *p) { return p ? p->release : NULL; }
BVDB_EXPORT uint32_t bvdb_profile__kernel_version(const struct bvdb_profile *p) { return p ? p->version : 0; }
BVDB_EXPORT const char *bvdb_profile__source_kind(const struct bvdb_profile *p) { return p ? p->source_kind : NULL; }
BVDB_EXPORT const char *bvdb_profile__source_text(const struct bvdb_profile *p) { return p ? p->source_text : NULL; }
BVDB_EXPORT size_t bvdb_profile__feature_cnt(const struct bvdb_profile *p) { return p ? p->nr_features : 0; }

BVDB_EXPORT const char *bvdb_profile__feature(const struct bvdb_profile *p, size_t i)
{
	return p && i < p->nr_features ? p->features[i] : NULL;
}

static struct btf *load(const struct bvdb_profile *p, const char *file, const struct btf *base,
			char *err, size_t errsz)
{
	char path[4400];
	struct btf *b;
	size_t size;
	void *raw;
	long e;

	snprintf(path, sizeof(path), "%s/%s", p->dir, file);
	raw = bvdb_zstd_unpack_file(path, BVDB_BTF_MAX, &size, err, errsz);
	if (!raw)
		return NULL;
	b = base ? bvdb_btf_new_split(raw, size, base) : btf__new(raw, size);
	free(raw);
	e = libbpf_get_error(b);
	if (!b || e) {
		e = e ? -e : errno;
		bvdb_set_err(err, errsz, "%s: corrupt BTF: %s", path, strerror((int)e));
		errno = (int)e;
		return NULL;
	}
	return b;
}

/* ---- the raw BTF cache ----
 * Decompressing vmlinux.btf.zst is most of a profile's load time. The
 * first load writes the raw bytes to CACHE/btf/SHA256-SIZE.btf (the
 * compressed file's sha256 as profile.json records it, and the file's
 * size); later loads map that file and hand it to btf__new, which
 * validates it like any BTF (a bad cache file is ignored and rewritten).
 * The key names the content, not the copy: every checkout or worktree of
 * the same profile shares one entry (a key with the file's mtime made
 * each checkout replace the others' entry, and miss on every other run).
 * import writes profile.json and the file together, and a raw file of
 * another size than the recorded raw_size is never used.
 * CACHE is $BPFVERIFY_CACHE, else $XDG_CACHE_HOME/bpfverify, else
 * ~/.cache/bpfverify; BPFVERIFY_CACHE=none turns the cache off. Failing to
 * write it is never an error. The profile's name index (names.c) is kept
 * next to it as SHA256-SIZE.names, mapped back as it is. */
static bool cache_path(const struct bvdb_profile *p, char *path, size_t size)
{
	const char *c = getenv("BPFVERIFY_CACHE"), *x = getenv("XDG_CACHE_HOME");
	const char *h = getenv("HOME");
	char zst[4400];
	struct stat st;
	int n;

	if (!p->btf_sha256[0] || (c && strcmp(c, "none") == 0))
		return false;
	snprintf(zst, sizeof(zst), "%s/vmlinux.btf.zst", p->dir);
	if (stat(zst, &st) != 0)
		return false;
	if (c && *c)
		n = snprintf(path, size, "%s/btf", c);
	else if (x && *x)
		n = snprintf(path, size, "%s/bpfverify/btf", x);
	else if (h && *h)
		n = snprintf(path, size, "%s/.cache/bpfverify/btf", h);
	else
		return false;
	if (n < 0 || (size_t)n >= size)
		return false;
	n += snprintf(path + n, size - (size_t)n, "/%s-%lld.btf", p->btf_sha256,
		      (long long)st.st_size);
	return (size_t)n < size;
}

static struct btf *cache_load(const struct bvdb_profile *p, const char *path)
{
	struct btf *b;
	size_t len;
	void *map = p->btf_raw_size ? bvdb_map_file(path, 0, p->btf_raw_size, &len) : NULL;

	if (!map)
		return NULL;
	b = btf__new(map, (uint32_t)len);   /* copies and validates */
	munmap(map, len);
	if (libbpf_get_error(b))
		return NULL;
	return b;
}

/* Removes the entries of the same sha256 under another name (another
 * size, or the SHA256-SIZE-MTIME names of older versions): one entry per
 * profile content. */
static void cache_prune(const char *path)
{
	const char *base = strrchr(path, '/') + 1;
	char dir[4600], old[4900];
	size_t keylen = 65;          /* "SHA256-" */
	struct dirent *e;
	DIR *d;

	snprintf(dir, sizeof(dir), "%.*s", (int)(base - path - 1), path);
	d = opendir(dir);
	if (!d)
		return;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name), bl = strlen(base);

		/* same sha256, another name; the current one's files (X.btf,
		 * X.types, X.names and their stamps X.*.ok) stay */
		if (strncmp(e->d_name, base, keylen) != 0 || strstr(e->d_name, ".tmp."))
			continue;
		if (strncmp(e->d_name, base, bl - 3) == 0 && n >= bl)
			continue;
		snprintf(old, sizeof(old), "%s/%s", dir, e->d_name);
		unlink(old);
	}
	closedir(d);
}

/* mkdir -p of path's folder, then the bytes through a temp file. */
static void cache_store(const char *path, const void *raw, size_t len)
{
	char dir[4600], *s;

	snprintf(dir, sizeof(dir), "%s", path);
	for (s = dir + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		if (mkdir(dir, 0755) != 0 && errno != EEXIST)
			return;
		*s = '/';
	}
	if (bvdb_write_file(path, raw, len, NULL, 0) == 0)
		cache_prune(path);
}

BVDB_EXPORT void *bvdb_profile__read_file(const struct bvdb_profile *p, const char *file,
					  size_t max, size_t *len, char *err, size_t errsz)
{
	char path[4400];

	if (!p || !file || strchr(file, '/')) {
		errno = EINVAL;
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/%s.zst", p->dir, file);
	return bvdb_zstd_unpack_file(path, max, len, err, errsz);
}

BVDB_EXPORT struct btf *bvdb_profile__load_btf(const struct bvdb_profile *p, char *err, size_t errsz)
{
	char cpath[4600], path[4400];
	bool cached;
	struct btf *b;
	size_t size;
	void *raw;
	long e;

	if (!p) {
		errno = EINVAL;
		return NULL;
	}
	cached = cache_path(p, cpath, sizeof(cpath));
	if (cached && (b = cache_load(p, cpath)))
		return b;
	snprintf(path, sizeof(path), "%s/vmlinux.btf.zst", p->dir);
	raw = bvdb_zstd_unpack_file(path, BVDB_BTF_MAX, &size, err, errsz);
	if (!raw)
		return NULL;
	b = btf__new(raw, (uint32_t)size);
	e = libbpf_get_error(b);
	if (!b || e) {
		free(raw);
		e = e ? -e : errno;
		bvdb_set_err(err, errsz, "%s: corrupt BTF: %s", path, strerror((int)e));
		errno = (int)e;
		return NULL;
	}
	if (cached && size == p->btf_raw_size)
		cache_store(cpath, raw, size);
	free(raw);
	return b;
}

BVDB_EXPORT struct bvdb_names *bvdb_profile__names_view(const struct bvdb_profile *p,
						       const struct bvdb_btf *v)
{
	char path[4600];
	struct bvdb_names *ix;

	if (!p || !v) {
		errno = EINVAL;
		return NULL;
	}
	if (!cache_path(p, path, sizeof(path) - 8))
		return bvdb_names__new_view(v);
	memcpy(path + strlen(path) - 4, ".names", 7);   /* X.btf -> X.names */
	ix = bvdb_names__load(path, v);
	if (ix)
		return ix;
	ix = bvdb_names__new_view(v);
	if (ix)
		bvdb_names__save(ix, path);   /* best effort, like the raw BTF */
	return ix;
}

BVDB_EXPORT struct bvdb_names *bvdb_profile__names(const struct bvdb_profile *p,
						  const struct btf *btf)
{
	struct bvdb_btf *v = btf ? bvdb_btf_view_of_libbpf(btf) : NULL;
	struct bvdb_names *ix = v ? bvdb_profile__names_view(p, v) : NULL;

	if (!btf)
		errno = EINVAL;
	if (ix)
		bvdb_names_own_view(ix, v);
	else
		bvdb_btf__free(v);
	return ix;
}

BVDB_EXPORT void bvdb_profile__drop_cache(const struct bvdb_profile *p)
{
	static const char *const exts[] = { ".btf", ".types", ".names", ".types.ok", ".names.ok" };
	char path[4600];
	size_t n;

	if (!p || !cache_path(p, path, sizeof(path) - 8))
		return;
	n = strlen(path) - 4;
	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		snprintf(path + n, sizeof(path) - n, "%s", exts[i]);
		unlink(path);
	}
}

/* A view of the mapped cache entry: its offset table from the cache when
 * it is there and describes this BTF, else built (and cached). NULL when
 * the entry is missing, of another size, or malformed (then removed, so
 * that the caller's decompression writes it anew). */
static struct bvdb_btf *cache_view(const struct bvdb_profile *p, const char *path)
{
	char tpath[4600];
	struct bvdb_btf *v;
	size_t len;
	void *map = p->btf_raw_size ? bvdb_map_file(path, 0, p->btf_raw_size, &len) : NULL;

	if (!map)
		return NULL;
	snprintf(tpath, sizeof(tpath), "%.*s.types", (int)(strlen(path) - 4), path);
	v = bvdb_btf_load_offsets(map, len, tpath);
	if (!v) {
		v = bvdb_btf__new(map, len, NULL, 0);
		if (!v) {
			munmap(map, len);
			unlink(path);
			return NULL;
		}
		bvdb_btf_save_offsets(v, tpath);   /* best effort */
	}
	bvdb_btf_take_data(v, NULL, map, len);
	return v;
}

BVDB_EXPORT struct bvdb_btf *bvdb_profile__load_view(const struct bvdb_profile *p, char *err,
						     size_t errsz)
{
	char cpath[4600], path[4400], verr[256];
	struct bvdb_btf *v;
	bool cached;
	size_t size;
	void *raw;

	if (!p) {
		errno = EINVAL;
		return NULL;
	}
	cached = cache_path(p, cpath, sizeof(cpath) - 8);
	if (cached && (v = cache_view(p, cpath)))
		return v;
	snprintf(path, sizeof(path), "%s/vmlinux.btf.zst", p->dir);
	raw = bvdb_zstd_unpack_file(path, BVDB_BTF_MAX, &size, err, errsz);
	if (!raw)
		return NULL;
	v = bvdb_btf__new(raw, size, verr, sizeof(verr));
	if (!v) {
		free(raw);
		bvdb_set_err(err, errsz, "%s: corrupt BTF: %s", path, verr);
		errno = EINVAL;
		return NULL;
	}
	bvdb_btf_take_data(v, raw, NULL, 0);
	if (cached && size == p->btf_raw_size) {
		cache_store(cpath, raw, size);
		memcpy(cpath + strlen(cpath) - 4, ".types", 7);
		bvdb_btf_save_offsets(v, cpath);
	}
	return v;
}

BVDB_EXPORT struct btf *bvdb_profile__load_module_btf(const struct bvdb_profile *p, const char *module,
						      const struct btf *base, char *err, size_t errsz)
{
	char file[128];

	if (!p || !module || !base || strchr(module, '/') || strlen(module) > 64) {
		bvdb_set_err(err, errsz, "bad module name");
		errno = EINVAL;
		return NULL;
	}
	snprintf(file, sizeof(file), "modules/%s.btf.zst", module);
	return load(p, file, base, err, errsz);
}

static int cmp_profiles(const void *a, const void *b)
{
	const struct bvdb_profile *x = *(struct bvdb_profile *const *)a;
	const struct bvdb_profile *y = *(struct bvdb_profile *const *)b;
	uint32_t vx = bvdb_release_version(x->release), vy = bvdb_release_version(y->release);

	if (vx != vy)
		return vx > vy ? -1 : 1;
	return strcmp(x->name, y->name);
}

BVDB_EXPORT int bvdb_profiles__list(const char *db, struct bvdb_profile ***out, size_t *cnt)
{
	DIR *d = db ? opendir(db) : NULL;
	struct bvdb_profile **v = NULL;
	struct dirent *e;
	size_t n = 0;

	*out = NULL;
	*cnt = 0;
	if (!d)
		return db ? -errno : -EINVAL;
	while ((e = readdir(d))) {
		struct bvdb_profile *p, **nv;
		char dir[4400];

		if (e->d_name[0] == '.' || strlen(db) + strlen(e->d_name) > 4000)
			continue;
		snprintf(dir, sizeof(dir), "%s/%s", db, e->d_name);
		p = bvdb_profile__open(dir, NULL, 0);
		if (!p)
			continue;
		nv = realloc(v, (n + 1) * sizeof(*v));
		if (!nv) {
			bvdb_profile__close(p);
			break;
		}
		v = nv;
		v[n++] = p;
	}
	closedir(d);
	if (n)
		qsort(v, n, sizeof(*v), cmp_profiles);
	*out = v;
	*cnt = n;
	return 0;
}

BVDB_EXPORT void bvdb_profiles__free(struct bvdb_profile **v, size_t cnt)
{
	for (size_t i = 0; i < cnt; i++)
		bvdb_profile__close(v[i]);
	free(v);
}
