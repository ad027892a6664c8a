/* kb_attach.c — attach-target facts kept in the profile's facts.json under
 * "attach" (kernel lists that BTF does not carry):
 *   "function_error_injection": false when the kernel is built without
 *        CONFIG_FUNCTION_ERROR_INJECTION (no function is on the
 *        error-injection list: no ALLOW_ERROR_INJECTION target);
 *        a kernel with the list is not modelled (its entries are not
 *        recorded), so any answer that depends on it is -1;
 *   "fmodret": { "func": ["sleepable"] | [] }: the modify-return kfunc
 *        set (register_btf_fmodret_id_set) with each entry's flags;
 *   "d_path_allowlist": [ "func", ... ]: btf_allowlist_d_path as the
 *        profile's config builds it.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "bpfverify/bvdb.h"
#include "bvf_internal.h"
#include "kb_attach.h"

#ifndef BVF_DB_DIR
#define BVF_DB_DIR "btf-db/profiles"
#endif

/* The profile's "attach" object, parsed; NULL when absent. The caller
 * frees *doc. */
static const cJSON *attach_facts(const struct bvf_kernel *k, cJSON **doc)
{
	const char *db = bvdb_default_dir(BVF_DB_DIR);
	const cJSON *a;
	char path[4096];
	char *text;

	*doc = NULL;
	snprintf(path, sizeof(path), "%s/%s/facts.json", db && *db ? db : BVF_DB_DIR,
		 bvf_kernel_rules(k));
	text = bvf_facts_read(path);
	if (!text)
		return NULL;
	*doc = cJSON_Parse(text);
	free(text);
	a = *doc ? cJSON_GetObjectItemCaseSensitive(*doc, "attach") : NULL;
	return cJSON_IsObject(a) ? a : NULL;
}

/* 1 func is in the "fmodret" set (with "sleepable" among its flags when
 * need_sleepable), 0 not, -1 the set is not recorded. */
static int in_fmodret(const cJSON *a, const char *func, bool need_sleepable)
{
	const cJSON *set = cJSON_GetObjectItemCaseSensitive(a, "fmodret");
	const cJSON *e, *f;

	if (!cJSON_IsObject(set))
		return -1;
	e = cJSON_GetObjectItemCaseSensitive(set, func);
	if (!e)
		return 0;
	if (!need_sleepable)
		return 1;
	cJSON_ArrayForEach(f, e)
		if (cJSON_IsString(f) && strcmp(f->valuestring, "sleepable") == 0)
			return 1;
	return 0;
}

/* 0 when the kernel has no error-injection list, -1 otherwise (its
 * entries are not recorded: cannot tell). */
static int on_error_injection_list(const cJSON *a)
{
	const cJSON *e = cJSON_GetObjectItemCaseSensitive(a, "function_error_injection");

	return cJSON_IsFalse(e) ? 0 : -1;
}

int bvf_kernel_sleepable_fn(const struct bvf_kernel *k, const char *func)
{
	cJSON *doc;
	const cJSON *a = attach_facts(k, &doc);
	int ret = -1;

	if (a) {
		ret = in_fmodret(a, func, true);
		if (ret == 0)
			ret = on_error_injection_list(a);
	}
	cJSON_Delete(doc);
	return ret;
}

int bvf_kernel_modifiable_fn(const struct bvf_kernel *k, const char *func)
{
	cJSON *doc;
	const cJSON *a;
	int ret = -1;

	if (strncmp(func, "security_", 9) == 0)
		return 1;
	a = attach_facts(k, &doc);
	if (a) {
		ret = in_fmodret(a, func, false);
		if (ret == 0)
			ret = on_error_injection_list(a);
	}
	cJSON_Delete(doc);
	return ret;
}

int bvf_kernel_d_path_allowed_fn(const struct bvf_kernel *k, const char *func)
{
	cJSON *doc;
	const cJSON *a = attach_facts(k, &doc);
	const cJSON *list = a ? cJSON_GetObjectItemCaseSensitive(a, "d_path_allowlist") : NULL;
	const cJSON *it;
	int ret = -1;

	if (cJSON_IsArray(list)) {
		ret = 0;
		cJSON_ArrayForEach(it, list)
			if (cJSON_IsString(it) && strcmp(it->valuestring, func) == 0)
				ret = 1;
	}
	cJSON_Delete(doc);
	return ret;
}
