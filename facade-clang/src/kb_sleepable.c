/* kb_sleepable.c — which attach targets a kernel lets a sleepable program
 * use: kernel facts that BTF does not carry, kept in the profile's
 * facts.json under "sleepable":
 *   "lsm_hooks": the kernel's sleepable_lsm_hooks set (kernel/bpf/bpf_lsm.c,
 *                BTF_SET of bpf_lsm_* functions), as the profile's config
 *                builds it.
 * A profile without the list cannot tell (the caller ends in `error`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "bpfverify/bvdb.h"
#include "bvf_internal.h"
#include "kb_sleepable.h"

#ifndef BVF_DB_DIR
#define BVF_DB_DIR "btf-db/profiles"
#endif
int bvf_kernel_lsm_hook_sleepable(const struct bvf_kernel *k, const char *func)
{
	const char *db = bvdb_default_dir(BVF_DB_DIR);
	const cJSON *sl, *hooks, *it;
	char path[4096];
	cJSON *doc;
	char *text;
	int ret = -1;

	snprintf(path, sizeof(path), "%s/%s/facts.json", db && *db ? db : BVF_DB_DIR,
		 bvf_kernel_rules(k));
	text = bvf_facts_read(path);
	if (!text)
		return -1;
	doc = cJSON_Parse(text);
	free(text);
	if (!doc)
		return -1;
	sl = cJSON_GetObjectItemCaseSensitive(doc, "sleepable");
	hooks = cJSON_IsObject(sl) ? cJSON_GetObjectItemCaseSensitive(sl, "lsm_hooks") : NULL;
	if (cJSON_IsArray(hooks)) {
		ret = 0;
		cJSON_ArrayForEach(it, hooks)
			if (cJSON_IsString(it) && strcmp(it->valuestring, func) == 0)
				ret = 1;
	}
	cJSON_Delete(doc);
	return ret;
}

bool bvf_sleepable_map_type_ok(uint32_t map_type)
{
	switch (map_type) {
	case 1: case 2: case 5: case 6: case 9: case 10:  /* (lru/percpu) hash, array */
	case 12: case 13:                                 /* array/hash of maps */
	case 27: case 31:                                 /* ringbuf, user ringbuf */
	case 24: case 28: case 29: case 32:               /* sk/inode/task/cgrp storage */
		return true;
	default:
		return false;
	}
}
