/* kb_facts.c — what a kernel profile says about helpers beyond the
 * knowledge base's own model (kb_helpers.c, the newest kernel's rules).
 *
 * Two sources, both data:
 *  - the profile's BTF: `enum bpf_func_id` names every helper id the kernel
 *    knows; ids at or above its __BPF_FUNC_MAX_ID are unknown to it
 *    ("invalid func unknown#N");
 *  - the profile's facts.json, "helpers": per program type (the kernel's
 *    enum bpf_prog_type name without its prefix, lower case: "sched_cls"),
 *    helpers this kernel does NOT offer although the knowledge base does
 *    ("unavailable") and helpers it offers although the knowledge base does
 *    not ("available"); the key "*" applies to every program type. Helpers
 *    are named without their "bpf_" prefix, as in enum bpf_func_id.
 *  - for "host" only, the rules profile's build.json: what the build the
 *    profile was imported from does unlike the rules it models (same
 *    "helpers" form), applied when the running kernel's release is that
 *    build's. The profile itself keeps its rules: a build's departure is
 *    a fact of the machine, not of the kernel version.
 * facade.c loads the facts of one program's type once per verification.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <bpf/btf.h>
#include <cjson/cJSON.h>

#include "bpfverify/bvdb.h"
#include "bvf_internal.h"
#include "kb.h"

#ifndef BVF_DB_DIR
#define BVF_DB_DIR "btf-db/profiles"
#endif
#define FACTS_MAX (1u << 20)

__attribute__((format(printf, 3, 4)))
static int set_err(char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;

	if (err && errsz) {
		va_start(ap, fmt);
		vsnprintf(err, errsz, fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}

char *bvf_facts_read(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	size_t n, cap = FACTS_MAX;
	char *buf;

	if (!f)
		return NULL;
	/* the file's size, not the limit: a 1 MiB buffer is an mmap and a
	 * munmap for a file of a few KiB (read once per program type) */
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uint64_t)st.st_size < FACTS_MAX)
		cap = (size_t)st.st_size;
	buf = malloc(cap + 1);
	n = buf ? fread(buf, 1, cap, f) : 0;
	fclose(f);
	if (buf)
		buf[n] = '\0';
	return buf;
}

/* Value of enumerator `name` of `enum bpf_func_id` in the kernel's BTF. */
static bool btf_func_id(const struct bvf_kernel *k, const char *name, int32_t *val)
{
	const struct bvdb_btf *v = k ? bvf_kernel_view(k, NULL, 0) : NULL;
	int id = v ? bvf_kernel_enum_id(k, "bpf_func_id") : -1;
	const struct btf_type *t = id > 0 ? bvdb_btf__type_by_id(v, (uint32_t)id) : NULL;
	const struct btf_enum *e;

	if (!t || !btf_is_enum(t))
		return false;
	e = btf_enum(t);
	for (uint16_t i = 0; i < btf_vlen(t); i++, e++) {
		const char *n = bvdb_btf__str(v, e->name_off);

		if (n && strcmp(n, name) == 0) {
			*val = e->val;
			return true;
		}
	}
	return false;
}

/* The id of helper `name` ("get_current_comm"): the kernel's BTF first,
 * the knowledge base's names when the BTF does not say. */
static int32_t helper_id(const struct bvf_kernel *btf, const char *name)
{
	char full[128];
	int32_t v;

	snprintf(full, sizeof(full), "BPF_FUNC_%s", name);
	if (btf_func_id(btf, full, &v))
		return v;
	snprintf(full, sizeof(full), "bpf_%s", name);
	for (int32_t id = 1; id <= BVF_KB_HELPER_ID_MAX; id++) {
		const char *n = bvf_kb_helper_name(id);

		if (n && strcmp(n, full) == 0)
			return id;
	}
	return -1;
}

/* Sets the bits of the helpers listed under `key` and "*" of `obj`. */
static int take_list(const cJSON *obj, const char *key, const struct bvf_kernel *btf,
		     uint64_t bits[4], const char *path, char *err, size_t errsz)
{
	const char *keys[2] = { "*", key };

	if (!obj)
		return 0;
	if (!cJSON_IsObject(obj))
		return set_err(err, errsz, "%s: \"helpers\" lists must be objects keyed by program type", path);
	for (int k = 0; k < 2; k++) {
		const cJSON *list = keys[k] ? cJSON_GetObjectItemCaseSensitive(obj, keys[k]) : NULL;
		const cJSON *it;

		cJSON_ArrayForEach(it, list) {
			int32_t id = cJSON_IsString(it) ? helper_id(btf, it->valuestring) : -1;

			if (id <= 0 || id >= 256)
				return set_err(err, errsz, "%s: \"helpers\": unknown helper '%s'", path,
					       cJSON_IsString(it) ? it->valuestring : "(not a string)");
			bits[id / 64] |= UINT64_C(1) << (id % 64);
		}
	}
	return 0;
}

/* Applies the "helpers" lists of the JSON file at path for program type
 * `type`; with `release`, only when the file's "release" is that. A
 * missing file is no facts. */
static int apply_file(const char *path, const char *release, const char *type,
		      const struct bvf_kernel *btf, struct bvf_kb_helper_facts *out,
		      char *err, size_t errsz)
{
	const cJSON *helpers, *rel;
	char *text = bvf_facts_read(path);
	cJSON *doc;
	int ret = 0;

	if (!text)
		return 0;
	doc = cJSON_Parse(text);
	free(text);
	if (!doc)
		return set_err(err, errsz, "%s: not valid JSON", path);
	rel = cJSON_GetObjectItemCaseSensitive(doc, "release");
	helpers = cJSON_GetObjectItemCaseSensitive(doc, "helpers");
	if (release && !(cJSON_IsString(rel) && strcmp(rel->valuestring, release) == 0))
		helpers = NULL;   /* another build's facts */
	if (helpers && !cJSON_IsObject(helpers))
		ret = set_err(err, errsz, "%s: \"helpers\" is not an object", path);
	else if (helpers)
		ret = take_list(cJSON_GetObjectItemCaseSensitive(helpers, "unavailable"), type,
				btf, out->unavailable, path, err, errsz) ?:
		      take_list(cJSON_GetObjectItemCaseSensitive(helpers, "available"), type,
				btf, out->available, path, err, errsz);
	cJSON_Delete(doc);
	return ret;
}

int bvf_kb_helper_facts_load(const struct bvf_kernel *k, uint32_t prog_type,
			     struct bvf_kb_helper_facts *out, char *err, size_t errsz)
{
	const char *db = bvdb_default_dir(BVF_DB_DIR);
	const char *type = bvf_prog_type_name(prog_type);
	const char *name = bvf_kernel_name(k);
	const struct bvf_kernel *btf;   /* k, when its BTF can be read */
	char path[4096], berr[256];
	int32_t max;
	int ret;

	memset(out, 0, sizeof(*out));
	btf = bvf_kernel_view(k, berr, sizeof(berr)) ? k : NULL;
	if (btf && btf_func_id(btf, "__BPF_FUNC_MAX_ID", &max))
		out->nr_ids = max;
	if (!db || !*db)
		db = BVF_DB_DIR;
	snprintf(path, sizeof(path), "%s/%s/facts.json", db, bvf_kernel_rules(k));
	ret = apply_file(path, NULL, type, btf, out, err, errsz);
	if (ret || !name || strcmp(name, "host") != 0)
		return ret;
	snprintf(path, sizeof(path), "%s/%s/build.json", db, bvf_kernel_rules(k));
	return apply_file(path, bvf_kernel_release(k), type, btf, out, err, errsz);
}
